/**
 * The real VS Code suite in a browser's extension host (the web worker extension host of
 * code-server, as vscode.dev and github.dev run extensions): VS Code loads this bundle (built by
 * run-code-server.mjs --web, with mocha's browser build) and calls run(). No Node here: no fs,
 * no path, no process. The last line it prints is "N passed, N failed".
 */
// mocha's browser build: it defines globalThis.Mocha (run-code-server.mjs keeps its UMD wrapper from taking this module's exports).
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('mocha/mocha');

declare const CLOE_WEB: { grep: string };

export function run(): Promise<void> {
  // A Mocha of our own (the browser build's global instance reports to the DOM, which a worker has not).
  const MochaClass = (globalThis as unknown as { Mocha: typeof Mocha }).Mocha;
  const mocha = new MochaClass({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec', ...(CLOE_WEB.grep ? { grep: CLOE_WEB.grep } : {}) });
  // describe/it for the suite's file, then the file.
  mocha.suite.emit('pre-require', globalThis, 'web.vtest', mocha);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./web.vtest');
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    try {
      const runner = mocha.run(() => {
        console.log(`${passed} passed, ${failed} failed`);
        if (failed > 0) reject(new Error(`${failed} tests failed`));
        else if (passed === 0) reject(new Error('no test ran'));
        else resolve();
      });
      runner.on('pass', () => passed++);
      runner.on('fail', () => failed++);
    } catch (e) {
      console.log('0 passed, 1 failed');
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
