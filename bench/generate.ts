/**
 * Seeded generator of realistic grid files for the benchmark (issue 5).
 *
 * A file of N candidates has cohorts of 50–200 candidates from a few partner organisations, two
 * local professions (one with aliases), grid names, aliases, English names and names typed
 * without accents or in another case; thresholds written (at or above the recommended one) or
 * left out; results as a shorthand with sub-levels, per skill in flow and block style (with and
 * without overall), and pending candidates. About 1% of the candidates carry a finding: an
 * unknown profession (a typo), an invalid level `B3`, or a duplicate id.
 *
 * Run alone: `node out/bench/generate.js [--out DIR] [--sizes 100,1000]`.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** mulberry32: a small, fast, seeded PRNG (same seed → same files). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Tier = 'A2' | 'B1' | 'B2' | 'C1';

/** Profession names as designers type them, with the recommended threshold they resolve to. */
const PROFESSIONS: readonly (readonly [string, Tier, number])[] = [
  // [name, recommended threshold, weight]
  ['Chef de projet', 'B2', 8],
  ['Cheffe de projet', 'B2', 2],
  ['Project manager', 'B2', 4],
  ['Ingénieur', 'B2', 6],
  ['Ingenieur', 'B2', 1],
  ['programmeur', 'B2', 2],
  ['Comptable', 'B1', 6],
  ['Accountant', 'B1', 2],
  ['Formateur', 'B2', 3],
  ['Formatrice', 'B2', 2],
  ['Enseignant / Formateur', 'B2', 1],
  ['Directeur commercial', 'C1', 2],
  ['Responsable Stratégie Internationale', 'C1', 1],
  ['Maître conférencier', 'C1', 1],
  ['Responsable des achats', 'B2', 2],
  ['Assistante de direction', 'B2', 3],
  ['Auditeur', 'B2', 1],
  ['Avocate', 'B2', 1],
  ["Maître d'hôtel", 'B2', 1],
  ['manager', 'B2', 2],
  ['Medecin', 'B2', 1],
  ['Responsable marketing', 'B2', 2],
  ['Agent logistique', 'B1', 3],
  ["CHEF D'ÉQUIPE", 'B1', 1],
  ["Chef d'équipe", 'B1', 2],
  ['Expert technique', 'B1', 2],
  ['Réceptionniste', 'B1', 2],
  ['agent immobilier', 'B1', 1],
  ['Conseillère clientèle', 'B1', 2],
  ['Acheteur', 'B1', 1],
  ['Serveur', 'B1', 1],
  ['Vendeur', 'A2', 3],
  ['Aide-soignant', 'A2', 1],
  ['Chauffeur-routier', 'A2', 1],
  ['Agent de sécurité', 'A2', 1],
  ['Employé administratif', 'A2', 1],
  // local professions (declared at the top of every file)
  ['Analyste de données', 'B2', 2],
  ['Data analyst', 'B2', 1],
  ['Technicien de maintenance aéronautique', 'B1', 1],
  ['Aircraft maintenance technician', 'B1', 1],
];

const TYPOS = ['Comptabel', 'Chef de prjet', 'Ingénieru', 'Formatuer', 'Vendeurr', 'Recepsionniste', 'Analyste de donées', 'Directeur comercial'];

const FIRST = ['Jeanne', 'Karim', 'Sophie', 'Thomas', 'Claire', 'Lucas', 'Camille', 'Nicolas', 'Émilie', 'Julien', 'Inès', 'Pierre', 'Mathieu', 'Laura', 'Hugo', 'Anna', 'Romain', 'Élodie', 'Antoine', 'Sarah', 'Florian', 'Chloé', 'Lucía', 'Manuel', 'Marion', 'Javier', 'Clara', 'Baptiste', 'Paula', 'Théo', 'Nadia', 'Vincent', 'Alice', 'Yasmine', 'Mehdi', 'Léa', 'Gaëlle', 'François', 'Zoé', 'Océane'];
const LAST = ['Dupont', 'Benali', 'Martin', 'Lefèvre', 'Moreau', 'Bernard', 'Rousseau', 'Girard', 'Fontaine', 'Mercier', 'Haddad', 'Lambert', 'Klein', 'Weber', 'Muller', 'Vogel', 'Schmitt', 'Koch', 'Meyer', 'Becker', 'Wagner', 'Hoffmann', 'García', 'Fernández', 'Roux', 'López', 'Martínez', 'Durand', 'Sánchez', 'Garnier', 'Benamar', 'Perrin', 'Faure', 'Nguyen', 'Da Silva', 'Rossi', 'Ferreira', 'Bianchi', "O'Connor", 'Kowalski'];
const PARTNERS: readonly (readonly [string, string, string])[] = [
  // [slug, partner, cohort name prefix]
  ['acme', 'Acme Formation', 'Acme — anglais professionnel'],
  ['alsace', 'Alsace Langues Entreprises', 'Alsace — allemand des affaires'],
  ['sud', 'Sud Langues Formation', 'Sud — espagnol commercial'],
  ['cci-lyon', 'CCI Lyon Métropole', 'CCI Lyon — anglais, site de Villeurbanne'],
  ['linguaplus', 'LinguaPlus', 'LinguaPlus — italien hôtellerie'],
  ['atlantique', 'Atlantique Compétences', 'Atlantique — portugais logistique'],
];
const THRESHOLD_NOTES = ['              # the recommended threshold, written explicitly', '              # above the recommended: the employer asks for more', '              # above the recommended, agreed with the partner'];
const RESULT_NOTES = ['                 # session attended, level confirmed by CCI', '                 # oral retaken in the second session', '                 # to be sent to the employer'];
const LANGS = ['en', 'de', 'es', 'it', 'pt', 'fr'] as const;
const LEVEL_ORDER = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
const THRESHOLDS_ABOVE: Record<Tier, readonly string[]> = { A2: ['A2', 'A2', 'B1'], B1: ['B1', 'B1', 'B2'], B2: ['B2', 'B2', 'B2', 'C1'], C1: ['C1', 'C1', 'C2'] };

export interface GeneratedFile {
  file: string;
  candidates: number;
  cohorts: number;
  bytes: number;
  injected: { unknownProfession: number; invalidLevel: number; duplicateId: number };
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function weighted(r: () => number): readonly [string, Tier, number] {
  const total = PROFESSIONS.reduce((s, p) => s + p[2], 0);
  let x = r() * total;
  for (const p of PROFESSIONS) {
    x -= p[2];
    if (x < 0) return p;
  }
  return PROFESSIONS[0]!;
}

/** A CEFR level around a base level, with a sub-level mark most of the time (A2- … C2+). */
function levelAround(r: () => number, base: string): string {
  const i = LEVEL_ORDER.indexOf(base as (typeof LEVEL_ORDER)[number]);
  const shift = r() < 0.55 ? 0 : r() < 0.6 ? -1 : 1;
  const j = Math.max(1, Math.min(LEVEL_ORDER.length - 1, i + shift));
  const mark = pick(r, ['', '', '-', '+']);
  return `${LEVEL_ORDER[j]}${mark}`;
}

const RANK = (l: string): number => {
  const base = LEVEL_ORDER.indexOf(l.slice(0, 2) as (typeof LEVEL_ORDER)[number]);
  return base * 3 + (l.endsWith('-') ? 0 : l.endsWith('+') ? 2 : 1);
};

/** The YAML text of a grid file of `n` candidates (seeded). */
export function generateGrid(n: number, seed: number): { text: string; cohorts: number; injected: GeneratedFile['injected'] } {
  const r = rng(seed);
  const out: string[] = [];
  const injected = { unknownProfession: 0, invalidLevel: 0, duplicateId: 0 };
  out.push(
    `# Generated by bench/generate.ts (seed ${seed}): ${n} candidates. Benchmark data, not real people.`,
    'cloe: 1',
    'language: en                       # default for the cohorts that do not say otherwise',
    '',
    'professions:                       # local additions to the built-in CLOE grid',
    '  - name: Analyste de données',
    '    threshold: B2',
    '    aliases: [Data analyst, Analyste data]',
    '  - name: Technicien de maintenance aéronautique',
    '    threshold: B1',
    '    aliases:',
    '      - Aircraft maintenance technician',
    '      - Mécanicien aéronautique',
    '',
    'cohorts:',
  );
  let made = 0;
  let cohortNo = 0;
  const ids: string[] = [];
  while (made < n) {
    cohortNo++;
    const size = Math.min(n - made, n <= 200 ? 30 + Math.floor(r() * 41) : 50 + Math.floor(r() * 151));
    const [slug, partner, prefix] = pick(r, PARTNERS);
    const year = 2024 + Math.floor(r() * 3);
    const month = 1 + Math.floor(r() * 12);
    const day = 1 + Math.floor(r() * 28);
    const mm = String(month).padStart(2, '0');
    const dd = String(day).padStart(2, '0');
    out.push(`  # ---------------------------------------------------------------- cohort ${cohortNo}`);
    out.push(`  - id: ${slug}-${year}-${mm}-${cohortNo}`);
    out.push(`    name: ${prefix}, session ${cohortNo}`);
    out.push(`    partner: ${partner}`);
    if (r() < 0.6) out.push(`    language: ${pick(r, LANGS)}`);
    out.push(`    session: ${year}-${mm}-${dd}`);
    out.push('    candidates:');
    for (let k = 0; k < size; k++) {
      made++;
      const finding = r() < 0.01 ? Math.floor(r() * 3) : -1;
      let id = `${slug.toUpperCase()}-${String(made).padStart(6, '0')}`;
      if (finding === 2 && ids.length > 0) {
        id = ids[Math.floor(r() * ids.length)]!;
        injected.duplicateId++;
      } else ids.push(id);
      const [prof, tier] = weighted(r);
      out.push(`      - id: ${id}`);
      out.push(`        name: ${pick(r, FIRST)} ${pick(r, LAST)}`);
      if (finding === 0) {
        out.push(`        profession: ${pick(r, TYPOS)}`);
        injected.unknownProfession++;
      } else out.push(`        profession: ${prof}`);
      const hasThreshold = r() < 0.4;
      const threshold = hasThreshold ? pick(r, THRESHOLDS_ABOVE[tier]) : tier;
      if (hasThreshold) out.push(`        threshold: ${threshold}${r() < 0.3 ? THRESHOLD_NOTES[threshold === tier ? 0 : 1 + Math.floor(r() * 2)] : ''}`);
      const kind = r();
      if (finding === 1) {
        out.push(r() < 0.5 ? '        result: B3' : '        result: { written: B3, oral: B2 }');
        injected.invalidLevel++;
      } else if (kind < 0.15) {
        if (r() < 0.5) out.push('        # pending: results expected after the session');
      } else if (kind < 0.6) {
        out.push(`        result: ${levelAround(r, threshold)}${r() < 0.3 ? pick(r, RESULT_NOTES) : ''}`);
      } else {
        const w = levelAround(r, threshold);
        const o = levelAround(r, threshold);
        const lo = RANK(w) <= RANK(o) ? w : o;
        const withOverall = r() < 0.4;
        if (kind < 0.85) out.push(`        result: { written: ${w}, oral: ${o}${withOverall ? `, overall: ${lo}` : ''} }`);
        else {
          out.push('        result:');
          out.push(`          written: ${w}`);
          out.push(`          oral: ${o}`);
          if (withOverall) out.push(`          overall: ${lo}`);
        }
      }
    }
    out.push('');
  }
  return { text: out.join('\n'), cohorts: cohortNo, injected };
}

export const SIZES = [100, 1000, 10000, 100000] as const;
export const MANY_FILES = 1000;
export const MANY_SIZE = 100;
const VERSION = 3; // bump when the generator's output changes

export interface Manifest {
  version: number;
  sizes: GeneratedFile[];
  many: { dir: string; files: number; candidates: number; bytes: number; injected: GeneratedFile['injected'] };
  bad: string;
}

/** A small file that should trigger schema errors in any validator (the comparison's sanity check). */
export const BAD_FILE = `cloe: 1
language: xx                 # not a CLOE language
cohorts:
  - id: bad-2026-01
    session: 2026-02-30      # not a date
    candidates:
      - id: BAD-001
        name: Jeanne Dupont
        profession: Comptabel  # a typo: unknown profession
        result: B3             # not a CEFR level
      - id: BAD-001            # duplicate id
        name: Karim Benali
        profession: Chef de projet
        thresold: B2           # unknown key
      - id: BAD-003
        name: Sophie Martin
        profession: Comptable
        threshold: A1          # below the certificate's target
`;

/** Writes the files (only what is missing or outdated) and returns the manifest. */
export function generateAll(dir: string, sizes: readonly number[] = SIZES, log: (s: string) => void = () => undefined): Manifest {
  mkdirSync(dir, { recursive: true });
  const manifestPath = path.join(dir, 'manifest.json');
  let old: Manifest | undefined;
  try {
    old = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    if (old.version !== VERSION) old = undefined;
  } catch {
    old = undefined;
  }
  const files: GeneratedFile[] = [];
  for (const n of sizes) {
    const file = path.join(dir, `grid-${n}.cloe.yaml`);
    const known = old?.sizes.find((s) => s.candidates === n);
    if (known && existsSync(file)) {
      files.push(known);
      continue;
    }
    const g = generateGrid(n, 1000 + n);
    writeFileSync(file, g.text);
    log(`generated ${file} (${(g.text.length / 1e6).toFixed(2)} MB, ${g.cohorts} cohorts)`);
    files.push({ file, candidates: n, cohorts: g.cohorts, bytes: Buffer.byteLength(g.text), injected: g.injected });
  }
  for (const s of old?.sizes ?? []) if (!files.some((f) => f.candidates === s.candidates) && existsSync(s.file)) files.push(s);
  files.sort((a, b) => a.candidates - b.candidates);

  const manyDir = path.join(dir, 'many');
  let many = old?.many;
  if (!many || !existsSync(manyDir) || readdirSync(manyDir).length !== MANY_FILES) {
    rmSync(manyDir, { recursive: true, force: true });
    mkdirSync(manyDir, { recursive: true });
    const injected = { unknownProfession: 0, invalidLevel: 0, duplicateId: 0 };
    let bytes = 0;
    for (let i = 0; i < MANY_FILES; i++) {
      const g = generateGrid(MANY_SIZE, 50000 + i);
      writeFileSync(path.join(manyDir, `cohort-${String(i).padStart(4, '0')}.cloe.yaml`), g.text);
      bytes += Buffer.byteLength(g.text);
      injected.unknownProfession += g.injected.unknownProfession;
      injected.invalidLevel += g.injected.invalidLevel;
      injected.duplicateId += g.injected.duplicateId;
    }
    many = { dir: manyDir, files: MANY_FILES, candidates: MANY_SIZE, bytes, injected };
    log(`generated ${MANY_FILES} files of ${MANY_SIZE} candidates in ${manyDir}`);
  }
  const bad = path.join(dir, 'bad.cloe.yaml');
  writeFileSync(bad, BAD_FILE);
  const manifest: Manifest = { version: VERSION, sizes: files, many, bad };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return manifest;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const sizesAt = args.indexOf('--sizes');
  const dir = outAt >= 0 ? path.resolve(args[outAt + 1] ?? '') : path.resolve(__dirname, '..', '..', 'bench', 'tmp');
  const sizes = sizesAt >= 0 ? (args[sizesAt + 1] ?? '').split(',').map(Number) : [...SIZES];
  const m = generateAll(dir, sizes, (s) => console.log(s));
  console.log(`manifest: ${path.join(dir, 'manifest.json')} (${m.sizes.map((s) => s.candidates).join(', ')} candidates)`);
}
