/**
 * Bad and pathological input (issue 6): for each case, the core gives findings at the right place
 * and never throws, the CLI exits 0 or 1 with a report (in process; the executable for the 50 MB
 * file), and the language server
 * publishes diagnostics and still answers a hover.
 *
 * Places are written 1-based, `rule line:col-line:col`, as in the rule fixtures.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver-protocol/node';
import { checkText, type CheckResult } from '../server/src/core/check';
import { completeAt } from '../server/src/core/complete';
import { explainAt } from '../server/src/core/explain';
import { MAX_TEXT_LENGTH } from '../server/src/core/limits';
import { render } from '../server/src/core/messages';
import { runCli, runInProcess } from './helpers';
import { TestClient } from './lsp-client';

const GRID = `cloe: 1
language: en
cohorts:
  - id: acme-2026-03
    name: Acme spring 2026
    partner: Acme Formation
    session: 2026-03-15
    candidates:
      - id: ACME-001
        name: Jeanne Dupont
        profession: Chef de projet
        threshold: B3
        result: B2
`;
/** GRID's one finding: the level B3, line 12, columns 20-21. */
const B3 = 'invalid-level 12:20-12:22';

const lol = (levels: number) => {
  const lines = ['  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < levels; i++) {
    const p = String.fromCharCode(96 + i);
    const c = String.fromCharCode(97 + i);
    lines.push(`  ${c}: &${c} [${Array(9).fill(`*${p}`).join(', ')}]`);
  }
  return lines.join('\n');
};

interface Case {
  name: string;
  /** The text (for the core and the server). */
  text: string;
  /** The bytes the CLI reads, when they are not the UTF-8 of text (a BOM, invalid UTF-8). */
  bytes?: Buffer;
  /** Findings (`rule line:col-line:col`) that must be among the core's. */
  expect: string[];
  /** The same for the CLI, when its positions differ (a BOM is not a character of line 1 there). */
  cliExpect?: string[];
  /** More checks on the core's result. */
  check?: (r: CheckResult) => void;
  /** Time limit of the core's check, in ms. */
  maxMs?: number;
  /** Skip the server (the text is too large to be worth sending twice). */
  noServer?: boolean;
  /** Where the parser stops depends on the stack left to it: places differ from process to process. */
  stackBound?: boolean;
}

const where = (r: CheckResult) =>
  r.findings.map((f) => {
    const s = r.lines.position(f.span.start);
    const e = r.lines.position(f.span.end);
    return `${f.rule} ${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`;
  });
const messages = (r: CheckResult) => r.findings.map((f) => `${f.rule}: ${render(f.message, 'en')}`);

const CASES: Case[] = [
  { name: 'empty', text: '', expect: ['unsupported-version 1:1-1:1'] },
  { name: 'only-comments', text: '# a grid file, some day\n\n# nothing yet\n', expect: ['unsupported-version 1:1-1:1'] },
  {
    name: 'bom',
    text: '\uFEFF' + GRID.replace('cloe: 1', 'cloe: 2'),
    bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GRID.replace('cloe: 1', 'cloe: 2'))]),
    // The core counts the BOM when it is given one (editors do not send it); the CLI drops it.
    expect: ['unsupported-version 1:8-1:9', B3],
    cliExpect: ['unsupported-version 1:7-1:8', B3],
  },
  { name: 'crlf', text: GRID.replace(/\n/g, '\r\n'), expect: [B3], check: (r) => assert.equal(r.findings.length, 1, messages(r).join('\n')) },
  {
    name: 'mixed-line-endings',
    text: GRID.split('\n').map((l, i) => l + (i % 3 === 0 ? '\r\n' : '\n')).join('').replace(/\r?\n$/, '\n'),
    expect: [B3],
    check: (r) => assert.equal(r.findings.length, 1, messages(r).join('\n')),
  },
  {
    name: 'tab-indentation',
    text: GRID.replace('        threshold: B3', '\tthreshold: B3'),
    expect: [],
    check: (r) => assert.ok(messages(r).some((m) => m.startsWith('yaml-syntax: Tabs cannot indent YAML')) && where(r).some((w) => w.startsWith('yaml-syntax 12:')), where(r).join('\n')),
  },
  {
    name: 'nul-bytes',
    text: GRID.replace('Jeanne', 'Jea\0nne'),
    expect: ['yaml-syntax 10:18-10:19', B3],
    check: (r) => assert.ok(messages(r).some((m) => m.includes('U+0000'))),
  },
  {
    name: 'invalid-utf8',
    // Latin-1 "é" (0xE9) where UTF-8 was expected: decoded, it is U+FFFD.
    text: GRID.replace('Dupont', 'Dupr\uFFFD'),
    bytes: Buffer.from(GRID.replace('Dupont', 'Dupr\u0001'), 'utf8').map((b) => (b === 1 ? 0xe9 : b)) as Buffer,
    expect: ['yaml-syntax 10:26-10:27', B3],
    check: (r) => assert.ok(messages(r).some((m) => m.includes('not saved as UTF-8'))),
  },
  {
    name: 'conflict-markers',
    text: GRID.replace('        threshold: B3\n', '<<<<<<< HEAD\n        threshold: B3\n=======\n        threshold: B2\n>>>>>>> other\n'),
    expect: ['yaml-syntax 12:1-12:13', 'yaml-syntax 14:1-14:8', 'yaml-syntax 16:1-16:14', 'yaml-syntax 15:9-15:18', 'invalid-level 13:20-13:22'],
    check: (r) => assert.equal(messages(r).filter((m) => m.includes('Git conflict marker')).length, 3),
  },
  {
    name: 'multi-document',
    text: GRID + '---\n' + GRID,
    expect: [B3, 'yaml-syntax 14:1-14:4'],
    check: (r) => assert.equal(r.model.candidates.length, 1, 'only the first document is modelled'),
  },
  {
    name: 'anchors-aliases-merge',
    text: `cloe: 1
language: en
cohorts:
  - id: acme
    candidates:
      - &jeanne
        id: ACME-001
        name: Jeanne Dupont
        profession: Chef de projet
        threshold: b2
        result: B2
      - <<: *jeanne
        id: ACME-002
        name: Karim Benali
        result: B1
      - <<: [{ profession: Comptable }, *jeanne]
        id: ACME-003
        name: Léa Martin
        threshold: B1
  - *acme
`,
    expect: ['invalid-level 10:20-10:22'],
    check: (r) => {
      // The invalid "b2" is reported once, where it is written; the merged candidates use it.
      assert.equal(where(r).filter((w) => w.startsWith('invalid-level')).length, 1);
      const [a, b, c] = r.candidates;
      assert.equal(b?.candidate.profession?.value, 'Chef de projet');
      assert.equal(b?.candidate.threshold?.value, 'b2');
      assert.equal(c?.candidate.profession?.value, 'Comptable', 'earlier merged mappings win');
      assert.equal(c?.candidate.threshold?.value, 'B1', 'the mapping’s own keys win');
      // "b2" is no level: no outcome for the candidates that use it; ACME-003 writes its own
      // threshold B1 and gets Jeanne's merged result B2.
      assert.equal(a?.outcome.kind, 'unknown');
      assert.equal(b?.outcome.kind, 'unknown');
      assert.equal(c?.candidate.result?.shorthand?.value, 'B2');
      assert.equal(c?.outcome.kind, 'certificate');
      // `*acme` is an unknown anchor: reported by the parser.
      assert.ok(messages(r).some((m) => m.startsWith('yaml-syntax')));
    },
  },
  {
    name: 'flow-style',
    text: '{ cloe: 1, language: en, cohorts: [ { id: c1, candidates: [ { id: X-1, name: Ana, profession: Comptable, threshold: B3, result: B1 } ] } ] }\n',
    // B3 is at offset 116 of the one line.
    expect: ['invalid-level 1:117-1:119'],
    check: (r) => assert.equal(r.model.text.indexOf('B3'), 116),
  },
  {
    name: 'quoted-and-block-scalars',
    text: GRID.replace('name: Jeanne Dupont', 'name: "Jeanne \\"JD\\" Dupont"').replace("threshold: B3", "threshold: 'B3'").replace('result: B2', 'result: >-\n          B2'),
    expect: ['invalid-level 12:20-12:24'],
    check: (r) => {
      assert.equal(r.candidates[0]?.candidate.name?.value, 'Jeanne "JD" Dupont');
      assert.equal(r.candidates[0]?.candidate.result?.shorthand?.value, 'B2');
    },
  },
  {
    name: 'numbers-and-booleans',
    text: GRID.replace('id: ACME-001', 'id: 0012').replace('name: Jeanne Dupont', 'name: no') + '      - id: "0012"\n        name: yes\n        threshold: B2\n',
    expect: [B3, 'duplicate-id 14:13-14:19'],
    check: (r) => {
      // Read as written (YAML 1.2: 0012 is a number, no a text), never as 12 or false.
      assert.equal(r.candidates[0]?.candidate.id?.value, '0012');
      assert.equal(r.candidates[0]?.candidate.name?.value, 'no');
      assert.ok(!where(r).some((w) => w.startsWith('invalid-type')));
    },
  },
  { name: 'top-level-list', text: '- cloe: 1\n- cohorts: []\n', expect: ['invalid-type 1:1-1:10'] },
  { name: 'top-level-scalar', text: 'just a sentence\n', expect: ['invalid-type 1:1-1:16'] },
  {
    name: 'deep-nesting',
    text: 'cloe: 1\ncohorts: ' + '['.repeat(10_000) + '\n',
    expect: [],
    maxMs: 5000,
    stackBound: true,
    check: (r) => assert.equal(messages(r).filter((m) => m.includes('nested too deeply')).length, 1, messages(r).join('\n')),
  },
  {
    name: 'ten-megabyte-line',
    text: GRID.replace('name: Jeanne Dupont', `name: ${'Jeanne Dupont '.repeat(750_000)}`),
    expect: [B3],
    maxMs: 8000,
    check: (r) => assert.equal(r.findings.length, 1),
  },
  {
    name: 'alias-bomb',
    text: `cloe: 1\nlaughs:\n${lol(9)}\ncohorts: *i\n`,
    expect: ['validation-limit 8:10-8:12'],
    maxMs: 3000,
    check: (r) => assert.ok(messages(r).some((m) => m.includes('alias bomb'))),
  },
];

/** 50 MB of comments after a valid grid: not parsed at all, one finding, in a fixed time. */
const PADDING = '# padding padding padding padding padding padding padding padding padding\n';
const HUGE = GRID + PADDING.repeat(Math.ceil(52_000_000 / PADDING.length));

describe('bad and pathological input: the core', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const t0 = Date.now();
      const r = checkText(c.text);
      const ms = Date.now() - t0;
      assert.ok(ms < (c.maxMs ?? 2000), `${c.name}: ${ms} ms`);
      const got = where(r);
      for (const e of c.expect) assert.ok(got.includes(e), `${c.name}: expected ${e} among\n${got.join('\n')}\n${messages(r).join('\n')}`);
      c.check?.(r);
      for (const f of r.findings) assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= c.text.length, `${c.name}: span ${JSON.stringify(f.span)}`);
      // The editor features read the same result: never an exception either.
      for (const at of [0, c.text.length >> 1, c.text.length]) {
        explainAt(r, at, 'en');
        completeAt(c.text, at, r, 'fr');
      }
    });
  }

  test('a 50 MB file: one validation-limit finding, in a fixed time, nothing parsed', () => {
    assert.ok(HUGE.length > MAX_TEXT_LENGTH);
    const t0 = Date.now();
    const r = checkText(HUGE);
    const ms = Date.now() - t0;
    assert.ok(ms < 3000, `${ms} ms`);
    assert.deepEqual(where(r), ['validation-limit 1:1-1:1']);
    assert.match(render(r.findings[0]!.message, 'en'), /too large to check \(5\d\.\d MB\).*nothing in it is checked/);
    assert.equal(r.model.candidates.length, 0);
    // Off in a configuration: no finding, still not parsed.
    const off = checkText(HUGE, { severities: { 'validation-limit': 'off' } });
    assert.deepEqual(off.findings, []);
  });

  test('no input makes the core throw: a failure is an internal-error finding', () => {
    // A text whose every line is a different trap.
    const text = CASES.map((c) => c.text.slice(0, 2000)).join('\n');
    const r = checkText(text);
    assert.ok(Array.isArray(r.findings));
  });
});

describe('bad and pathological input: the CLI', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloe-robust-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  interface JsonFinding {
    rule: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
  }
  const key = (f: JsonFinding) => `${f.rule} ${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1}`;

  for (const c of CASES) {
    test(c.name, async () => {
      const file = path.join(dir, `${c.name}.cloe.yaml`);
      fs.writeFileSync(file, c.bytes ?? c.text);
      const r = await runInProcess(['check', '--format', 'json', file]);
      assert.ok(r.code === 0 || r.code === 1, `${c.name}: exit ${r.code}: ${r.stderr}`);
      assert.equal(r.stderr, '');
      const got = (JSON.parse(r.stdout) as JsonFinding[]).map(key);
      for (const e of c.cliExpect ?? c.expect) assert.ok(got.includes(e), `${c.name}: expected ${e} among\n${got.join('\n')}`);
    });
  }

  test('the executable gives the report run() gives, for every case at once (the yaml package loaded by the bundle when needed)', async () => {
    const files = CASES.map((c) => path.join(dir, `${c.name}.all.cloe.yaml`));
    CASES.forEach((c, i) => fs.writeFileSync(files[i]!, c.bytes ?? c.text));
    const args = ['check', '--format', 'json', '--min-severity', 'hint', ...files];
    const [spawned, inProcess] = [await runCli(args), await runInProcess(args)];
    assert.equal(spawned.code, 1, spawned.stderr);
    assert.equal(spawned.stderr, '');
    const byCase = (stdout: string) =>
      CASES.map((c, i) => (JSON.parse(stdout) as { file: string; range: unknown }[]).filter((f) => f.file === files[i]).map((f) => (c.stackBound ? { ...f, range: undefined } : f)));
    const [got, expected] = [byCase(spawned.stdout), byCase(inProcess.stdout)];
    CASES.forEach((c, i) => assert.deepEqual(got[i], expected[i], c.name));
    assert.equal(spawned.code, inProcess.code);
  });

  test('a 50 MB file: exit 1 with the validation-limit finding, within a fixed time', async () => {
    const file = path.join(dir, 'huge.cloe.yaml');
    fs.writeFileSync(file, HUGE);
    const t0 = Date.now();
    const r = await runCli(['check', '--format', 'json', file]);
    assert.ok(Date.now() - t0 < 15_000);
    assert.equal(r.code, 1);
    assert.deepEqual((JSON.parse(r.stdout) as JsonFinding[]).map(key), ['validation-limit 1:1-1:1']);
  });

  test('unreadable input is exit 2 with a message (and only that)', async () => {
    const file = path.join(dir, 'folder.cloe.yaml');
    fs.mkdirSync(file);
    fs.mkdirSync(path.join(dir, 'empty-folder'));
    for (const args of [['check', path.join(dir, 'missing.cloe.yaml')], ['check', path.join(dir, 'empty-folder')]]) {
      const r = await runInProcess(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^cloe-grid: /);
      assert.equal(r.stdout, '');
    }
  });
});

describe('bad and pathological input: the language server', () => {
  let client: TestClient;
  const uri = (name: string) => pathToFileURL(path.join(os.tmpdir(), 'cloe-robust-lsp', `${name}.cloe.yaml`)).href;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => client.stop());

  const hover = (u: string, line: number, character: number) => client.connection.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line, character } }) as Promise<Hover | null>;

  for (const c of CASES) {
    test(c.name, { skip: c.noServer }, async () => {
      const u = uri(c.name);
      const p = await client.open(u, c.text);
      const got = p.diagnostics.map((d) => `${String(d.code)} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`);
      for (const e of c.expect) assert.ok(got.includes(e), `${c.name}: expected ${e} among\n${got.join('\n')}`);
      // Hovers anywhere answer (a hover or null), never an error.
      await hover(u, 0, 0);
      await hover(u, 11, 20);
      await hover(u, 100_000, 5);
      await client.close(u);
    });
  }

  test('a 50 MB document: diagnostics in a fixed time, hover still answered', async () => {
    const u = uri('huge');
    const t0 = Date.now();
    const p = await client.open(u, HUGE);
    assert.ok(Date.now() - t0 < 15_000);
    assert.deepEqual(p.diagnostics.map((d) => d.code), ['validation-limit']);
    await hover(u, 3, 10);
    await client.close(u);
  });

  test('after all that, the server still serves a normal document', async () => {
    const u = uri('normal');
    const p = await client.open(u, GRID);
    assert.deepEqual(p.diagnostics.map((d) => d.code), ['invalid-level']);
    const h = await hover(u, 11, 20);
    assert.match((h?.contents as { value: string }).value, /B3/);
    assert.equal(client.process.exitCode, null);
    assert.doesNotMatch(client.stderr, /uncaught|RangeError|TypeError/);
  });
});
