/**
 * One source of truth for a cohort at a glance (core/cohort-view.ts) and its chart (core/chart.ts):
 * the counts are the code lens's, the bins group sub-levels, rows carry their findings and offsets,
 * and every value in the chart is escaped.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chartHtml } from '../server/src/core/chart';
import { checkText } from '../server/src/core/check';
import { type OutcomeRow, outcomesView } from '../server/src/core/cohort-view';
import { summaryLine } from '../server/src/core/explain';
import { attention, cohortInfos, summarize } from '../server/src/core/locate';
import { readRepoFile } from './helpers';

const GRID = `cloe: 1
language: de
cohorts:
  - id: c-1
    name: Première
    partner: Partenaire <b>&</b>
    session: 2026-05-02
    language: en
    candidates:
      - { id: K-1, name: Anne, profession: Chef de projet, threshold: B2, result: B2- }
      - { id: K-2, name: Bea, profession: Chef de projet, result: B2+ }
      - { id: K-3, name: Carl, profession: Comptable, result: { written: C1, oral: B1 } }
      - { id: K-4, name: Dora, profession: Astronaute lunaire, result: B1 }
      - { id: K-5, name: Eve, profession: Comptable }
      - { id: K-6, name: "<img src=x onerror=alert(1)>", threshold: C1, result: C2- }
      - { id: K-1, name: Twice, threshold: A2, result: A1+ }
  - id: c-2
    candidates: []
`;

test('per cohort: heading, the code lens counts, bins by base level, thresholds, rows with findings and offsets', () => {
  const result = checkText(GRID);
  const view = outcomesView(result, 'en');
  assert.equal(view.cohorts.length, 2);
  const [c1, c2] = view.cohorts;
  assert.equal(c1!.id, 'c-1');
  assert.equal(c1!.partner, 'Partenaire <b>&</b>');
  assert.equal(c1!.session, '2026-05-02');
  assert.equal(c1!.language, 'en');
  assert.match(c1!.languageName!, /^English \(RS6435\)$/);
  assert.equal(c2!.language, 'de', 'the file default applies');
  // The code lens's numbers and line.
  const cohort = result.model.cohorts[0]!;
  const lens = summaryLine(summarize(cohortInfos(result, cohort)), 'en', attention(result.findings, cohort.obj.span));
  assert.equal(c1!.summary, lens);
  assert.deepEqual(c1!.counts, { candidates: 7, certificates: 3, attestations: 2, pending: 1, unknown: 1 });
  // B2- and B2+ share the B2 bar; C1/B1 gives a derived B1; C2- is a C2; A1+ an attestation in A1.
  const bins = Object.fromEntries(c1!.bins.map((b) => [b.level, [b.certificates, b.attestations]]));
  assert.deepEqual(bins, { A1: [0, 1], A2: [0, 0], B1: [1, 0], B2: [1, 1], C1: [0, 0], C2: [1, 0] });
  assert.deepEqual(c1!.thresholds, [{ level: 'A2', count: 1 }, { level: 'B1', count: 2 }, { level: 'B2', count: 2 }, { level: 'C1', count: 1 }]);
  const byName: Record<string, OutcomeRow> = Object.fromEntries(c1!.rows.map((r) => [r.name ?? '', r]));
  assert.deepEqual(c1!.rows.map((r) => r.id), ['K-1', 'K-2', 'K-3', 'K-4', 'K-5', 'K-6', 'K-1']);
  assert.equal(byName['Carl']!.written, 'C1');
  assert.equal(byName['Carl']!.oral, 'B1');
  assert.equal(byName['Carl']!.result, 'B1');
  assert.equal(byName['Bea']!.thresholdSource, 'recommended');
  assert.equal(byName['Anne']!.label, 'Attestation de niveau B2-');
  assert.equal(byName['Eve']!.label, 'pending');
  // An unknown profession is shown as written, with its finding; the duplicate id (a file rule) lands on its candidate.
  assert.equal(byName['Dora']!.profession, 'Astronaute lunaire');
  assert.equal(byName['Dora']!.professionKnown, false);
  assert.deepEqual(byName['Dora']!.findings.map((f) => f.rule), ['unknown-profession']);
  assert.ok(byName['Twice']!.findings.some((f) => f.rule === 'duplicate-id' && f.severity === 'error'));
  // Hints (threshold-defaulted) stay out of the rows.
  assert.ok(!byName['Bea']!.findings.some((f) => f.severity === 'hint'));
  for (const r of c1!.rows) assert.equal(GRID.slice(r.offset, r.offset + r.id!.length), r.id);
  assert.deepEqual(c2!.rows, []);
});

test('French: labels and counts from the catalogue', () => {
  const view = outcomesView(checkText(GRID), 'fr');
  const c1 = view.cohorts[0]!;
  assert.equal(c1.rows.find((r) => r.name === 'Eve')!.label, 'en attente');
  assert.equal(c1.rows.find((r) => r.name === 'Dora')!.label, 'décision indéterminée');
  assert.match(c1.summary, /^7 candidats · 3 certificats · 2 attestations · 1 en attente · 1 décision indéterminée/);
  assert.match(c1.rows.find((r) => r.name === 'Dora')!.findings[0]!.message, /n’est une profession ni de la grille/);
});

test('the samples: the counts of acme-2026-03 as the report gives them', () => {
  const view = outcomesView(checkText(readRepoFile('samples/acme-formation.cloe.yaml')), 'en');
  const c = view.cohorts.find((x) => x.id === 'acme-2026-03')!;
  assert.deepEqual(c.counts, { candidates: 12, certificates: 5, attestations: 5, pending: 2, unknown: 0 });
  assert.equal(c.bins.reduce((n, b) => n + b.certificates + b.attestations, 0), 10);
});

test('the chart: one bar per non-empty part, thresholds marked, a title, a description, a table; every value escaped', () => {
  const view = outcomesView(checkText(GRID.replace('id: c-1', 'id: "c-<script>"')), 'en');
  const html = chartHtml(view.cohorts[0]!, 'en', 'x"1');
  assert.ok(!html.includes('<script>'), 'the cohort id is escaped');
  assert.ok(html.includes('c-&lt;script&gt;'));
  assert.ok(!html.includes('x"1'));
  // Non-empty parts: B1 cert, B2 cert + att, C2 cert, A1 att, pending, unknown (+ 4 legend swatches).
  const bars = [...html.matchAll(/<rect class="bar-(\w+)" x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="([\d.]+)"><title>/g)];
  assert.deepEqual(bars.map((b) => b[1]).sort(), ['attestation', 'attestation', 'certificate', 'certificate', 'certificate', 'pending', 'unknown']);
  for (const b of bars) assert.ok(Number(b[2]) > 0 && Number(b[3]) > 0);
  assert.equal([...html.matchAll(/<line class="threshold"/g)].length, 4);
  assert.match(html, /<svg [^>]*role="img" aria-labelledby="x&quot;1-title x&quot;1-desc">/);
  assert.match(html, /<title id="[^"]+-title">Results of cohort c-&lt;script&gt; by CEFR level<\/title>/);
  assert.match(html, /<table class="cloe-sr-only">.*<th scope="row">B2<\/th><td>1<\/td><td>1<\/td>/);
});
