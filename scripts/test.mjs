// `npm test`: build, type-check, lint and run every test, in the least wall-clock time. The steps
// that do not wait for each other run side by side: ESLint from the start; the bundle, then one
// tsc per project (the pure core alone, then everything else, whose output the tests run), then
// the test files, several at a time. Lint's report is printed after the tests'; a summary says
// how long each step took. Exit code: 0 when every step passed, else 1.
//
//   node scripts/test.mjs [test files…]     (default: every test/*.test.ts)
//   CLOE_TEST_CONCURRENCY=n                 test files run at once (default: 3)
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const eslint = path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
const started = Date.now();
const timings = [];

/** Runs a command; output passes through (live) or is kept (buffered) for later. */
function step(name, command, args, { live }) {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (d) => (output += d));
    child.stderr?.setEncoding('utf8').on('data', (d) => (output += d));
    child.on('error', (e) => (output += `${e.message}\n`));
    child.on('close', (code, signal) => {
      const ok = code === 0;
      timings.push({ name, seconds: (Date.now() - t0) / 1000, ok });
      resolve({ name, ok, output, why: ok ? '' : signal ? `killed by ${signal}` : `exit ${code}` });
    });
  });
}

/** Prints a buffered step's output under a header (nothing for a silent success). */
function report(r) {
  if (r.output.trim() === '' && r.ok) return;
  process.stdout.write(`\n== ${r.name}${r.ok ? '' : ` (failed: ${r.why})`}\n${r.output}`);
}

// The test files of the sources (a compiled test whose source was deleted is not run).
const named = process.argv.slice(2);
// The longest files start first, so that none is left running alone at the end.
const LONGEST = ['memory', 'incremental', 'robustness', 'ci', 'edit-fuzz', 'lsp'].map((n) => `${n}.test.ts`);
const rank = (f) => (LONGEST.includes(f) ? LONGEST.indexOf(f) : LONGEST.length);
const tests = (named.length > 0 ? named : readdirSync(path.join(root, 'test')).filter((f) => f.endsWith('.test.ts')).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1)).map((f) => path.join('test', f)))
  .map((f) => path.join('out', f.replace(/\.ts$/, '.js')));
const concurrency = Number(process.env.CLOE_TEST_CONCURRENCY) > 0 ? String(Number(process.env.CLOE_TEST_CONCURRENCY)) : '3';

// ESLint's cache (in node_modules/.cache, which `npm ci` empties: CI lints everything) skips the
// files that did not change; a typed rule's finding caused by a change elsewhere (a function that
// now returns a promise) is seen when the file is linted again, or by `npm run lint`.
const lint = step('lint (eslint --cache)', process.execPath, [eslint, '--cache', '--cache-strategy', 'content', '--cache-location', 'node_modules/.cache/eslint/', '.'], { live: false });
const compiled = (async () => {
  const build = await step('build (esbuild)', process.execPath, ['scripts/build.mjs'], { live: false });
  // The core is compiled without Node's types (it must not use them); the rest once, emitting
  // what the tests run (server, client, tests and the benchmark, type-checked together).
  const [core, all] = await Promise.all([
    step('typecheck of the core (tsc -p server/tsconfig.core.json)', process.execPath, [tsc, '-p', 'server/tsconfig.core.json'], { live: false }),
    step('compile (tsc -p tsconfig.json)', process.execPath, [tsc, '-p', 'tsconfig.json'], { live: false }),
  ]);
  return [build, core, all];
})();

const before = await compiled;
before.forEach(report);
let testRun;
if (before.every((r) => r.ok)) {
  testRun = await step('tests (node --test)', process.execPath, ['--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...tests], { live: true });
} else {
  process.stdout.write('\nThe build or the type-check failed: the tests are not run.\n');
}
const linted = await lint;
report(linted);

const all = [...before, linted, ...(testRun ? [testRun] : [])];
process.stdout.write(`\n${timings.map((t) => `${t.ok ? '✔' : '✖'} ${t.name}: ${t.seconds.toFixed(1)} s`).join('\n')}\nnpm test: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
process.exitCode = all.every((r) => r.ok) && testRun ? 0 : 1;
