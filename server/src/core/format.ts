/**
 * The grid file format, version 1, as data: which keys each kind of mapping has, their types and
 * whether they are required. The shape rules (unknown-key, invalid-type, missing-field), the
 * model builder and completion all read this one description.
 */

export type ObjectKind = 'root' | 'profession' | 'cohort' | 'candidate' | 'result';

export type FieldType =
  | 'version'
  | 'string'
  | 'level'
  | 'language'
  | 'date'
  | 'result'
  | 'string-list'
  | 'profession-list'
  | 'cohort-list'
  | 'candidate-list';

export interface FieldSpec {
  type: FieldType;
  required?: boolean;
  doc: { en: string; fr: string };
}

export const SUPPORTED_VERSIONS = [1] as const;
export const LANGUAGES = ['en', 'de', 'es', 'it', 'pt', 'fr'] as const;
export type LanguageCode = (typeof LANGUAGES)[number];

export const LANGUAGE_INFO: Record<LanguageCode, { en: string; fr: string; rs: string }> = {
  en: { en: 'English', fr: 'anglais', rs: 'RS6435' },
  de: { en: 'German', fr: 'allemand', rs: 'RS6436' },
  es: { en: 'Spanish', fr: 'espagnol', rs: 'RS6437' },
  fr: { en: 'French as a foreign language', fr: 'français langue étrangère', rs: 'RS6438' },
  it: { en: 'Italian', fr: 'italien', rs: 'RS6439' },
  pt: { en: 'Portuguese', fr: 'portugais', rs: 'RS7412' },
};

export const FORMAT: Record<ObjectKind, Record<string, FieldSpec>> = {
  root: {
    cloe: { type: 'version', required: true, doc: { en: 'Format version of the grid file (1). Marks the file as a grid file.', fr: 'Version du format du fichier de grille (1). Marque le fichier comme fichier de grille.' } },
    language: { type: 'language', doc: { en: 'Default language of the cohorts: en, de, es, it, pt or fr.', fr: 'Langue par défaut des cohortes : en, de, es, it, pt ou fr.' } },
    professions: { type: 'profession-list', doc: { en: 'Local professions that extend the built-in CLOE grid.', fr: 'Professions locales qui complètent la grille CLOE intégrée.' } },
    cohorts: { type: 'cohort-list', doc: { en: 'The cohorts of candidates.', fr: 'Les cohortes de candidats.' } },
  },
  profession: {
    name: { type: 'string', required: true, doc: { en: 'Name of the local profession.', fr: 'Nom de la profession locale.' } },
    threshold: { type: 'level', required: true, doc: { en: "Recommended threshold: a plain level A2, B1, B2, C1 or C2, like a candidate's threshold; any other value decides no outcome.", fr: 'Seuil recommandé : un niveau simple A2, B1, B2, C1 ou C2, comme le seuil d’un candidat ; toute autre valeur ne permet aucune décision.' } },
    aliases: { type: 'string-list', doc: { en: 'Other names that resolve to this profession.', fr: 'Autres noms qui désignent cette profession.' } },
  },
  cohort: {
    id: { type: 'string', required: true, doc: { en: 'Cohort id, unique in the file.', fr: 'Identifiant de la cohorte, unique dans le fichier.' } },
    name: { type: 'string', doc: { en: 'Display name of the cohort.', fr: 'Nom affiché de la cohorte.' } },
    partner: { type: 'string', doc: { en: 'The partner organisation (organisme partenaire).', fr: 'L’organisme partenaire.' } },
    language: { type: 'language', doc: { en: 'Language of the certificate for this cohort (overrides the file default).', fr: 'Langue du certificat pour cette cohorte (remplace celle du fichier).' } },
    session: { type: 'date', doc: { en: 'ISO date (YYYY-MM-DD) of the test session.', fr: 'Date ISO (AAAA-MM-JJ) de la session de test.' } },
    candidates: { type: 'candidate-list', doc: { en: 'The candidates of the cohort.', fr: 'Les candidats de la cohorte.' } },
  },
  candidate: {
    id: { type: 'string', required: true, doc: { en: 'Candidate id, unique in the file (across cohorts).', fr: 'Identifiant du candidat, unique dans le fichier (toutes cohortes confondues).' } },
    name: { type: 'string', required: true, doc: { en: 'Full name of the candidate.', fr: 'Nom complet du candidat.' } },
    profession: { type: 'string', doc: { en: 'Profession: a CLOE grid name, an alias or a local profession.', fr: 'Profession : un nom de la grille CLOE, un alias ou une profession locale.' } },
    threshold: { type: 'level', doc: { en: 'Threshold (objectif de résultat): A2, B1, B2, C1 or C2. Defaults to the profession’s recommended threshold.', fr: 'Objectif de résultat (niveau seuil) : A2, B1, B2, C1 ou C2. Par défaut, le seuil recommandé pour la profession.' } },
    result: { type: 'result', doc: { en: 'Result: an overall level (B1+) or { written, oral, overall }. Absent while pending.', fr: 'Résultat : un niveau global (B1+) ou { written, oral, overall }. Absent tant que le résultat est en attente.' } },
  },
  result: {
    written: { type: 'level', doc: { en: 'Level of the written adaptive test.', fr: 'Niveau de l’épreuve écrite adaptative.' } },
    oral: { type: 'level', doc: { en: 'Level of the oral interview.', fr: 'Niveau de l’entretien oral.' } },
    overall: { type: 'level', doc: { en: 'Overall level. When absent, the lower of written and oral.', fr: 'Niveau global. En son absence, le plus bas de l’écrit et de l’oral.' } },
  },
};

/** The spec of a key, own keys only (a key named "constructor" is not a field). */
export function specOf(kind: ObjectKind, key: string): FieldSpec | undefined {
  return KEYS[kind].set.has(key) ? FORMAT[kind][key] : undefined;
}

/** The keys of each kind of mapping, and its required ones (computed once). */
export const KEYS: Record<ObjectKind, { all: readonly string[]; set: ReadonlySet<string>; required: readonly string[] }> = Object.fromEntries(
  (Object.keys(FORMAT) as ObjectKind[]).map((kind) => {
    const all = Object.keys(FORMAT[kind]);
    return [kind, { all, set: new Set(all), required: all.filter((k) => FORMAT[kind][k]!.required) }];
  }),
) as unknown as Record<ObjectKind, { all: readonly string[]; set: ReadonlySet<string>; required: readonly string[] }>;

/** What each list field holds. */
export const LIST_ITEM_KIND: Partial<Record<FieldType, ObjectKind>> = {
  'profession-list': 'profession',
  'cohort-list': 'cohort',
  'candidate-list': 'candidate',
};
