/**
 * The editor features computed by the core (core/features.ts), on every sample: the outline, the
 * code lenses, the inlay hints, the status line and the definition of local professions agree with
 * each other and with the outcomes view (one computation behind every face).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../server/src/core/check';
import { outcomesView } from '../server/src/core/cohort-view';
import { cohortLenses, definitionAt, fileSummary, inlayHints, outline } from '../server/src/core/features';
import { INVALID_SAMPLES, readRepoFile, VALID_SAMPLES } from './helpers';

for (const file of [...VALID_SAMPLES(), ...INVALID_SAMPLES()]) {
  for (const locale of ['en', 'fr'] as const) {
    test(`features agree on ${file} (${locale})`, () => {
      const text = readRepoFile(file);
      const result = checkText(text);
      const view = outcomesView(result, locale);
      const lenses = cohortLenses(result, locale);
      const items = outline(result, locale)!;
      // One lens and one outline entry per cohort, with the outcomes view's counts.
      assert.deepEqual(lenses.map((l) => l.title), view.cohorts.map((c) => c.summary));
      assert.deepEqual(lenses.map((l) => l.cohortId), view.cohorts.map((c) => c.id));
      items.forEach((item, k) => assert.ok(item.detail.endsWith(view.cohorts[k]!.summary), item.detail));
      // Each candidate once in the outline, under its cohort, in the file's order, named by the view's row.
      assert.deepEqual(items.map((i) => i.children.length), view.cohorts.map((c) => c.rows.length));
      items.forEach((item, k) => item.children.forEach((child, j) => {
        const row = view.cohorts[k]!.rows[j]!;
        if (row.id) assert.ok(child.detail.startsWith(`${row.id} · `), `${child.detail} / ${row.id}`);
        assert.equal(child.name, row.name || row.id || '?');
      }));
      // An outcome hint for every candidate with a result or an id; none outside the range asked.
      const all = inlayHints(result, 0, text.length, locale, { outcome: true, defaultedThreshold: true })!;
      const outcomes = all.filter((h) => h.label.startsWith('⇒ '));
      assert.equal(outcomes.length, result.candidates.filter((c) => c.candidate.result || c.candidate.id).length);
      assert.equal(all.length - outcomes.length, result.candidates.filter((c) => c.outcome.thresholdSource === 'recommended' && c.outcome.threshold && c.candidate.profession).length);
      assert.deepEqual(inlayHints(result, 0, text.length, locale, { outcome: false, defaultedThreshold: false }), []);
      const middle = Math.floor(text.length / 2);
      for (const h of inlayHints(result, middle, middle + 200, locale, { outcome: true, defaultedThreshold: true })!) assert.ok(h.offset >= middle - 2000 && h.offset <= middle + 2200);
      // The status line counts what the lenses count.
      const s = fileSummary(result, locale);
      assert.equal(s.candidates, view.cohorts.reduce((n, c) => n + c.counts.candidates, 0) + result.candidates.filter((c) => !c.candidate.cohort).length);
      assert.equal(s.errors, view.attention.errors);
    });
  }
}

test('go to definition: a candidate\'s local profession leads to its name under professions:, a built-in one nowhere', () => {
  const text = 'cloe: 1\nprofessions:\n  - name: Analyste de données\n    threshold: B2\ncohorts:\n  - id: c\n    candidates:\n      - id: A\n        profession: Analyste de données\n      - id: B\n        profession: Comptable\n';
  const result = checkText(text);
  const use = text.lastIndexOf('Analyste de données') + 3;
  const span = definitionAt(result, use);
  assert.ok(span);
  assert.equal(text.slice(span.start, span.end), 'Analyste de données');
  assert.equal(span.start, text.indexOf('Analyste de données'));
  assert.equal(definitionAt(result, text.indexOf('Comptable') + 2), undefined);
  assert.equal(definitionAt(result, text.indexOf('id: A')), undefined);
});

test('outline and hints stop when cancelled', () => {
  const result = checkText(readRepoFile(VALID_SAMPLES()[0]!));
  assert.equal(outline(result, 'en', () => true), undefined);
  assert.equal(inlayHints(result, 0, 1e9, 'en', { outcome: true, defaultedThreshold: true }, () => true), undefined);
});
