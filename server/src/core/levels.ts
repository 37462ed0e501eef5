/**
 * CEFR levels with sub-level marks, as CCI reports them: `B1-` < `B1` < `B1+` < `B2-` … < `C2`.
 * There is nothing above C2: `C2+` is not a level. Thresholds are plain levels A2–C2
 * (`thresholdProblem` says why any other text cannot be one).
 */

export const BASE_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type BaseLevel = (typeof BASE_LEVELS)[number];
/** The 17 level codes in order, A1- … C2 (nothing is above C2). */
export const LEVEL_CODES: readonly string[] = BASE_LEVELS.flatMap((b) => (b === 'C2' ? [`${b}-`, b] : [`${b}-`, b, `${b}+`]));
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

/** The 17 levels, made once and shared (frozen): 100,000 candidates need no copies of `B2`. */
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

/** Parses an exact level code (`B2`, `B1+`, `C1-`); anything else (`C2+` included) gives undefined. */
export function parseLevel(text: string): Level | undefined {
  const m = LEVEL_RE.exec(text);
  if (!m || (m[1] === 'C' && m[2] === '2' && m[3] === '+')) return undefined;
  return make(`${m[1]}${m[2]}` as BaseLevel, (m[3] ?? '') as Mark);
}

/**
 * Why a threshold as written cannot decide an outcome (SPEC §1.4), or undefined for a valid one:
 * a plain level from A2 to C2, exactly (no spaces around it).
 * - `below-target`: A1 or any sub-level below A2 (`A1+`, `A2-`);
 * - `not-plain`: a sub-level mark (`B1+`, `C1-`);
 * - `padded`: a level with spaces around it (`" B2 "`);
 * - `not-a-level`: anything else (`B3`, `b2`, `C2+`).
 */
export type ThresholdProblem = 'below-target' | 'not-plain' | 'padded' | 'not-a-level';

export function thresholdProblem(text: string): ThresholdProblem | undefined {
  const level = parseLevel(text);
  if (!level) return parseLevel(text.trim()) ? 'padded' : 'not-a-level';
  if (level.rank < plainLevel('A2').rank) return 'below-target';
  if (level.mark !== '') return 'not-plain';
  return undefined;
}

/** The threshold a text stands for, when it is a valid one (a plain level A2–C2). */
export function validThreshold(text: string): Level | undefined {
  return thresholdProblem(text) === undefined ? parseLevel(text) : undefined;
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
  // Nothing is above C2: whoever wrote C2+ meant the highest level.
  return parseLevel(squeezed === 'C2+' ? 'C2' : squeezed);
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
    descriptorFr: 'Comprend et utilise des expressions familières et quotidiennes ; en dessous du niveau cible du certificat CLOE.',
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
    descriptorFr: 'Comprend l’essentiel d’un langage clair et standard et se débrouille dans la plupart des situations.',
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
    descriptorFr: 'S’exprime spontanément et couramment, utilise la langue de façon efficace et souple dans sa vie professionnelle.',
    descriptorEn: 'Expresses ideas fluently and spontaneously; uses the language flexibly and effectively for professional purposes.',
  },
  C2: {
    fr: 'Utilisateur expérimenté — niveau maîtrise',
    en: 'Proficient user — Mastery',
    descriptorFr: 'Comprend pratiquement tout sans effort et restitue faits et arguments avec précision et nuance.',
    descriptorEn: 'Understands virtually everything with ease and expresses facts and arguments precisely, with fine shades of meaning.',
  },
};
