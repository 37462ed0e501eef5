/**
 * Differential test of the fast parser (server/src/core/fast-parse.ts): whenever it does not give
 * up, the model must equal the one the `yaml` package gives (kinds, spans, texts, objects, items,
 * professions, cohorts, candidates). Inputs: the samples, the rule fixtures, generated files and
 * seeded random mutations of them (YAML tokens, indentation, line edits). Also checked: it does
 * not give up on the files people write (samples, generated benchmark files), so the fast path
 * is the one that runs.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fastParse, fastParseItem, fastParserBugs } from '../server/src/core/fast-parse';
import type { GridModel } from '../server/src/core/model';
import { parseGrid, parseWithYaml } from '../server/src/core/parse';
import { textErrors } from '../server/src/core/text-errors';
import { generateGrid } from '../bench/generate';
import { generate, rng } from './generate';
import { INVALID_SAMPLES, listFiles, readRepoFile, VALID_SAMPLES } from './helpers';

// A fast-parser exception that is not a deliberate give-up is a bug: make it fail the test
// instead of falling back to the yaml package unseen.
fastParserBugs('throw');

const RUNS = Number(process.env.CLOE_FAST_RUNS ?? 3000);

/** The model without its back references (a candidate's cohort), for a readable diff. */
function view(m: GridModel) {
  return {
    root: m.root,
    rootNode: m.rootNode,
    objects: m.objects.map((o) => ({ kind: o.kind, span: o.span, flow: o.flow, keys: o.fields.map((f) => f.key) })),
    badItems: m.badItems,
    version: m.version,
    language: m.language,
    professions: m.professions,
    cohorts: m.cohorts.map((c) => ({ ...c, candidates: c.candidates.map((x) => x.index) })),
    candidates: m.candidates.map((c) => ({ ...c, cohort: c.cohort.index })),
    syntaxErrors: m.syntaxErrors,
    aliasLimit: m.aliasLimit,
  };
}

/** True when the fast parser took the text; then its model must be the `yaml` package's. */
function same(text: string, what: string): boolean {
  if (textErrors(text).length > 0 || !fastParse(text)) return false;
  const fast = parseGrid(text);
  const slow = parseWithYaml(text);
  assert.deepStrictEqual(view(fast), view(slow), `${what}\n--- text ---\n${text}`);
  return true;
}

const TOKENS = [': ', ':', '- ', '-', '#', ' #', ' # c', '"', "'", "''", '[', ']', '{', '}', ',', ', ', '~', 'null', 'true', 'FALSE', '0x1F', '0o7', '1e3', '.5', '-.inf', '+12', '1_000', '2026-03-15', '&a ', '*a', '!x ', '|', '>', '?', '? ', '@', '`', '%', '\\', ' ', '  ', '\n', '\r\n', '\n  ', '\n    - ', '\n      - ', 'é', '—', 'y', 'Null', '---', '...', 'a: b', '[a, b]', '{ written: B2 }', '{}', '[]', "'it''s'", '"x y"', 'key:', '\n#c\n'];

function mutate(text: string, r: () => number): string {
  const steps = 1 + Math.floor(r() * 3);
  let t = text;
  for (let s = 0; s < steps; s++) {
    const at = Math.floor(r() * (t.length + 1));
    const kind = r();
    if (kind < 0.5) {
      t = t.slice(0, at) + TOKENS[Math.floor(r() * TOKENS.length)]! + t.slice(at);
    } else if (kind < 0.7) {
      t = t.slice(0, at) + t.slice(Math.min(t.length, at + 1 + Math.floor(r() * 4)));
    } else if (kind < 0.85) {
      // Indent or dedent a line by one or two spaces.
      const ls = t.lastIndexOf('\n', at - 1) + 1;
      t = r() < 0.5 ? t.slice(0, ls) + ' '.repeat(1 + Math.floor(r() * 2)) + t.slice(ls) : t.slice(0, ls) + t.slice(ls).replace(/^ {1,2}/, '');
    } else {
      // Delete or duplicate a line.
      const ls = t.lastIndexOf('\n', at - 1) + 1;
      const le = t.indexOf('\n', at);
      const end = le < 0 ? t.length : le + 1;
      t = r() < 0.5 ? t.slice(0, ls) + t.slice(end) : t.slice(0, ls) + t.slice(ls, end) + t.slice(ls);
    }
  }
  return t;
}

const FIXTURES = listFiles('test/fixtures/rules', /\.ya?ml$/).map((f) => [f, readRepoFile(f)] as const);
const SAMPLES = [...VALID_SAMPLES(), ...INVALID_SAMPLES()].map((f) => [f, readRepoFile(f)] as const);
const GENERATED = [
  ['test generator (120 candidates)', generate(120, 5)],
  ['test generator, CRLF', generate(60, 9).replace(/\n/g, '\r\n')],
  ['benchmark generator (300 candidates)', generateGrid(300, 42).text],
] as const;

describe('fast parser', () => {
  test('takes the valid samples and generated files, with the same model as the yaml package', () => {
    for (const [name, text] of [...VALID_SAMPLES().map((f) => [f, readRepoFile(f)] as const), ...GENERATED]) {
      assert.ok(same(text, name), `the fast parser gave up on ${name}`);
    }
  });

  test('same model as the yaml package on every sample and rule fixture it takes', () => {
    let taken = 0;
    for (const [name, text] of [...SAMPLES, ...FIXTURES]) if (same(text, name)) taken++;
    // Most fixtures are plain block YAML; those with anchors, tags or errors go to the yaml package.
    assert.ok(taken >= 20, `only ${taken} of ${SAMPLES.length + FIXTURES.length} taken`);
  });

  test('gives up on what it does not know (the yaml package reads it)', () => {
    const cases = [
      'a: &x 1\nb: *x\n',
      'a: !tag x\n',
      'a: |\n  text\n',
      'a: x\n  continued\n',
      'a: "esc\\n"\n',
      'a: 1\na: 2\n',
      '---\na: 1\n',
      'a:\n\tb: 1\n',
      'a: b: c\n',
      '- a\n',
      'x\n',
      '  a: 1\n',
      'a: [1, [2]]\n',
      'a: {b: }\n',
      '"a": 1\n',
      '1: x\n',
      'null: x\n',
      'a: [x,]\n',
      'foo: [a, -]\n',
      'foo: [-]\n',
      'foo: {k: -}\n',
    ];
    for (const c of cases) assert.equal(fastParse(c), undefined, JSON.stringify(c));
  });

  test('an empty or comment-only file has no root', () => {
    for (const t of ['', '\n\n', '# only a comment\n', '  \n# c\n']) {
      assert.deepEqual(fastParse(t), { objects: [], badItems: [] });
      assert.ok(same(t, JSON.stringify(t)));
    }
  });

  test(`same model as the yaml package on ${RUNS} seeded mutants it takes`, () => {
    const r = rng(20261129);
    const sources = [...SAMPLES, ...FIXTURES, ...GENERATED.slice(0, 2)];
    let taken = 0;
    for (let i = 0; i < RUNS; i++) {
      const [name, text] = sources[Math.floor(r() * sources.length)]!;
      const m = mutate(text, r);
      if (same(m, `mutant ${i} of ${name}`)) taken++;
    }
    // The mutations keep a fair share inside the subset, so this compares models, not give-ups.
    assert.ok(taken > RUNS / 5, `only ${taken} of ${RUNS} mutants taken`);
  });

  test('one candidate item alone: the same node as within its file', () => {
    const text = generate(30, 3);
    const model = parseWithYaml(text);
    for (const c of model.candidates) {
      const ls = text.lastIndexOf('\n', c.obj.span.start - 1) + 1;
      const next = model.candidates[c.index + 1];
      const end = next && next.cohort === c.cohort ? text.lastIndexOf('\n', next.obj.span.start - 1) + 1 : text.indexOf('\n', c.obj.span.end) + 1;
      const item = fastParseItem(text.slice(ls, end), 'candidate');
      assert.ok(item, `gave up on candidate ${c.index}`);
      const shift = (s: { start: number; end: number }) => ({ start: s.start + ls, end: s.end + ls });
      assert.deepEqual(shift(item.node.span), c.obj.span);
      assert.deepEqual(item.node.map!.fields.map((f) => [f.key, shift(f.keySpan), shift(f.value.span), f.value.text]), c.obj.fields.map((f) => [f.key, f.keySpan, f.value.span, f.value.text]));
    }
  });
});
