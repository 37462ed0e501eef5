/**
 * Profession lookup: the built-in grid plus a file's local professions. Names match whatever
 * their case, accents, punctuation and spacing, in the feminine, inclusive or plural, with or
 * without articles (`professionKey`); "A / B" names the entry both halves name. Unknown names
 * get the nearest suggestions.
 */
import { GRID_PROFESSIONS, TIERS } from './grid-data';
import type { GridProfession, Tier, TierId } from './grid-types';
import { type Level, parseLevel, validThreshold } from './levels';
import { nearest, normalizeName, professionKey, professionKeyParts } from './normalize';
import { ownString } from './text';

export interface LocalProfessionDef {
  name: string;
  /** Recommended threshold as written; undefined or invalid leaves the profession without one. */
  threshold?: string;
  aliases: string[];
}

export interface ResolvedProfession {
  /** The entry's name: the grid's French name or the local profession's name. */
  canonical: string;
  source: 'grid' | 'local';
  /** Recommended threshold, when the entry has a valid one (a local profession's invalid one stays in `local.threshold`). */
  threshold?: Level;
  grid?: GridProfession;
  tier?: Tier;
  local?: LocalProfessionDef;
  /**
   * The entry's name or alias that the text matched, when it is not the canonical name itself;
   * for a grid entry matched through a feminine, inclusive, plural or "A / B" form, the text.
   */
  via?: string;
}

export function tierOf(id: TierId): Tier {
  const t = TIERS.find((x) => x.id === id);
  if (!t) throw new Error(`unknown tier ${id}`);
  return t;
}

function gridEntry(p: GridProfession, text: string, name: string): ResolvedProfession {
  const tier = tierOf(p.tier);
  const r: ResolvedProfession = { canonical: p.name, source: 'grid', grid: p, tier };
  const level = tier.threshold ? parseLevel(tier.threshold) : undefined;
  if (level) r.threshold = level;
  const via = viaOf(text, name, p.name);
  if (via !== undefined) r.via = via;
  return r;
}

/**
 * What the hover says resolved: the alias matched, or the text itself when it matched through
 * its feminine, inclusive, plural or "A / B" form; nothing when it is the entry's name.
 */
function viaOf(text: string, name: string, canonical: string): string | undefined {
  if (normalizeName(text) !== normalizeName(name)) return ownString(text.trim());
  return name === canonical ? undefined : name;
}

interface GridHit {
  profession: GridProfession;
  name: string;
}

interface GridIndex {
  byKey: Map<string, GridHit>;
  names: string[];
  /** The words of each name's key (same order as names), for suggestions. */
  words: string[][];
}

let gridIndex: GridIndex | undefined;

function builtinIndex(): GridIndex {
  if (gridIndex) return gridIndex;
  const byKey = new Map<string, GridHit>();
  const names: string[] = [];
  const words: string[][] = [];
  for (const p of GRID_PROFESSIONS) {
    for (const name of [p.name, p.en, ...p.aliases]) {
      const key = professionKey(name);
      if (!byKey.has(key)) byKey.set(key, { profession: p, name });
      names.push(name);
      words.push(key.split(' '));
    }
  }
  gridIndex = { byKey, names, words };
  return gridIndex;
}

/** Every name and alias of the built-in grid (for completion and tests). */
export function builtinNames(): readonly string[] {
  return builtinIndex().names;
}

/**
 * The entry `text` names, looked up by `find`: the whole name, else, for "A / B", the entry
 * every half names ("Vendeur / Vendeuse", "Formatrice / Enseignante", "Ingénieur / Chercheur").
 * A half that only repeats the start of another ("Chef / Cheffe de projet", "Directeur /
 * Directrice commerciale") adds nothing; halves naming two entries name none.
 */
function designate<T extends { name: string }>(text: string, find: (key: string) => T | undefined, same: (a: T, b: T) => boolean): T | undefined {
  const whole = find(professionKey(text));
  if (whole || !text.includes('/')) return whole;
  const keys = professionKeyParts(text).filter((k) => k !== '');
  const kept = keys.filter((k) => !keys.some((other) => other !== k && other.startsWith(`${k} `)));
  let found: T | undefined;
  for (const key of kept) {
    const hit = find(key);
    if (!hit || (found && !same(found, hit))) return undefined;
    found ??= hit;
  }
  return found;
}

export function resolveBuiltin(text: string): ResolvedProfession | undefined {
  const { byKey } = builtinIndex();
  const hit = designate(text, (key) => byKey.get(key), (a, b) => a.profession === b.profession);
  return hit && gridEntry(hit.profession, text, hit.name);
}

/** The professions one file can use: its local ones first, then the built-in grid. */
export class ProfessionIndex {
  private readonly local = new Map<string, { def: LocalProfessionDef; name: string }>();
  private readonly localNames: string[] = [];
  private readonly localWords: string[][] = [];

  constructor(locals: readonly LocalProfessionDef[] = []) {
    for (const def of locals) {
      for (const name of [def.name, ...def.aliases]) {
        const key = professionKey(name);
        if (key && !this.local.has(key)) this.local.set(key, { def, name });
        this.localNames.push(name);
        this.localWords.push(key.split(' '));
      }
    }
  }

  private readonly resolved = new Map<string, ResolvedProfession | undefined>();
  private readonly suggested = new Map<string, string[]>();

  /** The entry a name resolves to (memoised: a file repeats the same names thousands of times). */
  resolve(text: string): ResolvedProfession | undefined {
    if (this.resolved.has(text)) return this.resolved.get(text);
    const r = this.resolveUncached(text);
    // (A copy of the key: a name cut from a document would keep the whole document alive.)
    if (this.resolved.size < 10_000) this.resolved.set(ownString(text), r);
    return r;
  }

  private resolveUncached(text: string): ResolvedProfession | undefined {
    if (!professionKey(text)) return undefined;
    const hit = this.local.size ? designate(text, (key) => this.local.get(key), (a, b) => a.def === b.def) : undefined;
    if (hit) {
      const r: ResolvedProfession = { canonical: hit.def.name, source: 'local', local: hit.def };
      // Only a valid threshold is a recommendation (SPEC §1.4): A1, B1+ or " B2 " recommend nothing.
      const level = hit.def.threshold !== undefined ? validThreshold(hit.def.threshold) : undefined;
      if (level) r.threshold = level;
      if (hit.name !== hit.def.name) r.via = hit.name;
      return r;
    }
    return resolveBuiltin(text);
  }

  /** Up to `limit` known names nearest to an unknown one, best first. */
  suggest(text: string, limit = 3): string[] {
    const cacheKey = `${limit}\u0000${text}`;
    const hit = this.suggested.get(cacheKey);
    if (hit) return [...hit];
    const out = this.suggestUncached(text, limit);
    if (this.suggested.size < 10_000) this.suggested.set(ownString(cacheKey), out);
    return [...out];
  }

  private suggestUncached(text: string, limit: number): string[] {
    const grid = builtinIndex();
    const known = [...this.localNames, ...grid.names];
    const names = [...nearest(text, known, 50, normalizeName), ...containing(text, known, [...this.localWords, ...grid.words])];
    // One suggestion per entry: the name nearest to what was typed.
    const seen = new Set<string>();
    const out: string[] = [];
    for (const name of names) {
      const entry = this.resolve(name)?.canonical ?? name;
      if (seen.has(entry)) continue;
      seen.add(entry);
      out.push(name);
      if (out.length >= limit) break;
    }
    return out;
  }
}

/**
 * The names that contain every word of `text` (in the masculine singular), shortest first:
 * for a name too short or too general to be one entry ("Conférencier", "Technicienne",
 * "Directeur des achats"), the entries it could mean.
 */
function containing(text: string, names: readonly string[], wordsOf: readonly string[][]): string[] {
  const words = professionKey(text)
    .split(' ')
    .filter((w) => w.length > 1);
  if (!words.length) return [];
  const found: { name: string; length: number }[] = [];
  names.forEach((name, i) => {
    const own = wordsOf[i] ?? [];
    if (words.every((w) => own.includes(w))) found.push({ name, length: own.join(' ').length });
  });
  return found.sort((a, b) => a.length - b.length).map((f) => f.name);
}
