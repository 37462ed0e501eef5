/**
 * Every text the tool shows, in English and French, from one catalogue. Detection code only
 * builds MessageRefs (an id and its values); the CLI and the server render them in a locale.
 * A value may itself be a MessageRef (rendered in the same locale), e.g. an object kind.
 */
import { ownString } from './text';

export type Locale = 'en' | 'fr';

export interface MessageRef {
  id: MessageId;
  args: Record<string, MessageArg>;
}
/** A value: text, a number, a nested message, or a list of names shown quoted and joined with "or". */
export type MessageArg = string | number | MessageRef | { quoted: readonly string[] } | { en: string; fr: string };

type Entry = { en: string; fr: string };

const CATALOGUE = {
  // yaml-syntax
  'yaml-syntax': { en: 'YAML syntax error: {detail}', fr: 'Erreur de syntaxe YAML : {detail}' },
  'yaml-syntax.duplicate-key': { en: 'The key "{key}" appears twice in the same mapping: keep only one.', fr: 'La clé « {key} » apparaît deux fois dans le même bloc : n’en gardez qu’une.' },
  'yaml-syntax.tab': { en: 'Tabs cannot indent YAML: indent with spaces.', fr: 'Les tabulations ne peuvent pas indenter du YAML : indentez avec des espaces.' },
  'yaml-syntax.multiple-documents': { en: 'This "---" starts a second YAML document, which is not checked: a grid file holds one document. Remove the line, or split the file in two.', fr: 'Ce « --- » commence un second document YAML, qui n’est pas vérifié : un fichier de grille n’en contient qu’un. Retirez la ligne ou scindez le fichier en deux.' },
  'yaml-syntax.conflict-marker': { en: 'Git conflict marker "{marker}": the file is in the middle of a merge. Keep the right lines between the markers, then delete every marker line.', fr: 'Marqueur de conflit Git « {marker} » : le fichier est au milieu d’une fusion. Gardez les bonnes lignes entre les marqueurs, puis supprimez chaque ligne de marqueur.' },
  'yaml-syntax.control-char': { en: 'The control character {code} cannot appear in a YAML file: delete it (it often comes from a copy-paste or a binary export).', fr: 'Le caractère de contrôle {code} ne peut pas figurer dans un fichier YAML : supprimez-le (il vient souvent d’un copier-coller ou d’un export binaire).' },
  'yaml-syntax.not-utf8': { en: 'Unreadable character (U+FFFD): the file is probably not saved as UTF-8 (e.g. Latin-1 or Windows-1252 from a spreadsheet). Save it as UTF-8, then check the accented letters here.', fr: 'Caractère illisible (U+FFFD) : le fichier n’est sans doute pas enregistré en UTF-8 (par exemple en Latin-1 ou Windows-1252 depuis un tableur). Enregistrez-le en UTF-8, puis vérifiez les lettres accentuées ici.' },
  'yaml-syntax.not-utf8.many': { en: 'Unreadable character (U+FFFD), the first of {count} in this file: the file is probably not saved as UTF-8 (e.g. Latin-1 or Windows-1252 from a spreadsheet). Save it as UTF-8, then check the accented letters at each of these places.', fr: 'Caractère illisible (U+FFFD), le premier des {count} de ce fichier : le fichier n’est sans doute pas enregistré en UTF-8 (par exemple en Latin-1 ou Windows-1252 depuis un tableur). Enregistrez-le en UTF-8, puis vérifiez les lettres accentuées à chacun de ces endroits.' },
  'yaml-syntax.not-text': { en: 'This file is not UTF-8 text: it holds {count} NUL characters (U+0000), the first here. It was probably saved as UTF-16 or UTF-32 without a byte order mark ("Unicode" in some Windows tools). Save it as UTF-8 (or UTF-16 with a byte order mark): nothing in it is checked until then.', fr: 'Ce fichier n’est pas du texte UTF-8 : il contient {count} caractères NUL (U+0000), le premier ici. Il a sans doute été enregistré en UTF-16 ou UTF-32 sans marque d’ordre des octets (« Unicode » dans certains outils Windows). Enregistrez-le en UTF-8 (ou en UTF-16 avec marque d’ordre des octets) : rien n’y est vérifié d’ici là.' },
  'yaml-syntax.unknown-anchor': { en: 'The alias "*{name}" refers to no anchor "&{name}" written before it: add the anchor, or fix the name.', fr: 'L’alias « *{name} » ne renvoie à aucune ancre « &{name} » écrite avant lui : ajoutez l’ancre ou corrigez le nom.' },
  'yaml-syntax.merge': { en: 'A merge key "<<" must be followed by a mapping, an alias of one, or a list of them.', fr: 'Une clé de fusion « << » doit être suivie d’un bloc de clés, d’un alias d’un tel bloc, ou d’une liste de ceux-ci.' },
  'yaml-syntax.too-deep': { en: 'Values are nested too deeply here for the YAML parser: it stopped reading. A grid file needs no more than six levels.', fr: 'Les valeurs sont imbriquées trop profondément ici pour l’analyseur YAML : il a cessé de lire. Un fichier de grille n’a pas besoin de plus de six niveaux.' },
  // validation-limit
  'validation-limit.size': { en: 'This file is too large to check ({size} MB): the checker reads files of up to {maxSize} MB and {maxLines} lines, so nothing in it is checked. Split it into smaller grid files, for instance one per cohort.', fr: 'Ce fichier est trop grand pour être vérifié ({size} Mo) : le vérificateur lit des fichiers d’au plus {maxSize} Mo et {maxLines} lignes, donc rien n’y est vérifié. Scindez-le en fichiers de grille plus petits, par exemple un par cohorte.' },
  'validation-limit.aliases': { en: 'This alias expands to more than {max} values (an "alias bomb"?): the expansion stops here, so what lies beyond is not checked. Write the values out, or nest fewer aliases.', fr: 'Cet alias se développe en plus de {max} valeurs (une « bombe d’alias » ?) : le développement s’arrête ici, et ce qui est au-delà n’est pas vérifié. Écrivez les valeurs, ou imbriquez moins d’alias.' },
  // internal-error
  'internal-error': { en: 'The checker failed on this file ({detail}): nothing in it is checked. This is a bug: please report it with the file.', fr: 'Le vérificateur a échoué sur ce fichier ({detail}) : rien n’y est vérifié. C’est un bogue : signalez-le avec le fichier.' },
  // unsupported-version
  'unsupported-version.missing': { en: 'The file does not declare its format version: add "cloe: 1" at the top.', fr: 'Le fichier ne déclare pas sa version de format : ajoutez « cloe: 1 » en tête.' },
  'unsupported-version.value': { en: 'Format version "{version}" is not supported: this tool reads version 1 ("cloe: 1").', fr: 'La version de format « {version} » n’est pas prise en charge : cet outil lit la version 1 (« cloe: 1 »).' },
  'unsupported-version.quoted': { en: 'The format version must be the number 1, not the text "1": remove the quotes.', fr: 'La version du format doit être le nombre 1, et non le texte « 1 » : retirez les guillemets.' },
  // unknown-key
  'unknown-key.suggest': { en: 'Unknown key "{key}" in {object}: did you mean "{suggestion}"?', fr: 'Clé inconnue « {key} » dans {object} : vouliez-vous dire « {suggestion} » ?' },
  'unknown-key': { en: 'Unknown key "{key}" in {object}: the keys allowed here are {allowed}.', fr: 'Clé inconnue « {key} » dans {object} : les clés permises ici sont {allowed}.' },
  // invalid-type
  'invalid-type': { en: 'The value of "{key}" must be {expected}, not {actual}: write {expected} after "{key}:".', fr: 'La valeur de « {key} » doit être {expected}, et non {actual} : écrivez {expected} après « {key}: ».' },
  'invalid-type.root': { en: 'A grid file must be a mapping of keys (cloe, language, professions, cohorts), not {actual}.', fr: 'Un fichier de grille doit être un bloc de clés (cloe, language, professions, cohorts), et non {actual}.' },
  'invalid-type.item': { en: 'Each item of "{key}" must be a mapping describing {object}, not {actual}: write its keys after the "- ".', fr: 'Chaque élément de « {key} » doit être un bloc décrivant {object}, et non {actual} : écrivez ses clés après le « - ».' },
  // missing-field
  'missing-field': { en: 'This {object} has no "{key}", which is required: add it. {doc}', fr: 'Ce bloc ({object}) n’a pas de « {key} », qui est obligatoire : ajoutez-le. {doc}' },
  'missing-field.empty': { en: 'The required field "{key}" is empty: give it a value. {doc}', fr: 'Le champ obligatoire « {key} » est vide : donnez-lui une valeur. {doc}' },
  // invalid-level
  'invalid-level.suggest': { en: '"{value}" is not a CEFR level: did you mean {suggestion}?', fr: '« {value} » n’est pas un niveau CECRL : vouliez-vous dire {suggestion} ?' },
  'invalid-level': { en: '"{value}" is not a CEFR level: use A1, A2, B1, B2, C1 or C2, optionally followed by - or +.', fr: '« {value} » n’est pas un niveau CECRL : utilisez A1, A2, B1, B2, C1 ou C2, suivi éventuellement de - ou +.' },
  // thresholds
  'threshold-below-target': { en: 'Threshold {threshold} is below A2, the lowest target of the CLOE certificate: use A2 or higher.', fr: 'Le seuil {threshold} est inférieur à A2, l’objectif le plus bas du certificat CLOE : utilisez A2 ou plus.' },
  'threshold-not-plain': { en: 'Threshold {threshold} has a sub-level mark, but thresholds are plain levels: write {suggestion}.', fr: 'Le seuil {threshold} porte une marque de sous-niveau, mais un seuil est un niveau simple : écrivez {suggestion}.' },
  'threshold-below-recommended': { en: 'Threshold {threshold} is below the {recommended} recommended for "{profession}".', fr: 'Le seuil {threshold} est inférieur au seuil {recommended} recommandé pour « {profession} ».' },
  'threshold-defaulted': { en: 'No threshold is written: the {recommended} recommended for "{profession}" applies.', fr: 'Aucun seuil n’est écrit : le seuil {recommended} recommandé pour « {profession} » s’applique.' },
  'outcome-unknown': { en: 'Candidate "{id}" has neither a threshold nor a known profession, so no outcome can be computed: add a threshold or a profession of the grid.', fr: 'Le candidat « {id} » n’a ni seuil ni profession connue : aucun résultat ne peut être calculé. Ajoutez un seuil ou une profession de la grille.' },
  'outcome-unknown.no-threshold': { en: 'Candidate "{id}" has no threshold and its profession "{profession}" has no valid recommended threshold, so no outcome can be computed: write a threshold.', fr: 'Le candidat « {id} » n’a pas de seuil et sa profession « {profession} » n’a pas de seuil recommandé valide : aucun résultat ne peut être calculé. Écrivez un seuil.' },
  // professions
  'unknown-profession.suggest': { en: '"{profession}" is not a profession of the CLOE grid nor of this file: did you mean {suggestions}?', fr: '« {profession} » n’est une profession ni de la grille CLOE ni de ce fichier : vouliez-vous dire {suggestions} ?' },
  'unknown-profession': { en: '"{profession}" is not a profession of the CLOE grid nor of this file: use a grid name or declare it under "professions".', fr: '« {profession} » n’est une profession ni de la grille CLOE ni de ce fichier : utilisez un nom de la grille ou déclarez-la sous « professions ».' },
  'profession-conflict': { en: 'Local profession "{name}" redefines the grid profession "{grid}" with threshold {threshold} instead of {recommended}.', fr: 'La profession locale « {name} » redéfinit la profession « {grid} » de la grille avec le seuil {threshold} au lieu de {recommended}.' },
  'profession-conflict.alias': { en: 'Local profession "{name}" (alias "{alias}") redefines the grid profession "{grid}" with threshold {threshold} instead of {recommended}.', fr: 'La profession locale « {name} » (alias « {alias} ») redéfinit la profession « {grid} » de la grille avec le seuil {threshold} au lieu de {recommended}.' },
  // ids
  'duplicate-id.candidate': { en: 'Candidate id "{id}" is already used in this file (line {line}): candidate ids must be unique across cohorts.', fr: 'L’identifiant de candidat « {id} » est déjà utilisé dans ce fichier (ligne {line}) : il doit être unique, toutes cohortes confondues.' },
  'duplicate-id.cohort': { en: 'Cohort id "{id}" is already used in this file (line {line}): cohort ids must be unique.', fr: 'L’identifiant de cohorte « {id} » est déjà utilisé dans ce fichier (ligne {line}) : il doit être unique.' },
  'duplicate-id.first': { en: 'First use of "{id}".', fr: 'Première utilisation de « {id} ».' },
  // language, date, result
  'invalid-language.suggest': { en: '"{value}" is not a CLOE language code: did you mean "{suggestion}"?', fr: '« {value} » n’est pas un code de langue CLOE : vouliez-vous dire « {suggestion} » ?' },
  'invalid-language': { en: '"{value}" is not a CLOE language code: use en, de, es, it, pt or fr.', fr: '« {value} » n’est pas un code de langue CLOE : utilisez en, de, es, it, pt ou fr.' },
  'invalid-date.suggest': { en: 'Session "{value}" is not an ISO date (YYYY-MM-DD): did you mean {suggestion}?', fr: 'La session « {value} » n’est pas une date ISO (AAAA-MM-JJ) : vouliez-vous dire {suggestion} ?' },
  'invalid-date': { en: 'Session "{value}" is not a valid ISO date: write it as YYYY-MM-DD, e.g. 2026-03-15.', fr: 'La session « {value} » n’est pas une date ISO valide : écrivez-la AAAA-MM-JJ, par exemple 2026-03-15.' },
  'overall-out-of-range': { en: 'Overall level {overall} is outside the range of written {written} and oral {oral}: it should lie between {low} and {high}.', fr: 'Le niveau global {overall} est hors de l’intervalle de l’écrit {written} et de l’oral {oral} : il devrait être entre {low} et {high}.' },
  'overall-out-of-range.equal': { en: 'Overall level {overall} differs from written {written} and oral {oral}, which agree: it should be {low}.', fr: 'Le niveau global {overall} diffère de l’écrit {written} et de l’oral {oral}, qui concordent : il devrait être {low}.' },
  'empty-cohort': { en: 'Cohort "{id}" has no candidates: add some under "candidates" or remove the cohort.', fr: 'La cohorte « {id} » n’a aucun candidat : ajoutez-en sous « candidates » ou supprimez la cohorte.' },
  // suppression comments
  'unused-suppression': { en: 'This comment disables "{rule}" but no {rule} finding is there to suppress: remove it.', fr: 'Ce commentaire désactive « {rule} » mais aucun problème {rule} n’est là : retirez-le.' },
  'unused-suppression.unknown': { en: '"{rule}" is not a rule id, so this comment suppresses nothing: use an id such as threshold-below-recommended.', fr: '« {rule} » n’est pas un identifiant de règle : ce commentaire ne supprime rien. Utilisez un identifiant comme threshold-below-recommended.' },
  'fix.disable-line': { en: 'Disable {rule} for this line', fr: 'Désactiver {rule} pour cette ligne' },
  'fix.disable-file': { en: 'Disable {rule} for this file', fr: 'Désactiver {rule} pour ce fichier' },
  'fix.remove-suppression': { en: 'Remove the unused suppression', fr: 'Retirer la suppression inutile' },
  // configuration
  'invalid-config.unknown-rule': { en: '"{rule}" is not a rule id: did you mean "{suggestion}"?', fr: '« {rule} » n’est pas un identifiant de règle : vouliez-vous dire « {suggestion} » ?' },
  'invalid-config.unknown-rule-plain': { en: '"{rule}" is not a rule id: see docs/rules/README.md for the list.', fr: '« {rule} » n’est pas un identifiant de règle : voir docs/rules/README.md pour la liste.' },
  'invalid-config.severity': { en: 'Severity "{value}" of "{rule}" is not one of off, hint, information, warning, error.', fr: 'La sévérité « {value} » de « {rule} » n’est pas l’une de off, hint, information, warning, error.' },
  'invalid-config.missing-grid': { en: 'Grid file "{path}" cannot be read ({reason}): its professions are not loaded. Fix the path, relative to this configuration file.', fr: 'Le fichier de grille « {path} » est illisible ({reason}) : ses professions ne sont pas chargées. Corrigez le chemin, relatif à ce fichier de configuration.' },
  'invalid-config.not-grid-name': { en: '"{path}" is not a grid file: its name ends neither in .cloe.yaml nor in .cloe.yml, and no "files" pattern of this configuration matches it. It is not read: list only grid files under "grid".', fr: '« {path} » n’est pas un fichier de grille : son nom ne se termine ni par .cloe.yaml ni par .cloe.yml, et aucun motif « files » de cette configuration ne le désigne. Il n’est pas lu : ne listez que des fichiers de grille sous « grid ».' },
  'invalid-config.not-grid-content': { en: '"{path}" is not a grid file: it does not hold a YAML mapping of keys (cloe, professions…). Its professions are not loaded: list only grid files under "grid".', fr: '« {path} » n’est pas un fichier de grille : il ne contient pas de bloc de clés YAML (cloe, professions…). Ses professions ne sont pas chargées : ne listez que des fichiers de grille sous « grid ».' },
  'invalid-config.outside-repository': { en: 'Grid file "{path}" lies outside the repository ({root}): CI and the other copies of the repository may not have it. Keep the grid files a configuration loads inside the repository.', fr: 'Le fichier de grille « {path} » est hors du dépôt ({root}) : l’intégration continue et les autres copies du dépôt ne l’ont peut-être pas. Gardez dans le dépôt les fichiers de grille qu’une configuration charge.' },
  'invalid-config.outside-untrusted': { en: 'Grid file "{path}" lies outside the repository ({root}) and this workspace is not trusted: it is not read, so its professions are not loaded. Trust the workspace, or move the grid file inside the repository.', fr: 'Le fichier de grille « {path} » est hors du dépôt ({root}) et cet espace de travail n’est pas approuvé : il n’est pas lu, donc ses professions ne sont pas chargées. Approuvez l’espace de travail, ou placez le fichier de grille dans le dépôt.' },
  'invalid-config.grid-errors': { en: 'Grid file "{path}" has {count} error(s): its professions are loaded as far as they parse. Run "cloe-grid check {path}".', fr: 'Le fichier de grille « {path} » a {count} erreur(s) : ses professions sont chargées dans la mesure du possible. Lancez « cloe-grid check {path} ».' },
  'invalid-config.unknown-key': { en: 'Unknown key "{key}" in a configuration: the keys are rules, grid and files.', fr: 'Clé inconnue « {key} » dans une configuration : les clés sont rules, grid et files.' },
  'invalid-config.type': { en: '"{key}" must be {expected}.', fr: '« {key} » doit être {expected}.' },
  'invalid-config.yaml': { en: 'The configuration is not valid YAML: {detail}', fr: 'La configuration n’est pas du YAML valide : {detail}' },
  'config.expected.rules': { en: 'a mapping of rule ids to severities', fr: 'un bloc associant des identifiants de règle à des sévérités' },
  'config.expected.list': { en: 'a list of texts', fr: 'une liste de textes' },
  // fixes
  'fix.replace': { en: 'Replace with "{text}"', fr: 'Remplacer par « {text} »' },
  'fix.add-version': { en: 'Add "cloe: 1" at the top of the file', fr: 'Ajouter « cloe: 1 » en tête du fichier' },
  'fix.raise-threshold': { en: 'Raise the threshold to {level}', fr: 'Relever le seuil à {level}' },
  'fix.write-threshold': { en: 'Write the threshold {level} explicitly', fr: 'Écrire explicitement le seuil {level}' },
  // object kinds and value types, used inside other messages
  'object.root': { en: 'the file', fr: 'le fichier' },
  'object.profession': { en: 'a local profession', fr: 'une profession locale' },
  'object.cohort': { en: 'a cohort', fr: 'une cohorte' },
  'object.candidate': { en: 'a candidate', fr: 'un candidat' },
  'object.result': { en: 'a result', fr: 'un résultat' },
  'kind.root': { en: 'file', fr: 'fichier' },
  'kind.profession': { en: 'local profession', fr: 'profession locale' },
  'kind.cohort': { en: 'cohort', fr: 'cohorte' },
  'kind.candidate': { en: 'candidate', fr: 'candidat' },
  'kind.result': { en: 'result', fr: 'résultat' },
  'type.string': { en: 'a text', fr: 'un texte' },
  'type.number': { en: 'a number', fr: 'un nombre' },
  'type.boolean': { en: 'true or false', fr: 'true ou false' },
  'type.null': { en: 'an empty value', fr: 'une valeur vide' },
  'type.map': { en: 'a mapping', fr: 'un bloc de clés' },
  'type.seq': { en: 'a list', fr: 'une liste' },
  'type.other': { en: 'a value of another kind', fr: 'une valeur d’un autre genre' },
  'expected.version': { en: 'the number 1', fr: 'le nombre 1' },
  'expected.string': { en: 'a text', fr: 'un texte' },
  'expected.level': { en: 'a CEFR level such as B2', fr: 'un niveau CECRL comme B2' },
  'expected.language': { en: 'a language code (en, de, es, it, pt, fr)', fr: 'un code de langue (en, de, es, it, pt, fr)' },
  'expected.date': { en: 'a date (YYYY-MM-DD)', fr: 'une date (AAAA-MM-JJ)' },
  'expected.result': { en: 'a level (B1+) or a mapping of written, oral and overall', fr: 'un niveau (B1+) ou un bloc written, oral, overall' },
  'expected.string-list': { en: 'a list of texts', fr: 'une liste de textes' },
  'expected.profession-list': { en: 'a list of professions', fr: 'une liste de professions' },
  'expected.cohort-list': { en: 'a list of cohorts', fr: 'une liste de cohortes' },
  'expected.candidate-list': { en: 'a list of candidates', fr: 'une liste de candidats' },
  // outcome reasoning
  'step.threshold-explicit': { en: 'threshold {threshold} (written)', fr: 'seuil {threshold} (écrit)' },
  'step.threshold-recommended': { en: 'threshold {threshold} (none written: recommended for "{profession}")', fr: 'seuil {threshold} (aucun écrit : recommandé pour « {profession} »)' },
  'step.threshold-invalid': { en: 'threshold "{threshold}" is not a level', fr: 'le seuil « {threshold} » n’est pas un niveau' },
  'step.threshold-none': { en: 'no threshold and no known profession', fr: 'ni seuil ni profession connue' },
  'step.result-overall': { en: 'overall {result}', fr: 'niveau global {result}' },
  'step.result-derived': { en: 'overall {result} (lower of written {written} and oral {oral})', fr: 'niveau global {result} (le plus bas de l’écrit {written} et de l’oral {oral})' },
  'step.result-oral-missing': { en: 'written {level}, oral not yet reported', fr: 'écrit {level}, oral pas encore connu' },
  'step.result-written-missing': { en: 'oral {level}, written not yet reported', fr: 'oral {level}, écrit pas encore connu' },
  'step.result-invalid': { en: 'the result is not a level → outcome unknown', fr: 'le résultat n’est pas un niveau → résultat inconnu' },
  'step.pending': { en: 'no result yet → pending', fr: 'pas encore de résultat → en attente' },
  'step.c2': { en: '{result} is C2 → Certificat CLOE automatically, whatever the threshold', fr: '{result} est un C2 → Certificat CLOE automatiquement, quel que soit le seuil' },
  'step.below-target': { en: '{result} is below A2, the lowest level the certificate targets → Attestation de niveau {result}', fr: '{result} est inférieur à A2, le plus bas niveau visé par le certificat → Attestation de niveau {result}' },
  'step.unknown': { en: 'no threshold to compare with → outcome unknown', fr: 'aucun seuil de comparaison → résultat inconnu' },
  'step.reached': { en: '{result} ≥ threshold {threshold} → Certificat CLOE', fr: '{result} ≥ seuil {threshold} → Certificat CLOE' },
  'step.not-reached': { en: '{result} < threshold {threshold} → Attestation de niveau {result}', fr: '{result} < seuil {threshold} → Attestation de niveau {result}' },
  // outcomes
  'outcome.certificate': { en: 'Certificat CLOE', fr: 'Certificat CLOE' },
  'outcome.attestation': { en: 'Attestation {level}', fr: 'Attestation {level}' },
  'outcome.pending': { en: 'pending', fr: 'en attente' },
  'outcome.unknown': { en: 'unknown', fr: 'inconnu' },
  // the editor's limit on diagnostics per file
  'diagnostics.omitted': {
    en: '{count} more findings are not shown here: at most {max} per file, the most severe first (setting cloe.maxDiagnostics, 0 for all). `cloe-grid check` lists them all.',
    fr: '{count} autres constats ne sont pas affichés ici : au plus {max} par fichier, les plus graves d’abord (réglage cloe.maxDiagnostics, 0 pour tous). `cloe-grid check` les liste tous.',
  },
  // lists
  'list.or': { en: '{a} or {b}', fr: '{a} ou {b}' },
} satisfies Record<string, Entry>;

export type MessageId = keyof typeof CATALOGUE;

export const MESSAGE_IDS = Object.keys(CATALOGUE) as MessageId[];

export function messageTemplate(id: MessageId, locale: Locale): string {
  return CATALOGUE[id][locale];
}

export function msg(id: MessageId, args: Record<string, MessageArg> = {}): MessageRef {
  // Findings outlive edits: their texts must not be views into the document (ownString).
  for (const k in args) {
    const v = args[k];
    if (typeof v === 'string') args[k] = ownString(v);
    else if (typeof v === 'object' && 'quoted' in v) args[k] = { quoted: v.quoted.map(ownString) };
  }
  return { id, args };
}

/** Renders a message in a locale; a missing value shows as its {name}, so a gap is visible. */
export function render(ref: MessageRef, locale: Locale): string {
  const template = CATALOGUE[ref.id][locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = ref.args[name];
    if (v === undefined) return whole;
    if (typeof v !== 'object') return String(v);
    if ('quoted' in v) return quotedList(v.quoted, locale);
    if ('id' in v) return render(v, locale);
    return v[locale];
  });
}

/** "A", "A or B", "A, B or C" with each item quoted. */
export function quotedList(items: readonly string[], locale: Locale): string {
  const q = (s: string) => (locale === 'fr' ? `« ${s} »` : `"${s}"`);
  const quoted = items.map(q);
  if (quoted.length <= 1) return quoted.join('');
  const last = quoted.pop()!;
  return render(msg('list.or', { a: quoted.join(', '), b: last }), locale);
}

/** Picks the locale from an environment-style value such as LANG=fr_FR.UTF-8. */
export function localeFrom(value: string | undefined): Locale {
  return value && /^fr\b|^fr[_-]/i.test(value) ? 'fr' : 'en';
}
