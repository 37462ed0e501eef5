/**
 * Profession lookup: the built-in grid plus a file's local professions. Names match whatever
 * their case, accents, punctuation and spacing; unknown names get the nearest suggestions.
 */
import { GRID_PROFESSIONS, TIERS } from './grid-data';
import type { GridProfession, Tier, TierId } from './grid-types';
import { type Level, parseLevel, validThreshold } from './levels';
import { nearest, normalizeName } from './normalize';
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
  /** The entry's name or alias that the text matched, when it is not the canonical name itself. */
  via?: string;
}

export function tierOf(id: TierId): Tier {
  const t = TIERS.find((x) => x.id === id);
  if (!t) throw new Error(`unknown tier ${id}`);
  return t;
}

function gridEntry(p: GridProfession, via?: string): ResolvedProfession {
  const tier = tierOf(p.tier);
  const r: ResolvedProfession = { canonical: p.name, source: 'grid', grid: p, tier };
  const level = tier.threshold ? parseLevel(tier.threshold) : undefined;
  if (level) r.threshold = level;
  if (via !== undefined) r.via = via;
  return r;
}

interface GridIndex {
  byKey: Map<string, { profession: GridProfession; name: string }>;
  names: string[];
}

let gridIndex: GridIndex | undefined;

function builtinIndex(): GridIndex {
  if (gridIndex) return gridIndex;
  const byKey = new Map<string, { profession: GridProfession; name: string }>();
  const names: string[] = [];
  for (const p of GRID_PROFESSIONS) {
    for (const name of [p.name, p.en, ...p.aliases]) {
      const key = normalizeName(name);
      if (!byKey.has(key)) byKey.set(key, { profession: p, name });
      names.push(name);
    }
  }
  gridIndex = { byKey, names };
  return gridIndex;
}

/** Every name and alias of the built-in grid (for completion and tests). */
export function builtinNames(): readonly string[] {
  return builtinIndex().names;
}

export function resolveBuiltin(text: string): ResolvedProfession | undefined {
  const hit = builtinIndex().byKey.get(normalizeName(text));
  if (!hit) return undefined;
  return gridEntry(hit.profession, hit.name === hit.profession.name ? undefined : hit.name);
}

/** The professions one file can use: its local ones first, then the built-in grid. */
export class ProfessionIndex {
  private readonly local = new Map<string, { def: LocalProfessionDef; name: string }>();
  private readonly localNames: string[] = [];

  constructor(locals: readonly LocalProfessionDef[] = []) {
    for (const def of locals) {
      for (const name of [def.name, ...def.aliases]) {
        const key = normalizeName(name);
        if (key && !this.local.has(key)) this.local.set(key, { def, name });
        this.localNames.push(name);
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
    const key = normalizeName(text);
    if (!key) return undefined;
    const hit = this.local.get(key);
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
    const names = nearest(text, [...this.localNames, ...builtinIndex().names], 50, normalizeName);
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
