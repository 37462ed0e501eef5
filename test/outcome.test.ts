import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../server/src/core/check';
import { ProfessionIndex, resolveBuiltin } from '../server/src/core/grid';
import { compareLevels, LEVEL_CODES, parseLevel, suggestLevel } from '../server/src/core/levels';
import { render } from '../server/src/core/messages';
import { computeOutcome, type OutcomeInput } from '../server/src/core/outcome';

/** The 17 levels: nothing is above C2. */
const ALL_LEVELS = [...LEVEL_CODES];

test('levels are ordered B1- < B1 < B1+ < B2- … < C2, over all 17 codes; C2+ is not a level', () => {
  assert.equal(ALL_LEVELS.length, 17);
  assert.equal(parseLevel('C2+'), undefined);
  assert.equal(suggestLevel('c2+')?.code, 'C2');
  for (let i = 0; i + 1 < ALL_LEVELS.length; i++) {
    const a = parseLevel(ALL_LEVELS[i]!)!;
    const b = parseLevel(ALL_LEVELS[i + 1]!)!;
    assert.ok(compareLevels(a, b) < 0, `${a.code} < ${b.code}`);
  }
  assert.equal(parseLevel('B3'), undefined);
  assert.equal(parseLevel('b2'), undefined);
  assert.equal(parseLevel('B2++'), undefined);
  assert.equal(suggestLevel('b2')?.code, 'B2');
  assert.equal(suggestLevel(' b 1 + ')?.code, 'B1+');
  assert.equal(suggestLevel('B3'), undefined);
});

/** The expected outcome of a result against a plain threshold, written from SPEC §1.4 directly. */
function expected(threshold: string, result: string): string {
  if (result.startsWith('C2')) return `certificate ${result}`;
  const order = ALL_LEVELS;
  return order.indexOf(result) >= order.indexOf(threshold) ? `certificate ${result}` : `attestation ${result}`;
}

test('outcome table: every plain threshold A2–C2 × every result with sub-levels', () => {
  let n = 0;
  for (const threshold of ['A2', 'B1', 'B2', 'C1', 'C2']) {
    for (const result of ALL_LEVELS) {
      const o = computeOutcome({ threshold, shorthand: result });
      assert.equal(`${o.kind} ${o.level?.code}`, expected(threshold, result), `threshold ${threshold}, result ${result}`);
      n++;
    }
  }
  assert.equal(n, 85);
});

/** SPEC §1.4 written out: the outcome of a result against a threshold text (or none), as "kind level". */
function spec(threshold: string | undefined, result: string): string {
  const rank = ALL_LEVELS.indexOf(result);
  if (result.startsWith('C2')) return `certificate ${result}`;
  if (rank < ALL_LEVELS.indexOf('A2')) return `attestation ${result}`;
  if (threshold === undefined || !['A2', 'B1', 'B2', 'C1', 'C2'].includes(threshold)) return 'unknown undefined';
  return rank >= ALL_LEVELS.indexOf(threshold) ? `certificate ${result}` : `attestation ${result}`;
}

/** Valid thresholds, then every kind of invalid one: below A2, a sub-level mark, padded, not a level. */
const THRESHOLDS = ['A2', 'B1', 'B2', 'C1', 'C2', 'A1', 'A1+', 'A2-', 'B1+', 'B1-', 'A2+', 'C1+', 'C2-', ' B2 ', 'B2 ', 'B3', 'b2', 'C2+', 'B'];

test('only a valid threshold decides, written on the candidate (every threshold × every result)', () => {
  for (const threshold of THRESHOLDS) {
    for (const result of ALL_LEVELS) {
      const o = computeOutcome({ threshold, shorthand: result, profession: resolveBuiltin('Comptable') });
      assert.equal(`${o.kind} ${o.level?.code}`, spec(threshold, result), `threshold ${JSON.stringify(threshold)}, result ${result}`);
      // An invalid threshold is never used, and never silently replaced by the profession's.
      if (spec(threshold, result) === 'unknown undefined') assert.equal(o.threshold, undefined);
    }
  }
});

test('only a valid threshold decides, inherited from a local profession (every threshold × every result)', () => {
  for (const threshold of THRESHOLDS) {
    const profession = new ProfessionIndex([{ name: 'Analyste de données', threshold, aliases: [] }]).resolve('Analyste de données');
    for (const result of ALL_LEVELS) {
      const o = computeOutcome({ shorthand: result, profession });
      assert.equal(`${o.kind} ${o.level?.code}`, spec(threshold, result), `local threshold ${JSON.stringify(threshold)}, result ${result}`);
    }
  }
});

test('with no threshold and no profession, only C2 and below-A2 results decide', () => {
  for (const result of ALL_LEVELS) {
    const o = computeOutcome({ shorthand: result });
    assert.equal(`${o.kind} ${o.level?.code}`, spec(undefined, result), `result ${result}`);
  }
});

test('an invalid threshold gets a reasoning step that names it and says why it cannot decide', () => {
  const cases: [OutcomeInput, string][] = [
    [{ threshold: 'A1', shorthand: 'A2' }, 'threshold A1 is below A2, the lowest target of the certificate: it decides nothing; overall level A2; no valid threshold to compare with → outcome unknown'],
    [{ threshold: 'B1-', shorthand: 'B1-' }, 'threshold B1- has a sub-level mark, and a threshold is a plain level: it decides nothing; overall level B1-; no valid threshold to compare with → outcome unknown'],
    [{ threshold: ' B2 ', shorthand: 'B2' }, 'threshold " B2 " has spaces around its level: it decides nothing; overall level B2; no valid threshold to compare with → outcome unknown'],
    [{ threshold: 'C2+', shorthand: 'B2' }, 'threshold "C2+" is not a level: it decides nothing; overall level B2; no valid threshold to compare with → outcome unknown'],
    [
      { shorthand: 'B2', profession: new ProfessionIndex([{ name: 'Analyste', threshold: 'B1+', aliases: [] }]).resolve('Analyste') },
      'no threshold set; the B1+ that this file recommends for "Analyste" has a sub-level mark: it decides nothing; overall level B2; no valid threshold to compare with → outcome unknown',
    ],
    [{ shorthand: 'A1' }, 'no threshold set and no known profession; overall level A1; A1 is below A2, the target level of the CLOE certificate → Attestation de niveau A1, whatever the threshold'],
  ];
  for (const [input, want] of cases) assert.equal(computeOutcome(input).steps.map((s) => render(s, 'en')).join('; '), want);
  const fr = computeOutcome({ shorthand: 'A1' }).steps.map((s) => render(s, 'fr')).join(' ; ');
  assert.match(fr, /en-dessous du niveau cible du certificat CLOE/);
});

const cases: [string, OutcomeInput, string][] = [
  ['B2- does not reach B2', { threshold: 'B2', shorthand: 'B2-' }, 'attestation B2-'],
  ['B2 reaches B2', { threshold: 'B2', shorthand: 'B2' }, 'certificate B2'],
  ['C2- is C2: certificate even below a C2 threshold', { threshold: 'C2', shorthand: 'C2-' }, 'certificate C2-'],
  ['C2 without any threshold: certificate', { shorthand: 'C2' }, 'certificate C2'],
  ['no result: pending', { threshold: 'B1' }, 'pending undefined'],
  ['no result, no threshold: pending', {}, 'pending undefined'],
  ['written only: pending', { threshold: 'B1', written: 'B2' }, 'pending undefined'],
  ['derived overall is the lower of written and oral', { threshold: 'B2', written: 'B2', oral: 'B1+' }, 'attestation B1+'],
  ['derived overall reaches the threshold', { threshold: 'B1', written: 'B2', oral: 'B1+' }, 'certificate B1+'],
  ['an explicit overall wins over written and oral', { threshold: 'B2', written: 'B2', oral: 'B1+', overall: 'B2' }, 'certificate B2'],
  ['no threshold and no profession: unknown', { shorthand: 'B2' }, 'unknown undefined'],
  ['invalid result: unknown', { threshold: 'B1', shorthand: 'B3' }, 'unknown undefined'],
  ['invalid threshold text: unknown (no silent default)', { threshold: 'B3', shorthand: 'B2', profession: resolveBuiltin('Comptable') }, 'unknown undefined'],
  ['defaulted threshold from the profession (Chef de projet: B2)', { shorthand: 'B1+', profession: resolveBuiltin('Chef de projet') }, 'attestation B1+'],
  ['defaulted threshold from an alias (Ingénieur: B2)', { shorthand: 'B2', profession: resolveBuiltin('ingenieur') }, 'certificate B2'],
  ['defaulted threshold, A2 tier', { shorthand: 'A2', profession: resolveBuiltin('Vendeur') }, 'certificate A2'],
  ['explicit threshold wins over the recommendation', { threshold: 'C1', shorthand: 'B2', profession: resolveBuiltin('Vendeur') }, 'attestation B2'],
];

for (const [name, input, want] of cases) {
  test(`outcome: ${name}`, () => {
    const o = computeOutcome(input);
    assert.equal(`${o.kind} ${o.level?.code}`, want);
  });
}

test('outcome sources and reasoning', () => {
  const o = computeOutcome({ written: 'B2', oral: 'B1+', profession: resolveBuiltin('Chef de projet') });
  assert.equal(o.thresholdSource, 'recommended');
  assert.equal(o.resultSource, 'derived');
  assert.equal(
    o.steps.map((s) => render(s, 'en')).join('; '),
    'threshold B2, recommended for "Chef de projet" (none is set for this candidate); overall level B1+ (the lower of written B2 and oral B1+); B1+ < threshold B2 → Attestation de niveau B1+',
  );
  assert.match(o.steps.map((s) => render(s, 'fr')).join('; '), /le plus bas de l’écrit, B2, et de l’oral, B1\+/);
});

test('checkText gives every candidate an outcome, in document order', () => {
  const r = checkText(`cloe: 1
cohorts:
  - id: c
    candidates:
      - { id: a, name: A, profession: Comptable, result: B1 }
      - { id: b, name: B, profession: Comptable, threshold: B2, result: B1 }
      - { id: c, name: C, profession: Comptable }
`);
  assert.deepEqual(r.candidates.map((c) => `${c.candidate.id?.value} ${c.outcome.kind}`), ['a certificate', 'b attestation', 'c pending']);
});

test('the core never throws, whatever the text', () => {
  const inputs = ['', '\uFEFF', ':', '- - -', '{', 'cloe: [', '*a', '&a [*a]', 'cloe: 1\ncohorts: {x: 1}', '\0\0', 'a: !!binary xyz', '? [a]\n: b', 'x'.repeat(10000)];
  for (const t of inputs) assert.doesNotThrow(() => checkText(t), JSON.stringify(t).slice(0, 40));
});
