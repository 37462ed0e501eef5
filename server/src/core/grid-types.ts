/** Types of the built-in CLOE grid (data in grid-data.ts). */

/** Grid tiers, named by the level of their threshold ("C1" is the "C1 & C2" tier). */
export type TierId = 'C1' | 'B2' | 'B1' | 'A2' | 'A1';

export interface Bilingual {
  fr: string;
  en: string;
}

export interface Tier {
  id: TierId;
  /** The recommended threshold of the tier's professions; null for A1 (below the target). */
  threshold: 'C1' | 'B2' | 'B1' | 'A2' | null;
  /** "C1 & C2", "B2", … as the seed writes the tier's levels. */
  levels: string;
  /** "Utilisateur expérimenté" / "Proficient user". */
  user: Bilingual;
  /** "Maîtrise de la communication professionnelle" / … */
  objective: Bilingual;
  /** The tier's usage examples, in the seed's order. */
  examples: Bilingual[];
}

export interface GridProfession {
  /** The entry's name exactly as the seed writes it (French). */
  name: string;
  /** English translation of the name. */
  en: string;
  tier: TierId;
  /**
   * Other names that resolve to this entry: the names the seed lists inside the entry
   * ("Ingénieur", "Enseignant", "Maître d'hôtel"), usual French names of the same job and
   * English names, each only where the job is unmistakably this entry (policy in grid-data.ts).
   * Matching ignores case, accents, punctuation, spacing, gender, number and articles.
   */
  aliases: string[];
}
