/**
 * The built-in grid against the seed the user gave (test/fixtures/seed, a copy of
 * shared/seed/grille-objectifs-cloe.txt): every profession named in the seed resolves to its tier.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinNames, ProfessionIndex, resolveBuiltin } from '../server/src/core/grid';
import { GRID_PROFESSIONS, TIERS } from '../server/src/core/grid-data';
import { normalizeName } from '../server/src/core/normalize';
import { readRepoFile } from './helpers';

interface SeedTier {
  id: string;
  professions: string;
}

/** The seed's table rows: tier cell, objective cell, professions cell, separated by tabs. */
function seedTiers(): SeedTier[] {
  const text = readRepoFile('test/fixtures/seed/grille-objectifs-cloe.txt');
  const rows: SeedTier[] = [];
  for (const line of text.split('\n')) {
    const cells = line.split('\t');
    if (cells.length < 2 || !cells[0]!.includes('<b>Utilisateur')) continue;
    const level = /(C1 &amp; C2|B2|B1|A2|A1)<\/b>/.exec(cells[0]!)?.[1];
    assert.ok(level, `no level in ${cells[0]}`);
    rows.push({ id: level === 'C1 &amp; C2' ? 'C1' : level, professions: (cells[2] ?? '').trim() });
  }
  return rows;
}

test('the seed has the five tiers and the grid the same tiers', () => {
  assert.deepEqual(seedTiers().map((t) => t.id), ['C1', 'B2', 'B1', 'A2', 'A1']);
  assert.deepEqual(TIERS.map((t) => t.id), ['C1', 'B2', 'B1', 'A2', 'A1']);
});

test("each tier's professions, joined in order, are exactly the seed's column", () => {
  for (const tier of seedTiers()) {
    const names = GRID_PROFESSIONS.filter((p) => p.tier === tier.id).map((p) => p.name);
    // The seed writes the scientific entry with its examples inline.
    const joined = names
      .join(' ')
      .replace('Profession scientifique / technique', 'Profession scientifique / technique : (Ingénieur, scientifique, programmeur, chercheur,)');
    assert.equal(joined, tier.professions, `tier ${tier.id}`);
  }
});

test('every profession of the seed resolves to its own tier, by its name and by each name inside it', () => {
  let count = 0;
  for (const p of GRID_PROFESSIONS) {
    const r = resolveBuiltin(p.name);
    assert.equal(r?.canonical, p.name);
    assert.equal(r?.tier?.id, p.tier);
    for (const part of p.name.split(/\s*\/\s*|\s+ou\s+de\s+/)) {
      if (part.length < 3) continue;
      const sub = resolveBuiltin(part.replace(/^Directeur de (projet|contrat)$/, 'Directeur de $1'));
      if (sub) assert.equal(sub.canonical, p.name, `"${part}" resolves elsewhere`);
    }
    count++;
  }
  assert.equal(count, 41);
});

const inner: [string, string][] = [
  ['Ingénieur', 'Profession scientifique / technique'],
  ['programmeur', 'Profession scientifique / technique'],
  ['scientifique', 'Profession scientifique / technique'],
  ['chercheur', 'Profession scientifique / technique'],
  ['Enseignant', 'Enseignant / Formateur'],
  ['Formateur', 'Enseignant / Formateur'],
  ["Maître d'hôtel", "Maître d'hôtel / Responsable de structure hôtelière"],
  ['Responsable de structure hôtelière', "Maître d'hôtel / Responsable de structure hôtelière"],
  ['Directeur de projet', 'Directeur de projet ou de contrat'],
  ['Directeur de contrat', 'Directeur de projet ou de contrat'],
  ['Personnel technique', 'Personnel technique / opérationnel'],
  ['Project manager', 'Chef de projet'],
  ['Accountant', 'Comptable'],
  ['Engineer', 'Profession scientifique / technique'],
  ['Teacher', 'Enseignant / Formateur'],
  ['Truck driver', 'Chauffeur-routier'],
  ['  CHEF   de  PROJET ', 'Chef de projet'],
  ['medecin', 'Médecin'],
  ['chauffeur routier', 'Chauffeur-routier'],
  ['Maitre d’hotel', "Maître d'hôtel / Responsable de structure hôtelière"],
];

for (const [name, canonical] of inner) {
  test(`"${name}" resolves to "${canonical}"`, () => {
    assert.equal(resolveBuiltin(name)?.canonical, canonical);
  });
}

test('recommended thresholds follow the tiers', () => {
  assert.equal(resolveBuiltin('Directeur commercial')?.threshold?.code, 'C1');
  assert.equal(resolveBuiltin('Chef de projet')?.threshold?.code, 'B2');
  assert.equal(resolveBuiltin('Comptable')?.threshold?.code, 'B1');
  assert.equal(resolveBuiltin('Vendeur')?.threshold?.code, 'A2');
});

test('no name or alias belongs to two entries', () => {
  const owner = new Map<string, string>();
  for (const p of GRID_PROFESSIONS) {
    for (const n of [p.name, p.en, ...p.aliases]) {
      const k = normalizeName(n);
      const prev = owner.get(k);
      assert.ok(prev === undefined || prev === p.name, `"${n}" is in "${prev}" and "${p.name}"`);
      owner.set(k, p.name);
    }
  }
  assert.ok(builtinNames().length > 100);
});

test('every tier has its objective and usage examples in French and English', () => {
  for (const t of TIERS) {
    assert.ok(t.objective.fr && t.objective.en);
    if (t.id !== 'A1') assert.ok(t.examples.length >= 3 && t.examples.every((e) => e.fr && e.en));
  }
});

test('unknown names get the nearest suggestions, one per entry', () => {
  const idx = new ProfessionIndex();
  assert.equal(idx.resolve('Chef de projt'), undefined);
  assert.deepEqual(idx.suggest('Chef de projt').slice(0, 1), ['Chef de projet']);
  assert.equal(idx.suggest('Ingénier')[0], 'Ingénieur');
  assert.deepEqual(idx.suggest('zzzzzzzzzzzz'), []);
});

test('local professions resolve, by name and alias, before the grid', () => {
  const idx = new ProfessionIndex([{ name: 'Analyste de données', threshold: 'B2', aliases: ['Data analyst'] }, { name: 'Comptable', threshold: 'B2', aliases: [] }]);
  assert.equal(idx.resolve('data ANALYST')?.canonical, 'Analyste de données');
  assert.equal(idx.resolve('data analyst')?.source, 'local');
  assert.equal(idx.resolve('Comptable')?.threshold?.code, 'B2');
  assert.equal(idx.resolve('Chef de projet')?.source, 'grid');
});
