/**
 * The real VS Code suite, in @vscode/test-electron's shape: VS Code loads this module (the
 * extensionTestsPath) in its extension host and calls run(). Mocha runs the extension*.vtest.js and
 * outcomes*.vtest.js beside it, or the ones CLOE_VSCODE_SUITE names (comma-separated prefixes). The last line it prints is "N passed, N failed".
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // CLOE_VSCODE_GREP: only the tests whose title matches (e.g. to repeat one).
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec', ...(process.env.CLOE_VSCODE_GREP ? { grep: process.env.CLOE_VSCODE_GREP } : {}) });
  // extension* and outcomes* by default; restricted, plain and screenshots need their own VS Code.
  const only = (process.env.CLOE_VSCODE_SUITE || 'extension,outcomes').split(',');
  for (const f of fs.readdirSync(__dirname).sort()) {
    if (f.endsWith('.vtest.js') && only.some((prefix) => f.startsWith(prefix))) mocha.addFile(path.join(__dirname, f));
  }
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
