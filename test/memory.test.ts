/**
 * What the language server keeps in memory while a large file is edited. Each edit makes a new
 * copy of the text (strings are immutable); the old one must become garbage. A text of 13
 * characters or more cut from the document is, in V8, a view that keeps the whole document
 * alive: one such view kept from each version would keep every version (tens of MB each).
 * Run in a child process with --expose-gc, to measure the heap after full collections.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers';
import { TestClient } from './lsp-client';

const OUT = path.resolve(__dirname, '..');

// The child: a file of 20,000 candidates whose text is two bytes a character (an em dash), the
// lazy model of the server, 12 edits (a letter typed, then deleted; a new text each time, as the
// editor's document makes): ten into a candidate's name and a profession in the middle, which
// incremental validation re-parses alone, and two into the comment of line 1, which is in no
// candidate and makes a full validation; hovers' reads in between. It prints the heap after the
// first check and after the edits, and how many edits took each path.
const CHILD = `
const { IncrementalGrid } = require(${JSON.stringify(path.join(OUT, 'server/src/core/incremental.js'))});
const { generate } = require(${JSON.stringify(path.join(OUT, 'test/generate.js'))});
gc(); gc();
const empty = process.memoryUsage().heapUsed;
// YAML=1: a tab in a comment, and the file is read by the yaml package (the fast parser's subset has no tabs).
let text = '# cohort of the Alsace — session 1' + (process.env.YAML ? '\\t' : '') + '\\n' + generate(20000, 11);
let grid = new IncrementalGrid(text, { lazy: true });
gc(); gc();
const before = process.memoryUsage().heapUsed;
// Each letter typed is deleted by the next edit: the text is the first one again after each pair,
// so the places found in it stay right.
const places = {
  name: text.indexOf('name: Candidate 10000') + 16,
  profession: text.indexOf('profession:', text.length >> 1) + 16,
  comment: text.indexOf('Alsace'),
};
const order = ['name', 'profession', 'name', 'comment', 'profession', 'name'];
for (let i = 0; i < 12; i++) {
  const anchor = places[order[i >> 1]];
  const edit = i % 2 === 0 ? { start: anchor, end: anchor, newText: 'x' } : { start: anchor, end: anchor + 1, newText: '' };
  text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
  const r = grid.update([edit], text);
  for (const c of r.model.candidates.slice(9990, 10010)) void [c.name, c.profession, c.result, r.candidates[c.index].outcome.steps];
}
gc(); gc();
const after = process.memoryUsage().heapUsed;
const textBytes = text.length * 2;
const findings = grid.result.findings.length;
const stats = { ...grid.stats };
// The file closed: nothing of it may stay (caches of the core hold names and messages only).
grid = undefined;
text = undefined;
// (On the next turn of the event loop, as a server's next message: the current task has ended.)
setImmediate(() => {
  gc(); gc();
  console.log(JSON.stringify({ empty, before, after, closed: process.memoryUsage().heapUsed, textBytes, findings, stats }));
});
`;

describe('memory of the language server while a large file is edited', () => {
  for (const parser of ['fast parser', 'yaml package'])
  test(`older versions of the text are not kept (12 edits of a 3 MB text: the heap grows by less than half a text), and nothing once the file is closed (${parser})`, () => {
    const run = spawnSync(process.execPath, ['--expose-gc', '-e', CHILD], { encoding: 'utf8', env: { ...process.env, YAML: parser === 'yaml package' ? '1' : '' } });
    assert.equal(run.status, 0, run.stderr);
    const m = JSON.parse(run.stdout) as { empty: number; before: number; after: number; closed: number; textBytes: number; findings: number; stats: { incremental: number; full: number } };
    assert.ok(m.findings > 1000, `the file has findings to keep: ${m.findings}`);
    // Both paths of an edit are measured: the candidate re-parsed alone, and the whole file again.
    assert.deepEqual(m.stats, { incremental: 10, full: 2 });
    const grown = m.after - m.before;
    assert.ok(grown < m.textBytes / 2, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over 12 edits; a text is ${(m.textBytes / 1e6).toFixed(1)} MB`);
    // Closed: the model and the text are garbage (the core's bounded caches of names and messages stay).
    const left = m.closed - m.empty;
    assert.ok(left < 0.1 * (m.after - m.empty), `${(left / 1e6).toFixed(1)} MB are still used once the file is closed (the model and text were ${((m.after - m.empty) / 1e6).toFixed(1)} MB)`);
  });
});

describe('the heap policy of the language server', () => {
  test('CLOE_HEAP_POLICY=off leaves V8 as it is, says so in the log, and the server works the same', async () => {
    const uri = pathToFileURL(path.join(ROOT, 'heap-policy.cloe.yaml')).href;
    const text = 'cloe: 1\ncohorts:\n  - id: c\n    candidates:\n      - id: X-1\n        name: Ann\n        profession: Comptable\n        threshold: B3\n';
    const diagnostics: string[][] = [];
    for (const policy of ['on', 'off']) {
      const client = new TestClient(policy === 'off' ? { env: { CLOE_HEAP_POLICY: 'off' } } : {});
      try {
        await client.initialize();
        // (didOpen is handled after initialized, whose log line is then sent.)
        diagnostics.push((await client.open(uri, text)).diagnostics.map((d) => String(d.code)));
        const said = client.logs.filter((l) => l.startsWith('CLOE_HEAP_POLICY=off'));
        assert.equal(said.length, policy === 'off' ? 1 : 0, client.logs.join('\n'));
      } finally {
        await client.stop();
      }
    }
    assert.deepEqual(diagnostics[1], diagnostics[0]);
    assert.ok(diagnostics[0]!.includes('invalid-level'), diagnostics[0]!.join(', '));
  });
});
