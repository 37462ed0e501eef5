/**
 * The outcomes view's delta (core/view-delta.ts): on every sample, edits made as the language
 * server makes them (IncrementalGrid, which keeps what an edit did not touch), and each time the
 * delta against the previous view, applied to it, gives exactly the new view; an edit inside one
 * cohort sends that cohort and moves the ones after it; nothing else is sent.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outcomesView } from '../server/src/core/cohort-view';
import { IncrementalGrid } from '../server/src/core/incremental';
import { applyViewDelta, viewDelta, viewMemo } from '../server/src/core/view-delta';
import { INVALID_SAMPLES, readRepoFile, VALID_SAMPLES } from './helpers';

interface Edit {
  what: string;
  /** The edit on the current text, or undefined when it does not apply to this file. */
  make(text: string): { start: number; end: number; newText: string } | undefined;
}

const at = (text: string, needle: string, from = 0) => {
  const i = text.indexOf(needle, from);
  return i < 0 ? undefined : i;
};

const EDITS: Edit[] = [
  { what: 'a result raised (shorter text)', make: (t) => { const i = at(t, 'result: B2+'); return i === undefined ? undefined : { start: i + 8, end: i + 11, newText: 'C1' }; } },
  { what: 'a name lengthened', make: (t) => { const i = at(t, 'name: ', at(t, 'candidates:') ?? 0); return i === undefined ? undefined : { start: i + 6, end: i + 6, newText: 'Marie-' }; } },
  { what: 'a comment line added before the first cohort', make: (t) => { const i = at(t, '\ncohorts:'); return i === undefined ? undefined : { start: i + 1, end: i + 1, newText: '# a comment\n' }; } },
  { what: 'a threshold removed', make: (t) => { const i = at(t, '        threshold: '); if (i === undefined) return undefined; const e = t.indexOf('\n', i); return { start: i, end: e + 1, newText: '' }; } },
  { what: 'a candidate appended to the first cohort', make: (t) => { const c = at(t, '    candidates:\n'); return c === undefined ? undefined : { start: c + 16, end: c + 16, newText: '      - id: NEW-1\n        name: Nouveau Candidat\n        profession: Comptable\n        result: B1\n' }; } },
  { what: 'a result broken then written again', make: (t) => { const i = at(t, 'result: B1'); return i === undefined ? undefined : { start: i + 8, end: i + 10, newText: 'B9' }; } },
  { what: 'a cohort id renamed', make: (t) => { const i = at(t, '  - id: '); return i === undefined ? undefined : { start: i + 8, end: i + 8, newText: 'x' }; } },
];

for (const file of [...VALID_SAMPLES(), ...INVALID_SAMPLES()]) {
  test(`view delta: edits of ${file}, each applied as a delta, give the new view`, () => {
    const grid = new IncrementalGrid(readRepoFile(file));
    let view = outcomesView(grid.result, 'fr');
    let memo = viewMemo(view, 0);
    let applied = 0;
    for (const [k, edit] of EDITS.entries()) {
      const change = edit.make(grid.text);
      if (!change) continue;
      grid.update([change]);
      const next = outcomesView(grid.result, 'fr');
      const { memo: nextMemo, delta } = viewDelta(memo, next, k + 1);
      assert.ok(delta, edit.what);
      assert.deepEqual(applyViewDelta(view, delta), next, `${file}: ${edit.what}`);
      // Only what differs is sent: an unchanged cohort is neither in changed nor in moved.
      for (const c of next.cohorts) {
        const was = view.cohorts[c.index];
        const sent = delta.changed.some((x) => x.index === c.index) || delta.moved.some(([i]) => i === c.index);
        if (was && JSON.stringify(was) === JSON.stringify(c)) assert.ok(!sent, `${file}: ${edit.what}: cohort ${c.index} did not change but was sent`);
        else assert.ok(sent, `${file}: ${edit.what}: cohort ${c.index} changed but was not sent`);
      }
      view = next;
      memo = nextMemo;
      applied++;
    }
    assert.ok(applied >= 3, `${file}: at least three edits applied`);
  });
}

test('view delta: an edit in one cohort of many sends that cohort whole and the later ones as a shift', () => {
  const cohort = (n: number) => `  - id: c${n}\n    candidates:\n` + [1, 2, 3].map((k) => `      - id: C${n}-${k}\n        profession: Comptable\n        result: B2\n`).join('');
  const grid = new IncrementalGrid(`cloe: 1\ncohorts:\n${[1, 2, 3, 4].map(cohort).join('')}`);
  const view = outcomesView(grid.result, 'en');
  const memo = viewMemo(view, 7);
  const i = grid.text.indexOf('result: B2', grid.text.indexOf('id: C2-2'));
  grid.update([{ start: i + 8, end: i + 10, newText: 'A2-' }]);
  const next = outcomesView(grid.result, 'en');
  const { delta } = viewDelta(memo, next, 8);
  assert.ok(delta);
  assert.equal(delta.base, 7);
  assert.deepEqual(delta.changed.map((c) => c.index), [1]);
  assert.deepEqual(delta.moved, [[2, 1], [3, 1]]);
  assert.deepEqual(applyViewDelta(view, delta), next);
  // Another locale: the whole view.
  assert.equal(viewDelta(memo, outcomesView(grid.result, 'fr'), 9).delta, undefined);
});

test('view delta: after an edit that makes the file be parsed again (a candidate added), the later cohorts are moved, not sent again', () => {
  const cohort = (n: number) => `  - id: c${n}\n    candidates:\n` + [1, 2, 3].map((k) => `      - id: C${n}-${k}\n        profession: Comptable\n        result: B2\n`).join('');
  const grid = new IncrementalGrid(`cloe: 1\ncohorts:\n${[1, 2, 3].map(cohort).join('')}`);
  const view = outcomesView(grid.result, 'en');
  const memo = viewMemo(view, 1);
  const added = '      - id: C1-4\n        result: C1\n';
  const at = grid.text.indexOf('  - id: c2');
  grid.update([{ start: at, end: at, newText: added }]);
  const next = outcomesView(grid.result, 'en');
  const { delta } = viewDelta(memo, next, 2);
  assert.ok(delta);
  assert.deepEqual(delta.changed.map((c) => c.index), [0]);
  assert.deepEqual(delta.moved, [[1, added.length], [2, added.length]]);
  assert.deepEqual(applyViewDelta(view, delta), next);
});
