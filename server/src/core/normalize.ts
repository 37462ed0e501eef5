/** Name matching: case, accents, punctuation and extra spaces do not count; nor, for professions, gender, number and articles. */
import { ownString } from './text';

/** Names already normalised (a file names the same professions again and again; so do 1,000 files). */
const NORMALIZED = new Map<string, string>();

export function normalizeName(text: string): string {
  let key = NORMALIZED.get(text);
  if (key === undefined) {
    key = normalize(text);
    if (NORMALIZED.size >= 4096) NORMALIZED.clear();
    // (Copies: a name cut from a document would keep the whole document alive.)
    NORMALIZED.set(ownString(text), ownString(key));
  }
  return key;
}

function normalize(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Lower case, accents removed, ligatures spelt out; punctuation kept. */
function fold(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

/** Profession keys already computed (the same few names again and again, like NORMALIZED). */
const PROFESSION_KEYS = new Map<string, string>();

/**
 * The key under which a profession name is looked up: its masculine singular form, without
 * articles, as the grid writes its entries. On top of `normalizeName`:
 * - inclusive writing loses its feminine mark: "Aide-soignant(e)", "Directeur·rice commercial·e",
 *   "Directeur.rice", "Employé·e·s", "Technicien(ne)", "Vendeur/euse" → "aide soignant",
 *   "directeur commercial", …;
 * - articles and prepositions go: "Directeur des achats à l'international" and "Directeur achats
 *   à l'international", "Conseiller de clientèle" and "Conseiller clientèle" share a key;
 * - each word is put in the masculine singular: "projets" → "projet", "commerciaux" →
 *   "commercial", "Directrice" → "directeur", "Conseillère" → "conseiller", "Cheffe" → "chef",
 *   "Vendeuse" → "vendeur", "Ingénieure" → "ingenieur", "Employée administrative spécialisée" →
 *   "employe administratif specialise", "Maîtresse" → "maitre";
 * - a word repeated at once counts once ("Vendeur Vendeuse", "Directeur/Directrice commercial").
 * The same key is computed for the grid's names and aliases and for what a file writes, so a
 * rule can only join two spellings of one word; the grid test checks that no two entries of
 * the grid share a key.
 */
export function professionKey(text: string): string {
  let key = PROFESSION_KEYS.get(text);
  if (key === undefined) {
    key = computeProfessionKey(text);
    if (PROFESSION_KEYS.size >= 4096) PROFESSION_KEYS.clear();
    PROFESSION_KEYS.set(ownString(text), ownString(key));
  }
  return key;
}

/** Feminine (and plural) endings that inclusive writing adds after a mark: "(e)", "·rice", ".e.s", "-e", "/euse". */
const ENDING = '(?:e|ne|le|te|fe|se|ve|sse|esse|euse|rice|trice|ere|iere|ive|ale|ee)';
const INCLUSIVE = new RegExp(
  `(?<=[a-z])(?:\\s?\\(\\s?-?(?:${ENDING}s?|s)\\s?\\)s?|(?:[\u00b7\u2022\u2027\u22c5\u2219./-](?:${ENDING}s?|s))+)(?![a-z])`,
  'g',
);

/** (Most names have no mark: the costlier INCLUSIVE only runs on those that do.) */
const MARK = /[(\u00b7\u2022\u2027\u22c5\u2219./-]/;

/** Words that are not part of a job's name: "Chef de projet" is "Chef projet". */
const ARTICLES = new Set(['de', 'des', 'du', 'd', 'l', 'la', 'le', 'les', 'a', 'au', 'aux', 'en']);

/** Feminine forms no ending rule gives. */
const IRREGULAR = new Map([
  ['maitresse', 'maitre'],
  ['hotesse', 'hote'],
]);

/** Feminine endings and their masculine, longest first where one ends another. */
const FEMININE: readonly (readonly [string, string])[] = [
  ['trice', 'teur'], // directrice, auditrice, formatrice, conductrice, opératrice
  ['euse', 'eur'], // vendeuse, acheteuse, serveuse, chercheuse, chauffeuse
  ['eure', 'eur'], // ingénieure, professeure
  ['ienne', 'ien'], // technicienne
  ['elle', 'el'], // opérationnelle
  ['effe', 'ef'], // cheffe
  ['erte', 'ert'], // experte
  ['ere', 'er'], // conseillère, financière, routière, immobilière, hôtelière
  ['ive', 'if'], // administrative
  ['ante', 'ant'], // assistante, enseignante, soignante, intervenante
  ['ente', 'ent'], // agente
  ['ale', 'al'], // commerciale, internationale
  ['ate', 'at'], // avocate
  ['ee', 'e'], // employée, spécialisée
];

function singularMasculine(word: string): string {
  if (word.length < 4) return word;
  let w = word;
  if (w.endsWith('aux')) w = `${w.slice(0, -3)}al`;
  else if (w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  const irregular = IRREGULAR.get(w);
  if (irregular !== undefined) return irregular;
  if (w.length < 5 || !w.endsWith('e')) return w; // (every feminine ending ends in "e")
  for (const [fem, masc] of FEMININE) {
    if (w.endsWith(fem)) return w.slice(0, -fem.length) + masc;
  }
  return w;
}

/**
 * The keys of the parts of an "A / B" name, in order ("Vendeur / Vendeuse" → "vendeur",
 * "vendeur"). A slash of inclusive writing ("Vendeur/euse") does not divide a name.
 */
export function professionKeyParts(text: string): string[] {
  return withoutInclusiveMarks(fold(text)).split('/').map(keyOf);
}

function withoutInclusiveMarks(folded: string): string {
  return MARK.test(folded) ? folded.replace(INCLUSIVE, '') : folded;
}

function computeProfessionKey(text: string): string {
  return keyOf(withoutInclusiveMarks(fold(text)));
}

function keyOf(text: string): string {
  const words = text.split(/[^a-z0-9]+/);
  const out: string[] = [];
  for (const word of words) {
    if (!word || ARTICLES.has(word)) continue;
    const w = singularMasculine(word);
    if (w !== out[out.length - 1]) out.push(w);
  }
  return out.join(' ');
}

/** Levenshtein distance, bounded: returns max + 1 as soon as the distance exceeds max. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] ?? 0;
}

/**
 * The candidates nearest to `text` by edit distance, best first, within a distance that grows
 * with the length of the text (a third of it, at least 2). Ties keep the candidates' order.
 */
export function nearest(text: string, candidates: readonly string[], limit = 3, key: (s: string) => string = (s) => s): string[] {
  const k = key(text);
  const max = Math.max(2, Math.floor(k.length / 3));
  const scored: { name: string; d: number; i: number }[] = [];
  candidates.forEach((name, i) => {
    const d = editDistance(k, key(name), max);
    if (d <= max) scored.push({ name, d, i });
  });
  scored.sort((x, y) => x.d - y.d || x.i - y.i);
  const out: string[] = [];
  for (const s of scored) {
    if (!out.includes(s.name)) out.push(s.name);
    if (out.length >= limit) break;
  }
  return out;
}
