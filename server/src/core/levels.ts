/**
 * CEFR levels with sub-level marks, as CCI reports them: `B1-` < `B1` < `B1+` < `B2-` …
 * Thresholds are plain levels A2–C2 (a mark or A1 is reported by the threshold rules).
 */

export const BASE_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type BaseLevel = (typeof BASE_LEVELS)[number];
export type Mark = '-' | '' | '+';

export interface Level {
  base: BaseLevel;
  mark: Mark;
  /** Total order: base index × 3 + (mark − 1 for '-', 0, + 1 for '+'). */
  rank: number;
  /** Canonical code, e.g. "B1+". */
  code: string;
}

const LEVEL_RE = /^([ABC])([12])([+-]?)$/;

/** The 18 levels, made once and shared (frozen): 100,000 candidates need no copies of `B2`. */
const MADE = new Map<string, Level>();

function make(base: BaseLevel, mark: Mark): Level {
  const code = base + mark;
  let level = MADE.get(code);
  if (!level) {
    const markOffset = mark === '-' ? 0 : mark === '' ? 1 : 2;
    level = Object.freeze({ base, mark, rank: BASE_LEVELS.indexOf(base) * 3 + markOffset, code });
    MADE.set(code, level);
  }
  return level;
}

/** Parses an exact level code (`B2`, `B1+`, `C1-`); anything else gives undefined. */
export function parseLevel(text: string): Level | undefined {
  const m = LEVEL_RE.exec(text);
  if (!m) return undefined;
  return make(`${m[1]}${m[2]}` as BaseLevel, (m[3] ?? '') as Mark);
}

/** A plain level (no mark) by its code. */
export function plainLevel(base: BaseLevel): Level {
  return make(base, '');
}

/**
 * The level a user most likely meant by a text that is not a level code:
 * `b2` → `B2`, ` B 1 + ` → `B1+`, `B1 plus` is not guessed. Undefined when there is no single reading.
 */
export function suggestLevel(text: string): Level | undefined {
  const squeezed = text.replace(/\s+/g, '').toUpperCase().replace(/[‐‑–—−]/g, '-');
  return parseLevel(squeezed);
}

export function compareLevels(a: Level, b: Level): number {
  return a.rank - b.rank;
}

export function minLevel(a: Level, b: Level): Level {
  return a.rank <= b.rank ? a : b;
}

export function maxLevel(a: Level, b: Level): Level {
  return a.rank >= b.rank ? a : b;
}

/** CEFR names and one-line descriptors, for hovers and completion. */
export const LEVEL_INFO: Record<BaseLevel, { fr: string; en: string; descriptorFr: string; descriptorEn: string }> = {
  A1: {
    fr: 'Utilisateur élémentaire — niveau introductif ou de découverte',
    en: 'Basic user — Breakthrough',
    descriptorFr: 'Comprend et utilise des expressions familières et quotidiennes ; en dessous du niveau cible du certificat CLOE.',
    descriptorEn: 'Understands and uses familiar everyday expressions; below the CLOE certificate target.',
  },
  A2: {
    fr: 'Utilisateur élémentaire — niveau intermédiaire ou de survie',
    en: 'Basic user — Waystage',
    descriptorFr: 'Communique lors de tâches simples et habituelles sur des sujets familiers.',
    descriptorEn: 'Communicates in simple, routine tasks on familiar topics.',
  },
  B1: {
    fr: 'Utilisateur indépendant — niveau seuil',
    en: 'Independent user — Threshold',
    descriptorFr: "Comprend l'essentiel d'un langage clair et standard et se débrouille dans la plupart des situations.",
    descriptorEn: 'Understands the main points of clear standard language and deals with most situations.',
  },
  B2: {
    fr: 'Utilisateur indépendant — niveau avancé ou indépendant',
    en: 'Independent user — Vantage',
    descriptorFr: 'Comprend des textes complexes et communique avec spontanéité et aisance avec un locuteur natif.',
    descriptorEn: 'Understands complex texts and interacts with fluency and spontaneity with native speakers.',
  },
  C1: {
    fr: 'Utilisateur expérimenté — niveau autonome',
    en: 'Proficient user — Effective operational proficiency',
    descriptorFr: "S'exprime spontanément et couramment, utilise la langue de façon efficace et souple dans sa vie professionnelle.",
    descriptorEn: 'Expresses ideas fluently and spontaneously; uses the language flexibly and effectively for professional purposes.',
  },
  C2: {
    fr: 'Utilisateur expérimenté — niveau maîtrise',
    en: 'Proficient user — Mastery',
    descriptorFr: 'Comprend pratiquement tout sans effort et restitue faits et arguments avec précision et nuance.',
    descriptorEn: 'Understands virtually everything with ease and expresses facts and arguments precisely, with fine shades of meaning.',
  },
};
