/**
 * Differential test of incremental validation: after every random edit, the incremental result
 * must equal a fresh full validation of the same text (findings, ranges, messages, fixes,
 * outcomes). Seeded and bounded; CLOE_DIFF_EDITS raises the number of edits.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkText, type CheckResult } from '../server/src/core/check';
import { fastParserBugs } from '../server/src/core/fast-parse';
import { IncrementalGrid } from '../server/src/core/incremental';
import { LazyObject } from '../server/src/core/lazy';
import { LineIndex } from '../server/src/core/text';
import { render } from '../server/src/core/messages';
import { fieldOf } from '../server/src/core/model';
import { generate, LEVELS, rng } from './generate';
import { INVALID_SAMPLES, readRepoFile, VALID_SAMPLES } from './helpers';

// A fast-parser exception that is not a deliberate give-up is a bug: make it fail the test
// instead of falling back to the yaml package unseen.
fastParserBugs('throw');

const SNIPPETS = ['a', 'B', '2', '+', '-', ' ', ':', '#', '\n', '\n        threshold: B2', '\n        notes: x', '{', '"', 'é', 'C2', '\n      - id: NEW\n        name: New'];

function randomEdit(text: string, r: () => number): { start: number; end: number; newText: string } {
  const start = Math.floor(r() * (text.length + 1));
  const kind = r();
  if (kind < 0.45) return { start, end: start, newText: SNIPPETS[Math.floor(r() * SNIPPETS.length)]! };
  if (kind < 0.75) return { start, end: Math.min(text.length, start + 1 + Math.floor(r() * 3)), newText: '' };
  if (kind < 0.9) {
    // Replace a word near the position.
    const m = /[A-Za-z0-9+-]+/.exec(text.slice(start));
    if (m) return { start: start + m.index, end: start + m.index + m[0].length, newText: LEVELS[Math.floor(r() * LEVELS.length)]! };
    return { start, end: start, newText: 'x' };
  }
  // Delete or duplicate a whole line.
  const ls = text.lastIndexOf('\n', start - 1) + 1;
  const le = text.indexOf('\n', start);
  const end = le < 0 ? text.length : le + 1;
  return r() < 0.5 ? { start: ls, end, newText: '' } : { start: ls, end: ls, newText: text.slice(ls, end) };
}

function snapshot(r: CheckResult) {
  return {
    findings: r.findings.map((f) => ({ rule: f.rule, severity: f.severity, start: f.span.start, end: f.span.end, message: f.message, related: f.related?.map((x) => x.span), fixes: f.fixes?.map((x) => ({ title: x.title, safe: x.safe, edits: x.edits })) })),
    positions: r.findings.map((f) => r.lines.position(f.span.start)),
    lineStarts: Array.from({ length: r.lines.lineCount }, (_, i) => r.lines.lineStart(i)),
    outcomes: r.candidates.map((c) => `${c.candidate.id?.value} ${c.outcome.kind} ${c.outcome.level?.code} ${c.outcome.threshold?.code} ${JSON.stringify(c.outcome.steps)}`),
    // The places of the model's mappings (outline, hovers): root, cohorts, their lists, candidates.
    spans: [
      r.model.root?.span,
      ...r.model.cohorts.flatMap((c) => [c.obj.span, fieldOf(c.obj, 'candidates')?.value.span, ...c.candidates.map((x) => x.obj.span)]),
    ].map((x) => (x ? `${x.start}-${x.end}` : '-')),
    lines: r.lines.lineCount,
  };
}

const SCALE = Number(process.env.CLOE_DIFF_SCALE ?? 1);

const inputs: [string, string, number][] = [
  ...VALID_SAMPLES().map((f) => [f, readRepoFile(f), 40] as [string, string, number]),
  ...INVALID_SAMPLES().map((f) => [f, readRepoFile(f), 12] as [string, string, number]),
  ['generated (200 candidates)', generate(200, 7), 80],
  ['generated CRLF (80 candidates)', generate(80, 11).replace(/\n/g, '\r\n'), 40],
];

for (const [name, original, count] of inputs) {
  const EDITS = count * SCALE;
  test(`incremental = full after each of ${EDITS} random edits: ${name}`, () => {
    const seed = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 17);
    const r = rng(seed);
    let text = original;
    const inc = new IncrementalGrid(text);
    for (let i = 0; i < EDITS; i++) {
      const edit = randomEdit(text, r);
      text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
      const got = inc.update([edit]);
      assert.equal(got.model.text, text);
      assert.deepEqual(snapshot(got), snapshot(checkText(text)), `seed ${seed}, edit ${i}: ${JSON.stringify(edit)}`);
      // Sometimes start again from the original text, so that clean-YAML (incremental) paths stay frequent.
      if (r() < 0.15) {
        const back = { start: 0, end: text.length, newText: original };
        text = original;
        inc.update([back]);
      }
    }
    if (name.startsWith('generated (') || name.includes('acme')) assert.ok(inc.stats.incremental > EDITS / 5, `only ${inc.stats.incremental} incremental updates (${inc.stats.full} full)`);
  });
}

test('several edits in one update (a burst) equal a full validation', () => {
  const r = rng(99);
  const original = generate(120, 3);
  let text = original;
  const inc = new IncrementalGrid(text);
  for (let round = 0; round < 30 * SCALE; round++) {
    if (inc.result.model.syntaxErrors.length > 0) {
      inc.update([{ start: 0, end: text.length, newText: original }]);
      text = original;
    }
    const edits = [];
    for (let k = 0; k < 1 + Math.floor(r() * 4); k++) {
      const e = randomEdit(text, r);
      text = text.slice(0, e.start) + e.newText + text.slice(e.end);
      edits.push(e);
    }
    assert.deepEqual(snapshot(inc.update(edits)), snapshot(checkText(text)), `round ${round}`);
  }
  assert.ok(inc.stats.incremental > 0);
});

test('file rules kept across edits inside candidates: ids that start or stop colliding, lines added above a duplicate', () => {
  const original = generate(60, 17);
  const ids = [...original.matchAll(/- id: (C-\d+)/g)];
  const [z, a, b, c] = [ids[2]!, ids[3]!, ids[10]!, ids[20]!];
  let text = original;
  const inc = new IncrementalGrid(text);
  const apply = (e: { start: number; end: number; newText: string }) => {
    text = text.slice(0, e.start) + e.newText + text.slice(e.end);
    const got = inc.update([e]);
    assert.deepEqual(snapshot(got), snapshot(checkText(text)), JSON.stringify(e));
    return got;
  };
  // b takes a's id: duplicate-id appears (its message gives a's line).
  const first = apply({ start: b.index + 6, end: b.index + 6 + b[1]!.length, newText: a[1]! });
  assert.equal(first.findings.filter((f) => f.rule === 'duplicate-id').length, 1);
  // A letter typed in c's id (offsets are in the text as it is now): duplicates unchanged.
  const cAt = text.indexOf(`- id: ${c[1]!}`);
  apply({ start: cAt + 6, end: cAt + 6, newText: 'X' });
  // A line added inside the candidate above a (so a's line number changes), then removed.
  const zLineEnd = text.indexOf('\n', text.indexOf(`- id: ${z[1]!}`)) + 1;
  const added = apply({ start: zLineEnd, end: zLineEnd, newText: '        notes: x\n' });
  assert.equal(added.findings.filter((f) => f.rule === 'duplicate-id').length, 1);
  apply({ start: zLineEnd, end: zLineEnd + '        notes: x\n'.length, newText: '' });
  // b gets its own id back: the duplicate goes.
  const bAt = text.lastIndexOf(`- id: ${a[1]!}`);
  const back = apply({ start: bAt + 6, end: bAt + 6 + a[1]!.length, newText: b[1]! });
  assert.equal(back.findings.filter((f) => f.rule === 'duplicate-id').length, 0);
  assert.equal(inc.stats.full, 0, JSON.stringify(inc.stats));
});

test('edge cases of incremental validation: ids moved by an edit, a batch adding and removing lines, a cohort\'s end, forbidden characters, no edits', () => {
  const check = (text: string, edits: { start: number; end: number; newText: string }[], lazy = false) => {
    const inc = new IncrementalGrid(text, { lazy: lazy ? { keep: 2 } : false });
    let t = text;
    for (const e of edits) t = t.slice(0, e.start) + e.newText + t.slice(e.end);
    const got = inc.update(edits);
    assert.equal(got.model.text, t);
    assert.deepEqual(snapshot(got), snapshot(checkText(t)), JSON.stringify(edits));
    return inc;
  };
  for (const lazy of [false, true]) {
    // Two lines swapped inside a candidate: its id moves, its value and the line count do not.
    const a = 'cloe: 1\ncohorts:\n  - id: c1\n    candidates:\n      - id: a1\n        name: Ann\n        profession: Cuisinier\n      - name: Bob\n        id: a1\n        profession: Cuisinier\n';
    const from = 'name: Bob\n        id: a1';
    const at = a.indexOf(from);
    check(a, [{ start: at, end: at + from.length, newText: 'id: a1\n        name: Bob' }], lazy);
    // One batch: a line added in the first candidate, one removed from the third (same line count).
    const b = 'cloe: 1\ncohorts:\n  - id: c1\n    candidates:\n      - id: z\n        name: Z\n      - id: a1\n        name: Ann\n      - id: y\n        name: Y\n        profession: Cuisinier\n      - id: a1\n        name: Bob\n';
    const p1 = b.indexOf('name: Z') + 7;
    const e1 = { start: p1, end: p1, newText: '\n        profession: Cuisinier' };
    const b1 = b.slice(0, p1) + e1.newText + b.slice(p1);
    const l = b1.lastIndexOf('\n        profession: Cuisinier\n      - id: a1');
    check(b, [e1, { start: l, end: l + '\n        profession: Cuisinier'.length, newText: '' }], lazy);
    // A comment typed after a cohort's last value: the cohort, its list and the root keep their ends.
    const c = 'cloe: 1\ncohorts:\n  - id: c1\n    candidates:\n      - id: a1\n        name: Ann\n      - id: a2\n        name: Bob # x\n  - id: c2\n    candidates:\n      - id: b1\n        name: B\n';
    const p2 = c.indexOf('name: Bob') + 9;
    check(c, [{ start: p2, end: p2, newText: ' # c' }], lazy);
    check(c, [{ start: p2 - 1, end: p2 + 4, newText: '' }], lazy);
    // Characters YAML forbids typed into a value: reported as a full validation would.
    for (const bad of ['\u0001', '\u007f', '\ufffd', '\ud800']) check(c, [{ start: p2 - 1, end: p2 - 1, newText: bad }], lazy);
  }
  // No edits: the same result.
  const inc = new IncrementalGrid('cloe: 1\n');
  assert.equal(inc.update([]), inc.result);
});

test('an edit that joins a lone CR with the LF after it (a line fewer): duplicate-id gives the new line number (issue 18)', () => {
  // The text of the issue: deleting the x between "\r" and "\n" (line 5, characters 0-1) removes a line break.
  const text = 'cohorts:\n  - id: F091\n    candidates:\n      - id: F01 x\r\n        result: B1\rx\n      - id: F04\n      - id: F04\n';
  const at = text.indexOf('\rx\n') + 1;
  const inc = new IncrementalGrid(text);
  const edits = [{ start: at, end: at + 1, newText: '' }];
  const next = text.slice(0, at) + text.slice(at + 1);
  const got = inc.update(edits);
  assert.deepEqual(snapshot(got), snapshot(checkText(next)));
  const dup = got.findings.find((f) => f.rule === 'duplicate-id');
  assert.match(dup ? render(dup.message, 'en') : '', /line 6\)/);
  // And back: typing the x again between \r and \n splits the break (a line more).
  const back = inc.update([{ start: at, end: at, newText: 'x' }]);
  assert.deepEqual(snapshot(back), snapshot(checkText(text)));
  const dup2 = back.findings.find((f) => f.rule === 'duplicate-id');
  assert.match(dup2 ? render(dup2.message, 'en') : '', /line 7\)/);
});

test('a line index updated by an edit equals one built from the new text (LF, CRLF, lone CR)', () => {
  const r = rng(2024);
  const pieces = ['a', 'bc', '\n', '\r\n', '\r', '', 'x\ny', '\n\n'];
  for (let round = 0; round < 2000; round++) {
    let text = '';
    for (let k = 0; k < 12; k++) text += pieces[Math.floor(r() * pieces.length)];
    const start = Math.floor(r() * (text.length + 1));
    const end = Math.min(text.length, start + Math.floor(r() * 4));
    const newText = pieces[Math.floor(r() * pieces.length)]!;
    const next = text.slice(0, start) + newText + text.slice(end);
    const edited = new LineIndex(text).edited(next, start, end, newText);
    const fresh = new LineIndex(next);
    const starts = (x: LineIndex) => Array.from({ length: x.lineCount }, (_, i) => x.lineStart(i));
    assert.deepEqual(starts(edited), starts(fresh), JSON.stringify({ text, start, end, newText }));
  }
});

describe('lazy candidates (the language server keeps no candidate fields in memory but the last read)', () => {
  const lazy = { keep: 8 };
  test('same findings, outcomes and positions as keeping everything, on every sample and generated files', () => {
    const inputs = [...VALID_SAMPLES(), ...INVALID_SAMPLES()].map((f) => [f, readRepoFile(f)] as const);
    inputs.push(['generated (300)', generate(300, 5)], ['generated CRLF', generate(90, 6).replace(/\n/g, '\r\n')]);
    for (const [name, text] of inputs) {
      const eager = checkText(text);
      const result = checkText(text, { lazy });
      assert.deepEqual(snapshot(result), snapshot(eager), name);
      // Hover-like reads afterwards (most candidates were forgotten): the same fields again.
      for (const [i, c] of result.model.candidates.entries()) {
        const e = eager.model.candidates[i]!;
        assert.deepEqual([c.id?.value, c.name?.span, c.profession?.value, c.threshold?.span, c.result?.node.span], [e.id?.value, e.name?.span, e.profession?.value, e.threshold?.span, e.result?.node.span], `${name} #${i}`);
        assert.deepEqual(c.obj.fields.map((f) => [f.key, f.keySpan, f.value.span, f.value.text]), e.obj.fields.map((f) => [f.key, f.keySpan, f.value.span, f.value.text]));
      }
    }
  });

  test(`incremental = full after each of ${60 * SCALE} random edits, lazy`, () => {
    const r = rng(4242);
    const original = generate(150, 8);
    let text = original;
    const inc = new IncrementalGrid(text, { lazy });
    let lazyRead = 0;
    for (let i = 0; i < 60 * SCALE; i++) {
      const edit = randomEdit(text, r);
      text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
      const got = inc.update([edit]);
      assert.deepEqual(snapshot(got), snapshot(checkText(text)), `edit ${i}: ${JSON.stringify(edit)}`);
      // Read a few candidates after the edit, as hovers would: their fields follow the text.
      for (const c of got.model.candidates.filter((x, k) => k % 7 === 0 && x.obj instanceof LazyObject)) {
        for (const f of c.obj.fields) assert.equal(text.slice(f.keySpan.start, f.keySpan.end), f.key);
        lazyRead++;
      }
      // Back to the original after a syntax error (else every next edit is a full validation).
      if (got.model.syntaxErrors.length > 0 || r() < 0.15) {
        inc.update([{ start: 0, end: text.length, newText: original }]);
        text = original;
      }
    }
    assert.ok(inc.stats.incremental > 20, JSON.stringify(inc.stats));
    assert.ok(lazyRead > 100, `only ${lazyRead} lazy candidates read`);
  });
});
