/** Name matching: case, accents, punctuation and extra spaces do not count. */
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
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
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
