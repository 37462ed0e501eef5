/**
 * The outcomes view on a large file (issue 15): the language server's answer to cloe/outcomes for a
 * generated 10,000-candidate grid file, once opened (goal: 1 s) and after an edit of a result
 * (goal: 200 ms from the edit to the new view's data, diagnostics included), and its size.
 * Measured through the real server (dist/cli.js --stdio), from the client's side.
 *
 *   npm run bench:outcomes     (or: node out/bench/outcomes.js [--size 10000] [--runs 5])
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { generateGrid } from './generate';
import { BenchClient } from './lsp';

const ROOT = path.resolve(__dirname, '..', '..');

/** (run.ts has the same, but importing it would start the whole benchmark.) */
function stats(runs: number[]): { median: number; min: number; max: number } {
  const s = [...runs].sort((a, b) => a - b);
  const m = s.length;
  return { median: m % 2 ? s[(m - 1) / 2]! : (s[m / 2 - 1]! + s[m / 2]!) / 2, min: s[0]!, max: s[m - 1]! };
}
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

async function main(): Promise<void> {
  const size = arg('--size', 10_000);
  const runs = arg('--runs', 5);
  const { text } = generateGrid(size, 15);
  const uri = pathToFileURL(path.join(ROOT, 'bench', 'tmp', `outcomes-${size}.cloe.yaml`)).href;
  const client = new BenchClient({ name: 'cloe-grid', args: [path.join(ROOT, 'dist', 'cli.js'), '--stdio'], configuration: (s) => (s === 'cloe' ? {} : null), versionedDiagnostics: true }, ROOT);
  const opened: number[] = [];
  const edited: number[] = [];
  let bytes = 0;
  try {
    await client.initialize();
    for (let i = 0; i < runs; i++) {
      // Open → diagnostics → the view's data: what "CLOE: Show Outcomes" waits for on a file just opened.
      const t0 = performance.now();
      await client.open(uri, text, 60_000);
      const view = await client.connection.sendRequest<{ cohorts: { rows: unknown[] }[] }>('cloe/outcomes', { uri });
      opened.push(performance.now() - t0);
      bytes = JSON.stringify(view).length;
      const rows = view.cohorts.reduce((n, c) => n + c.rows.length, 0);
      if (rows !== size) throw new Error(`${rows} rows for ${size} candidates`);
      // An edit of one result, then the view's data again (the view debounces edits by 200 ms on top).
      const line = text.split('\n').findIndex((l, k) => k > text.split('\n').length / 2 && /^ +result: [ABC][12][+-]?$/.test(l));
      const col = text.split('\n')[line]!.indexOf('result: ') + 'result: '.length;
      const t1 = performance.now();
      await client.change(uri, [{ range: { start: { line, character: col }, end: { line, character: col + 2 } }, text: i % 2 ? 'B1' : 'C1' }], 60_000);
      await client.connection.sendRequest('cloe/outcomes', { uri });
      edited.push(performance.now() - t1);
      await client.close(uri, 60_000);
    }
  } finally {
    await client.stop();
  }
  const o = stats(opened);
  const e = stats(edited);
  console.log(`outcomes view, ${size.toLocaleString('en')} candidates (${(bytes / 1e6).toFixed(1)} MB of JSON), ${runs} runs:`);
  console.log(`  open + cloe/outcomes   median ${o.median.toFixed(0)} ms (min ${o.min.toFixed(0)}, max ${o.max.toFixed(0)})   goal 1000 ms: ${o.median <= 1000 ? 'met' : 'NOT met'}`);
  console.log(`  edit + cloe/outcomes   median ${e.median.toFixed(0)} ms (min ${e.min.toFixed(0)}, max ${e.max.toFixed(0)})   goal 200 ms: ${e.median <= 200 ? 'met' : 'NOT met'}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
