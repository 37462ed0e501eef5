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
  'yaml-syntax': { en: 'YAML syntax error: {detail}', fr: 'Erreur de syntaxe YAML : {detail}' },
  'yaml-syntax.duplicate-key': { en: 'The key "{key}" appears twice in the same mapping: keep only one.', fr: 'La clé « {key} » apparaît deux fois dans le même bloc : n’en gardez qu’une.' },
  'yaml-syntax.sequence-column': { en: 'This list item does not start at the same column as the items before it: align its "-" with theirs.', fr: 'Cet élément de liste ne commence pas à la même colonne que les précédents : alignez son « - » sur les leurs.' },
  'yaml-syntax.unclosed-map': { en: 'A mapping written on one line ({ … }) is not closed: end it with "}" on the same line.', fr: 'Un bloc écrit sur une ligne ({ … }) n’est pas fermé : terminez-le par « } » sur la même ligne.' },
  'yaml-syntax.unclosed-seq': { en: 'A list written on one line ([ … ]) is not closed: end it with "]" on the same line.', fr: 'Une liste écrite sur une ligne ([ … ]) n’est pas fermée : terminez-la par « ] » sur la même ligne.' },
  'yaml-syntax.key-without-value': { en: 'This line is not "key: value": a key takes ":" then a space before its value.', fr: 'Cette ligne n’est pas de la forme « clé: valeur » : une clé prend « : » puis une espace avant sa valeur.' },
  'yaml-syntax.indentation': { en: 'This line is not indented like the other keys of its block: align it with them (YAML reads the blocks from the indentation).', fr: 'Cette ligne n’est pas en retrait comme les autres clés de son bloc : alignez-la sur elles (YAML lit les blocs d’après le retrait).' },
  'yaml-syntax.tab': { en: 'Tabs cannot indent YAML: indent with spaces.', fr: 'Une tabulation ne peut pas servir de retrait en YAML : utilisez des espaces.' },
  'yaml-syntax.multiple-documents': { en: 'This "---" starts a second YAML document, which is not checked: a grid file holds one document. Remove the line, or split the file in two.', fr: 'Ce « --- » ouvre un second document YAML, qui n’est pas vérifié : un fichier de grille n’en contient qu’un. Supprimez la ligne ou scindez le fichier en deux.' },
  'yaml-syntax.conflict-marker': { en: 'Git conflict marker "{marker}": the file is in the middle of a merge. Keep the right lines between the markers, then delete every marker line.', fr: 'Marqueur de conflit Git « {marker} » : le fichier est en cours de fusion. Conservez les bonnes lignes entre les marqueurs, puis supprimez chaque ligne de marqueur.' },
  'yaml-syntax.control-char': { en: 'The control character {code} cannot appear in a YAML file: delete it (it often comes from a copy-paste or a binary export).', fr: 'Le caractère de contrôle {code} n’a pas sa place dans un fichier YAML : supprimez-le (il provient souvent d’un copier-coller ou d’un export binaire).' },
  'yaml-syntax.not-utf8': { en: 'Unreadable character (U+FFFD): the file is probably not saved as UTF-8 (e.g. Latin-1 or Windows-1252 from a spreadsheet). Save it as UTF-8, then check the accented letters here.', fr: 'Caractère illisible (U+FFFD) : le fichier n’est sans doute pas enregistré en UTF-8 (par exemple en Latin-1 ou en Windows-1252 depuis un tableur). Enregistrez-le en UTF-8, puis vérifiez les lettres accentuées à cet endroit.' },
  'yaml-syntax.not-utf8.many': { en: 'Unreadable character (U+FFFD), the first of {count} in this file: the file is probably not saved as UTF-8 (e.g. Latin-1 or Windows-1252 from a spreadsheet). Save it as UTF-8, then check the accented letters at each of these places.', fr: 'Caractère illisible (U+FFFD), le premier des {count} de ce fichier : le fichier n’est sans doute pas enregistré en UTF-8 (par exemple en Latin-1 ou Windows-1252 depuis un tableur). Enregistrez-le en UTF-8, puis vérifiez les lettres accentuées à chacun de ces endroits.' },
  'yaml-syntax.not-text': { en: 'This file is not UTF-8 text: it holds {count} NUL characters (U+0000), the first here. It was probably saved as UTF-16 or UTF-32 without a byte order mark ("Unicode" in some Windows tools). Save it as UTF-8 (or UTF-16 with a byte order mark): nothing in it is checked until then.', fr: 'Ce fichier n’est pas du texte UTF-8 : il contient {count} caractères NUL (U+0000), le premier ici. Il a sans doute été enregistré en UTF-16 ou UTF-32 sans marque d’ordre des octets (« Unicode » dans certains outils Windows). Enregistrez-le en UTF-8 (ou en UTF-16 avec marque d’ordre des octets) : rien n’y est vérifié d’ici là.' },
  'yaml-syntax.unknown-anchor': { en: 'The alias "*{name}" refers to no anchor "&{name}" written before it: add the anchor, or fix the name.', fr: 'L’alias « *{name} » ne renvoie à aucune ancre « &{name} » définie avant lui : ajoutez l’ancre ou corrigez le nom.' },
  'yaml-syntax.merge': { en: 'A merge key "<<" must be followed by a mapping, an alias of one, or a list of them.', fr: 'Une clé de fusion « << » doit être suivie d’un bloc de clés, d’un alias d’un tel bloc ou d’une liste de ceux-ci.' },
  'yaml-syntax.too-deep': { en: 'Values are nested too deeply here for the YAML parser: it stopped reading. A grid file needs no more than six levels.', fr: 'Les valeurs sont trop profondément imbriquées ici pour l’analyseur YAML, qui a cessé sa lecture. Un fichier de grille n’a pas besoin de plus de six niveaux.' },
  // validation-limit
  'validation-limit.size': { en: 'This file is too large to check ({size} MB): the checker reads files of up to {maxSize} MB and {maxLines} lines, so nothing in it is checked. Split it into smaller grid files, for instance one per cohort.', fr: 'Ce fichier est trop volumineux pour être vérifié ({size} Mo) : le vérificateur lit des fichiers d’au plus {maxSize} Mo et {maxLines} lignes ; rien n’y est donc vérifié. Scindez-le en fichiers de grille plus petits, par exemple un par cohorte.' },
  'validation-limit.aliases': { en: 'This alias expands to more than {max} values (an "alias bomb"?): the expansion stops here, so what lies beyond is not checked. Write the values out, or nest fewer aliases.', fr: 'Cet alias se développe en plus de {max} valeurs (une « bombe d’alias » ?) : le développement s’arrête ici, et la suite n’est pas vérifiée. Écrivez les valeurs en toutes lettres ou imbriquez moins d’alias.' },
  // internal-error
  'internal-error': { en: 'The checker failed on this file ({detail}): nothing in it is checked. This is a bug: please report it with the file.', fr: 'Le vérificateur a échoué sur ce fichier ({detail}) : rien n’y est vérifié. C’est un bogue : merci de le signaler en joignant le fichier.' },
  'internal-error.rule': { en: 'The rule {rule} failed on this file ({detail}): its findings are missing, the other rules ran. This is a bug: please report it with the file.', fr: 'La règle {rule} a échoué sur ce fichier ({detail}) : ses constats manquent, les autres règles ont été appliquées. C’est un bogue : merci de le signaler en joignant le fichier.' },
  // unsupported-version
  'unsupported-version.missing': { en: 'The file does not declare its format version: add "cloe: 1" at the top.', fr: 'Le fichier ne déclare pas sa version de format : ajoutez « cloe: 1 » en tête.' },
  'unsupported-version.value': { en: 'Format version "{version}" is not supported: this tool reads version 1 ("cloe: 1").', fr: 'La version de format « {version} » n’est pas prise en charge : cet outil lit la version 1 (« cloe: 1 »).' },
  'unsupported-version.quoted': { en: 'The format version must be the number 1, not the text "1": remove the quotes.', fr: 'La version du format doit être le nombre 1, et non le texte « 1 » : retirez les guillemets.' },
  // unknown-key
  'unknown-key.suggest': { en: 'Unknown key "{key}" in {object}: did you mean "{suggestion}"?', fr: 'Clé inconnue « {key} » dans {object} : vouliez-vous dire « {suggestion} » ?' },
  'unknown-key': { en: 'Unknown key "{key}" in {object}: the keys allowed here are {allowed}.', fr: 'Clé inconnue « {key} » dans {object} : les clés admises ici sont {allowed}.' },
  // invalid-type
  'invalid-type': { en: 'The value of "{key}" must be {expected}, not {actual}: write {expected} after "{key}:".', fr: 'La valeur de « {key} » doit être {expected}, et non {actual} : écrivez {expected} après « {key}: ».' },
  'invalid-type.root': { en: 'A grid file must be a mapping of keys (cloe, language, professions, cohorts), not {actual}.', fr: 'Un fichier de grille doit être un bloc de clés (cloe, language, professions, cohorts), et non {actual}.' },
  'invalid-type.item': { en: 'Each item of "{key}" must be a mapping describing {object}, not {actual}: write its keys after the "- ".', fr: 'Chaque élément de « {key} » doit être un bloc décrivant {object}, et non {actual} : écrivez ses clés après le « - ».' },
  // missing-field
  'missing-field': { en: 'This {object} has no "{key}", which is required: add it. {doc}', fr: 'Il manque « {key} », obligatoire, dans ce bloc ({object}) : ajoutez-le. {doc}' },
  'missing-field.empty': { en: 'The required field "{key}" is empty: give it a value. {doc}', fr: 'Le champ obligatoire « {key} » est vide : renseignez-le. {doc}' },
  // invalid-level
  'invalid-level.suggest': { en: '"{value}" is not a CEFR level: did you mean {suggestion}?', fr: '« {value} » n’est pas un niveau du CECRL : vouliez-vous dire {suggestion} ?' },
  'invalid-level': { en: '"{value}" is not a CEFR level: use A1, A2, B1, B2, C1 or C2, optionally followed by - or +.', fr: '« {value} » n’est pas un niveau du CECRL : utilisez A1, A2, B1, B2, C1 ou C2, suivi si besoin de - ou de +.' },
  // thresholds
  'threshold-below-target': { en: 'Threshold {threshold} is below A2, the lowest target of the CLOE certificate, so it decides no outcome: use A2 or higher.', fr: 'Le niveau seuil {threshold} est inférieur à A2, le plus bas niveau visé par le certificat CLOE : aucune décision n’est possible. Indiquez A2 ou plus.' },
  'threshold-not-plain': { en: 'Threshold {threshold} has a sub-level mark, but a threshold is a plain level, so it decides no outcome: write {suggestion}.', fr: 'Le niveau seuil {threshold} comporte un + ou un -, or un niveau seuil s’indique sans : aucune décision n’est possible. Indiquez {suggestion}.' },
  'threshold-below-recommended': { en: 'Threshold {threshold} is below the {recommended} recommended for "{profession}".', fr: 'Le niveau seuil {threshold} est inférieur au seuil {recommended} recommandé pour « {profession} ».' },
  'threshold-defaulted': { en: 'No threshold is set for this candidate: the {recommended} recommended for "{profession}" applies.', fr: 'Aucun seuil n’est indiqué pour ce candidat : le niveau seuil {recommended} recommandé pour « {profession} » s’applique.' },
  'outcome-unknown': { en: 'Candidate "{id}" has neither a threshold nor a profession, so no outcome can be decided: add a threshold or a profession of the grid.', fr: 'Le candidat « {id} » n’a ni seuil ni profession : aucune décision n’est possible. Indiquez un seuil ou une profession de la grille.' },
  'outcome-unknown.no-threshold': { en: 'Candidate "{id}" has no threshold and its profession "{profession}" has no valid recommended threshold, so no outcome can be decided: set a threshold.', fr: 'Le candidat « {id} » n’a pas de seuil, et sa profession « {profession} » n’a pas de seuil recommandé valide : aucune décision n’est possible. Indiquez un seuil.' },
  // professions
  'unknown-profession.suggest': { en: '"{profession}" is not a profession of the CLOE grid nor of this file: did you mean {suggestions}?', fr: '« {profession} » n’est une profession ni de la grille CLOE ni de ce fichier : vouliez-vous dire {suggestions} ?' },
  'unknown-profession': { en: '"{profession}" is not a profession of the CLOE grid nor of this file: use a grid name or declare it under "professions".', fr: '« {profession} » n’est une profession ni de la grille CLOE ni de ce fichier : utilisez un nom de la grille ou déclarez-la sous « professions ».' },
  'unknown-profession.suggest.no-outcome': { en: '"{profession}" is not a profession of the CLOE grid nor of this file, and no threshold is set, so no outcome can be decided: did you mean {suggestions}?', fr: '« {profession} » n’est une profession ni de la grille CLOE ni de ce fichier, et aucun seuil n’est indiqué : aucune décision n’est possible. Vouliez-vous dire {suggestions} ?' },
  'unknown-profession.no-outcome': { en: '"{profession}" is not a profession of the CLOE grid nor of this file, and no threshold is set, so no outcome can be decided: use a grid name, declare it under "professions", or set a threshold.', fr: '« {profession} » n’est une profession ni de la grille CLOE ni de ce fichier, et aucun seuil n’est indiqué : aucune décision n’est possible. Utilisez un nom de la grille, déclarez-la sous « professions » ou indiquez un seuil.' },
  'profession-conflict': { en: 'Local profession "{name}" redefines the grid profession "{grid}" with threshold {threshold} instead of {recommended}.', fr: 'La profession locale « {name} » redéfinit la profession « {grid} » de la grille avec le niveau seuil {threshold} au lieu de {recommended}.' },
  'profession-conflict.alias': { en: 'Local profession "{name}" (alias "{alias}") redefines the grid profession "{grid}" with threshold {threshold} instead of {recommended}.', fr: 'La profession locale « {name} » (alias « {alias} ») redéfinit la profession « {grid} » de la grille avec le niveau seuil {threshold} au lieu de {recommended}.' },
  // ids
  'duplicate-id.candidate': { en: 'Candidate id "{id}" is already used in this file (line {line}): candidate ids must be unique across cohorts.', fr: 'L’identifiant de candidat « {id} » est déjà utilisé dans ce fichier (ligne {line}) : il doit être unique, toutes cohortes confondues.' },
  'duplicate-id.cohort': { en: 'Cohort id "{id}" is already used in this file (line {line}): cohort ids must be unique.', fr: 'L’identifiant de cohorte « {id} » est déjà utilisé dans ce fichier (ligne {line}) : il doit être unique.' },
  'duplicate-id.first': { en: 'First use of "{id}".', fr: 'Première utilisation de « {id} ».' },
  // language, date, result
  'invalid-language.suggest': { en: '"{value}" is not a CLOE language code: did you mean "{suggestion}"?', fr: '« {value} » n’est pas un code de langue CLOE : vouliez-vous dire « {suggestion} » ?' },
  'invalid-language': { en: '"{value}" is not a CLOE language code: use en, de, es, it, pt or fr.', fr: '« {value} » n’est pas un code de langue CLOE : utilisez en, de, es, it, pt ou fr.' },
  'invalid-date.suggest': { en: 'Session "{value}" is not an ISO date (YYYY-MM-DD): did you mean {suggestion}?', fr: 'La date de session « {value} » n’est pas une date ISO (AAAA-MM-JJ) : vouliez-vous dire {suggestion} ?' },
  'invalid-date': { en: 'Session "{value}" is not a valid ISO date: write it as YYYY-MM-DD, e.g. 2026-03-15.', fr: 'La date de session « {value} » n’est pas une date ISO valide : écrivez-la sous la forme AAAA-MM-JJ, par exemple 2026-03-15.' },
  'overall-out-of-range': { en: 'Overall level {overall} is outside the range of written {written} and oral {oral}: it should lie between {low} and {high}.', fr: 'Le niveau global {overall} sort de l’intervalle entre l’écrit ({written}) et l’oral ({oral}) : il devrait être compris entre {low} et {high}.' },
  'overall-out-of-range.equal': { en: 'Overall level {overall} differs from written {written} and oral {oral}, which agree: it should be {low}.', fr: 'Le niveau global {overall} diffère de l’écrit ({written}) et de l’oral ({oral}), qui concordent : il devrait être {low}.' },
  'empty-cohort': { en: 'Cohort "{id}" has no candidates: add some under "candidates" or remove the cohort.', fr: 'La cohorte « {id} » n’a aucun candidat : ajoutez-en sous « candidates » ou supprimez la cohorte.' },
  // suppression comments
  'unused-suppression': { en: 'This comment disables "{rule}" but no {rule} finding is there to suppress: remove it.', fr: 'Ce commentaire désactive « {rule} », mais aucun constat {rule} n’est là : retirez-le.' },
  'unused-suppression.unknown': { en: '"{rule}" is not a rule id, so this comment suppresses nothing: use an id such as threshold-below-recommended.', fr: '« {rule} » n’est pas un identifiant de règle : ce commentaire ne désactive rien. Utilisez un identifiant comme threshold-below-recommended.' },
  'fix.disable-line': { en: 'Disable {rule} for this line', fr: 'Désactiver {rule} pour cette ligne' },
  'fix.disable-file': { en: 'Disable {rule} for this file', fr: 'Désactiver {rule} pour ce fichier' },
  'fix.remove-suppression': { en: 'Remove the unused suppression', fr: 'Retirer le commentaire de désactivation inutile' },
  // configuration
  'invalid-config.unknown-rule': { en: '"{rule}" is not a rule id: did you mean "{suggestion}"?', fr: '« {rule} » n’est pas un identifiant de règle : vouliez-vous dire « {suggestion} » ?' },
  'invalid-config.unknown-rule-plain': { en: '"{rule}" is not a rule id: see docs/rules/README.md for the list.', fr: '« {rule} » n’est pas un identifiant de règle : la liste figure dans docs/rules/README.md.' },
  'invalid-config.severity': { en: 'Severity "{value}" of "{rule}" is not one of off, hint, information, warning, error.', fr: 'La gravité « {value} » de « {rule} » n’est pas l’une de off, hint, information, warning, error.' },
  'invalid-config.missing-grid': { en: 'Grid file "{path}" cannot be read ({reason}): its professions are not loaded. Fix the path, relative to this configuration file.', fr: 'Le fichier de grille « {path} » est illisible ({reason}) : ses professions ne sont pas chargées. Corrigez le chemin, relatif à ce fichier de configuration.' },
  'invalid-config.not-grid-name': { en: '"{path}" is not a grid file: its name ends neither in .cloe.yaml nor in .cloe.yml, and no "files" pattern of this configuration matches it. It is not read: list only grid files under "grid".', fr: '« {path} » n’est pas un fichier de grille : son nom ne se termine ni par .cloe.yaml ni par .cloe.yml, et aucun motif « files » de cette configuration ne le désigne. Il n’est pas lu : ne listez que des fichiers de grille sous « grid ».' },
  'invalid-config.not-grid-content': { en: '"{path}" is not a grid file: it does not hold a YAML mapping of keys (cloe, professions…). Its professions are not loaded: list only grid files under "grid".', fr: '« {path} » n’est pas un fichier de grille : il ne contient pas de bloc de clés YAML (cloe, professions…). Ses professions ne sont pas chargées : ne listez que des fichiers de grille sous « grid ».' },
  'invalid-config.outside-repository': { en: 'Grid file "{path}" lies outside the repository ({root}): CI and the other copies of the repository may not have it. Keep the grid files a configuration loads inside the repository.', fr: 'Le fichier de grille « {path} » est hors du dépôt ({root}) : l’intégration continue et les autres copies du dépôt ne l’ont peut-être pas. Gardez dans le dépôt les fichiers de grille qu’une configuration charge.' },
  'invalid-config.outside-untrusted': { en: 'Grid file "{path}" lies outside the repository ({root}) and this workspace is not trusted: it is not read, so its professions are not loaded. Trust the workspace, or move the grid file inside the repository.', fr: 'Le fichier de grille « {path} » est hors du dépôt ({root}) et cet espace de travail n’est pas approuvé : il n’est pas lu, donc ses professions ne sont pas chargées. Approuvez l’espace de travail, ou placez le fichier de grille dans le dépôt.' },
  'invalid-config.grid-errors': { en: 'Grid file "{path}" has {count} error(s): its professions are loaded as far as they parse. Run "cloe-grid check {path}".', fr: 'Le fichier de grille « {path} » comporte {count} erreur(s) : ses professions sont chargées dans la mesure du possible. Lancez « cloe-grid check {path} ».' },
  'invalid-config.unknown-key': { en: 'Unknown key "{key}" in a configuration: the keys are rules, grid and files.', fr: 'Clé inconnue « {key} » dans une configuration : les clés sont rules, grid et files.' },
  'invalid-config.type': { en: '"{key}" must be {expected}.', fr: '« {key} » doit être {expected}.' },
  'invalid-config.yaml': { en: 'The configuration is not valid YAML: {detail}', fr: 'La configuration n’est pas du YAML valide : {detail}' },
  'config.expected.rules': { en: 'a mapping of rule ids to severities', fr: 'un bloc associant des identifiants de règle à des gravités' },
  'config.expected.list': { en: 'a list of texts', fr: 'une liste de textes' },
  // fixes
  'fix.replace': { en: 'Replace with "{text}"', fr: 'Remplacer par « {text} »' },
  'fix.add-version': { en: 'Add "cloe: 1" at the top of the file', fr: 'Ajouter « cloe: 1 » en tête du fichier' },
  'fix.raise-threshold': { en: 'Raise the threshold to {level}', fr: 'Relever le niveau seuil à {level}' },
  'fix.write-threshold': { en: 'Write the threshold {level} explicitly', fr: 'Indiquer explicitement le niveau seuil {level}' },
  'fix.all': { en: 'Fix all safe CLOE problems', fr: 'Corriger tous les problèmes CLOE sans risque' },
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
  'type.other': { en: 'a value of another kind', fr: 'une valeur d’un autre type' },
  'expected.version': { en: 'the number 1', fr: 'le nombre 1' },
  'expected.string': { en: 'a text', fr: 'un texte' },
  'expected.level': { en: 'a CEFR level such as B2', fr: 'un niveau du CECRL comme B2' },
  'expected.language': { en: 'a language code (en, de, es, it, pt, fr)', fr: 'un code de langue (en, de, es, it, pt, fr)' },
  'expected.date': { en: 'a date (YYYY-MM-DD)', fr: 'une date (AAAA-MM-JJ)' },
  'expected.result': { en: 'a level (B1+) or a mapping of written, oral and overall', fr: 'un niveau (B1+) ou un bloc written, oral, overall' },
  'expected.string-list': { en: 'a list of texts', fr: 'une liste de textes' },
  'expected.profession-list': { en: 'a list of professions', fr: 'une liste de professions' },
  'expected.cohort-list': { en: 'a list of cohorts', fr: 'une liste de cohortes' },
  'expected.candidate-list': { en: 'a list of candidates', fr: 'une liste de candidats' },
  // outcome reasoning (hovers): one step a line
  'step.threshold-explicit': { en: 'threshold {threshold}, set for this candidate', fr: 'seuil {threshold}, indiqué pour ce candidat' },
  'step.threshold-recommended': { en: 'threshold {threshold}, recommended for "{profession}" (none is set for this candidate)', fr: 'seuil {threshold}, recommandé pour « {profession} » (aucun seuil n’est indiqué pour ce candidat)' },
  'step.threshold-none': { en: 'no threshold set and no known profession', fr: 'ni seuil indiqué ni profession connue' },
  'step.threshold-none-recommended': { en: 'no threshold set, and "{profession}" has no valid recommended threshold', fr: 'aucun niveau seuil indiqué, et « {profession} » n’a pas de seuil recommandé valide' },
  'step.threshold-invalid.below-target': { en: 'threshold {threshold} is below A2, the lowest target of the certificate: it decides nothing', fr: 'le niveau seuil {threshold} est inférieur à A2, le plus bas niveau visé par le certificat : aucune décision n’est possible' },
  'step.threshold-invalid.not-plain': { en: 'threshold {threshold} has a sub-level mark, and a threshold is a plain level: it decides nothing', fr: 'le niveau seuil {threshold} comporte un + ou un -, or un niveau seuil s’indique sans : aucune décision n’est possible' },
  'step.threshold-invalid.padded': { en: 'threshold "{threshold}" has spaces around its level: it decides nothing', fr: 'le niveau seuil « {threshold} » est entouré d’espaces : aucune décision n’est possible' },
  'step.threshold-invalid.not-a-level': { en: 'threshold "{threshold}" is not a level: it decides nothing', fr: 'le niveau seuil « {threshold} » n’est pas un niveau : aucune décision n’est possible' },
  'step.recommended-invalid.below-target': { en: 'no threshold set; the {threshold} that this file recommends for "{profession}" is below A2: it decides nothing', fr: 'aucun niveau seuil indiqué ; le niveau seuil {threshold} que ce fichier recommande pour « {profession} » est inférieur à A2 : aucune décision n’est possible' },
  'step.recommended-invalid.not-plain': { en: 'no threshold set; the {threshold} that this file recommends for "{profession}" has a sub-level mark: it decides nothing', fr: 'aucun niveau seuil indiqué ; le niveau seuil {threshold} que ce fichier recommande pour « {profession} » comporte un + ou un - : aucune décision n’est possible' },
  'step.recommended-invalid.padded': { en: 'no threshold set; the threshold "{threshold}" that this file recommends for "{profession}" has spaces around its level: it decides nothing', fr: 'aucun niveau seuil indiqué ; le niveau seuil « {threshold} » que ce fichier recommande pour « {profession} » est entouré d’espaces : aucune décision n’est possible' },
  'step.recommended-invalid.not-a-level': { en: 'no threshold set; the threshold "{threshold}" that this file recommends for "{profession}" is not a level: it decides nothing', fr: 'aucun niveau seuil indiqué ; le niveau seuil « {threshold} » que ce fichier recommande pour « {profession} » n’est pas un niveau : aucune décision n’est possible' },
  'step.result-overall': { en: 'overall level {result}', fr: 'niveau global {result}' },
  'step.result-derived': { en: 'overall level {result} (the lower of written {written} and oral {oral})', fr: 'niveau global {result} (le plus bas de l’écrit, {written}, et de l’oral, {oral})' },
  'step.result-oral-missing': { en: 'written {level}, oral not reported yet', fr: 'écrit {level}, oral pas encore communiqué' },
  'step.result-written-missing': { en: 'oral {level}, written not reported yet', fr: 'oral {level}, écrit pas encore communiqué' },
  'step.result-invalid': { en: 'the result is not a level → outcome unknown', fr: 'le résultat n’est pas un niveau → décision indéterminée' },
  'step.pending': { en: 'no result yet → pending', fr: 'pas encore de résultat → en attente' },
  'step.c2': { en: '{result} is a C2 → Certificat CLOE, whatever the threshold', fr: '{result} est un C2 → Certificat CLOE, quel que soit le niveau seuil' },
  'step.below-target': { en: '{result} is below A2, the target level of the CLOE certificate → Attestation de niveau {result}, whatever the threshold', fr: '{result} est « en-dessous du niveau cible du certificat CLOE » → Attestation de niveau {result}, quel que soit le niveau seuil' },
  'step.unknown': { en: 'no threshold to compare with → outcome unknown', fr: 'aucun seuil de comparaison → décision indéterminée' },
  'step.unknown.invalid-threshold': { en: 'no valid threshold to compare with → outcome unknown', fr: 'aucun seuil valide de comparaison → décision indéterminée' },
  'step.reached': { en: '{result} ≥ threshold {threshold} → Certificat CLOE', fr: '{result} ≥ seuil {threshold} → Certificat CLOE' },
  'step.not-reached': { en: '{result} < threshold {threshold} → Attestation de niveau {result}', fr: '{result} < seuil {threshold} → Attestation de niveau {result}' },
  'step.derived-note': { en: 'No overall level is given: the lower of written and oral is taken (the cautious reading).', fr: 'Aucun niveau global n’est indiqué : le plus bas de l’écrit et de l’oral est retenu, par prudence.' },
  // outcomes: the document delivered (or why none is yet)
  'outcome.certificate': { en: 'Certificat CLOE', fr: 'Certificat CLOE' },
  'outcome.attestation': { en: 'Attestation de niveau {level}', fr: 'Attestation de niveau {level}' },
  'outcome.pending': { en: 'pending', fr: 'en attente' },
  'outcome.unknown': { en: 'unknown', fr: 'décision indéterminée' },
  // summaries of a cohort or a report (code lens, outline, hover, report footer)
  'summary.candidates': { en: '{count} candidates', fr: '{count} candidats' },
  'summary.candidates.one': { en: '{count} candidate', fr: '{count} candidat' },
  'summary.certificates': { en: '{count} certificates', fr: '{count} certificats' },
  'summary.certificates.one': { en: '{count} certificate', fr: '{count} certificat' },
  'summary.attestations': { en: '{count} attestations', fr: '{count} attestations' },
  'summary.attestations.one': { en: '{count} attestation', fr: '{count} attestation' },
  'summary.pending': { en: '{count} pending', fr: '{count} en attente' },
  'summary.pending.one': { en: '{count} pending', fr: '{count} en attente' },
  'summary.unknown': { en: '{count} unknown', fr: '{count} décisions indéterminées' },
  'summary.unknown.one': { en: '{count} unknown', fr: '{count} décision indéterminée' },
  'summary.errors': { en: '{count} errors', fr: '{count} erreurs' },
  'summary.errors.one': { en: '{count} error', fr: '{count} erreur' },
  'summary.warnings': { en: '{count} warnings', fr: '{count} avertissements' },
  'summary.warnings.one': { en: '{count} warning', fr: '{count} avertissement' },
  'summary.information': { en: '{count} information', fr: '{count} informations' },
  'summary.information.one': { en: '{count} information', fr: '{count} information' },
  'summary.hints': { en: '{count} hints', fr: '{count} indices' },
  'summary.hints.one': { en: '{count} hint', fr: '{count} indice' },
  'summary.files': { en: '{count} files', fr: '{count} fichiers' },
  'summary.files.one': { en: '{count} file', fr: '{count} fichier' },
  'summary.in-files': { en: '{findings} in {files}', fr: '{findings} dans {files}' },
  'check.progress': { en: '{done} of {total} files checked', fr: '{done} fichiers vérifiés sur {total}' },
  'summary.too-many-warnings': { en: 'Too many warnings ({count}, maximum allowed {max}).', fr: 'Trop d’avertissements ({count} pour un maximum de {max}).' },
  'severity.error': { en: 'error', fr: 'erreur' },
  'severity.warning': { en: 'warning', fr: 'avertissement' },
  'severity.information': { en: 'info', fr: 'info' },
  'severity.hint': { en: 'hint', fr: 'indice' },
  // hovers
  'hover.candidate': { en: 'Candidate', fr: 'Candidat' },
  'hover.cohort': { en: 'Cohort {title}', fr: 'Cohorte {title}' },
  'hover.partner': { en: 'Partner organisation: {partner}', fr: 'Organisme partenaire : {partner}' },
  'hover.language': { en: 'Language: {language}', fr: 'Langue : {language}' },
  'hover.session': { en: 'Session: {session}', fr: 'Session : {session}' },
  'hover.local-profession': { en: 'local profession declared in this file', fr: 'profession locale déclarée dans ce fichier' },
  'hover.local-alias': { en: '"{alias}" is an alias of this profession.', fr: '« {alias} » est un alias de cette profession.' },
  'hover.grid-tier': { en: 'CLOE grid, tier {levels}', fr: 'grille CLOE, palier {levels}' },
  'hover.grid-alias': { en: '"{alias}" resolves to this grid entry.', fr: '« {alias} » renvoie à cette entrée de la grille.' },
  'hover.recommended': { en: 'Recommended threshold: **{threshold}**', fr: 'Seuil recommandé : **{threshold}**' },
  'hover.recommended-none': { en: 'Recommended threshold: none valid ("{threshold}" decides nothing)', fr: 'Seuil recommandé : aucun de valide (« {threshold} » ne permet aucune décision)' },
  'hover.objective': { en: 'Professional objective: **{objective}**', fr: 'Objectif professionnel : **{objective}**' },
  'hover.examples': { en: 'Usage examples:', fr: 'Exemples de situations d’usage de la langue :' },
  'hover.unknown-profession': { en: '"{profession}" is not a known profession.', fr: '« {profession} » n’est pas une profession connue.' },
  'hover.threshold-set': { en: 'Threshold **{threshold}**, set for this candidate.', fr: 'Seuil **{threshold}**, indiqué pour ce candidat.' },
  'hover.threshold-equal': { en: 'It is the threshold recommended for "{profession}" ({recommended}).', fr: 'C’est le niveau seuil recommandé pour « {profession} » ({recommended}).' },
  'hover.threshold-above': { en: 'It is above the threshold recommended for "{profession}" ({recommended}).', fr: 'Il est supérieur au seuil recommandé pour « {profession} » ({recommended}).' },
  'hover.threshold-below': { en: 'It is below the threshold recommended for "{profession}" ({recommended}).', fr: 'Il est inférieur au seuil recommandé pour « {profession} » ({recommended}).' },
  'hover.threshold-invalid': { en: '"{threshold}" is not a valid threshold (a plain level from A2 to C2): it decides no outcome.', fr: '« {threshold} » n’est pas un seuil valide (un niveau simple de A2 à C2) : aucune décision n’est possible.' },
  'hover.level-plus': { en: 'upper sub-level', fr: 'sous-niveau haut' },
  'hover.level-minus': { en: 'lower sub-level', fr: 'sous-niveau bas' },
  // inlay hints, completion
  'hint.defaulted-threshold': { en: 'threshold: {threshold} (recommended)', fr: 'seuil : {threshold} (recommandé)' },
  'complete.local-profession': { en: 'local profession', fr: 'profession locale' },
  'complete.recommended': { en: 'recommended threshold', fr: 'seuil recommandé' },
  'complete.version': { en: 'format version', fr: 'version du format' },
  'complete.required': { en: 'required', fr: 'obligatoire' },
  // reports (cloe-grid report)
  'report.file': { en: 'File', fr: 'Fichier' },
  'report.cohort': { en: 'Cohort', fr: 'Cohorte' },
  'report.id': { en: 'Id', fr: 'Identifiant' },
  'report.name': { en: 'Name', fr: 'Nom' },
  'report.profession': { en: 'Profession', fr: 'Métier' },
  'report.threshold': { en: 'Threshold', fr: 'Niveau seuil' },
  'report.result': { en: 'Result', fr: 'Résultat' },
  'report.outcome': { en: 'Outcome', fr: 'Décision' },
  'report.recommended': { en: '{threshold} (recommended)', fr: '{threshold} (recommandé)' },
  'report.invalid': { en: '{threshold} (invalid)', fr: '{threshold} (non valide)' },
  'report.total': { en: '{candidates}: {rest}', fr: '{candidates} : {rest}' },
  'report.broken': { en: '{files} has errors, so some outcomes may be missing or unknown: run "cloe-grid check" for details.', fr: '{files} comporte des erreurs : certaines décisions peuvent manquer ou être indéterminées. Lancez « cloe-grid check » pour le détail.' },
  'report.broken.many': { en: '{files} have errors, so some outcomes may be missing or unknown: run "cloe-grid check" for details.', fr: '{files} comportent des erreurs : certaines décisions peuvent manquer ou être indéterminées. Lancez « cloe-grid check » pour le détail.' },
  // cloe-grid diff: what a change does to outcomes
  'diff.title': { en: 'CLOE outcomes: what this change does', fr: 'Décisions CLOE : ce que fait cette modification' },
  'diff.none': { en: 'No candidate was added, removed or changed.', fr: 'Aucun candidat ajouté, retiré ni modifié.' },
  'diff.summary': {
    en: 'Certificates gained: {gained} · lost: {lost} · other decisions changed: {outcome} · candidates added: {added} · removed: {removed} · other changes: {changed}',
    fr: 'Certificats CLOE obtenus : {gained} · perdus : {lost} · autres décisions modifiées : {outcome} · candidats ajoutés : {added} · retirés : {removed} · autres modifications : {changed}',
  },
  'diff.group.gained': { en: 'Certificates gained', fr: 'Certificats CLOE obtenus' },
  'diff.group.lost': { en: 'Certificates lost', fr: 'Certificats CLOE perdus' },
  'diff.group.outcome': { en: 'Other decisions changed', fr: 'Autres décisions modifiées' },
  'diff.group.rest': { en: 'Candidates added, removed or changed with the same decision', fr: 'Candidats ajoutés, retirés ou modifiés sans changement de décision' },
  'diff.change.added': { en: 'added', fr: 'ajouté' },
  'diff.change.removed': { en: 'removed', fr: 'retiré' },
  'diff.change.changed': { en: 'changed', fr: 'modifié' },
  'diff.field.cohort': { en: 'cohort', fr: 'cohorte' },
  'diff.field.name': { en: 'name', fr: 'nom' },
  'diff.field.profession': { en: 'profession', fr: 'profession' },
  'diff.field.threshold': { en: 'threshold', fr: 'seuil' },
  'diff.field.result': { en: 'result', fr: 'résultat' },
  'diff.field.outcome': { en: 'decision', fr: 'décision' },
  'diff.field-change': { en: '{field}: {before} → {after}', fr: '{field} : {before} → {after}' },
  'diff.field-value': { en: '{field}: {value}', fr: '{field} : {value}' },
  'diff.source.explicit': { en: 'set', fr: 'indiqué' },
  'diff.source.recommended': { en: 'recommended', fr: 'recommandé' },
  'diff.header.file': { en: 'File', fr: 'Fichier' },
  'diff.header.cohort': { en: 'Cohort', fr: 'Cohorte' },
  'diff.header.id': { en: 'Id', fr: 'Identifiant' },
  'diff.header.name': { en: 'Name', fr: 'Nom' },
  'diff.header.candidate': { en: 'Candidate', fr: 'Candidat' },
  'diff.header.change': { en: 'Change', fr: 'Modification' },
  'diff.header.what': { en: 'What changed', fr: 'Ce qui change' },
  'diff.header.outcome': { en: 'Decision', fr: 'Décision' },
  'diff.details': { en: '{count} more: show them', fr: '{count} de plus : les afficher' },
  'diff.annotation.gained': { en: 'Certificate gained', fr: 'Certificat CLOE obtenu' },
  'diff.annotation.lost': { en: 'Certificate lost', fr: 'Certificat CLOE perdu' },
  'diff.annotation.outcome': { en: 'Decision changed', fr: 'Décision modifiée' },
  'diff.annotation': { en: 'Candidate {id} ({name}), cohort {cohort}: {before} → {after}{why}.', fr: 'Candidat {id} ({name}), cohorte {cohort} : {before} → {after}{why}.' },
  // cloe-grid diff: usage errors (exit code 2)
  'diff.usage.operands': { en: 'diff compares two versions: give OLD and NEW (two files or two folders), or --base <git-ref> [paths…]. Run "cloe-grid diff --help" for usage.', fr: 'diff compare deux versions : indiquez ANCIEN et NOUVEAU (deux fichiers ou deux dossiers), ou --base <réf-git> [chemins…]. Lancez « cloe-grid diff --help » pour l’aide.' },
  'diff.usage.option': { en: '{detail} Run "cloe-grid diff --help" for usage.', fr: '{detail} Lancez « cloe-grid diff --help » pour l’aide.' },
  'diff.usage.value': { en: 'Invalid value "{value}" for {option}: use one of {allowed}.', fr: 'Valeur « {value} » non valide pour {option} : utilisez l’une de {allowed}.' },
  'diff.usage.missing': { en: 'Cannot read "{path}": no such file or folder. Check the path (relative to {cwd}).', fr: 'Impossible de lire « {path} » : aucun fichier ni dossier de ce nom. Vérifiez le chemin (relatif à {cwd}).' },
  'diff.usage.missing-both': { en: '"{path}" is neither in the working tree nor at {ref}: check the path (relative to {cwd}).', fr: '« {path} » n’est ni dans l’arbre de travail ni dans {ref} : vérifiez le chemin (relatif à {cwd}).' },
  'diff.usage.unreadable': { en: 'Cannot read "{path}": {detail}. Check that the file is readable.', fr: 'Impossible de lire « {path} » : {detail}. Vérifiez que le fichier est lisible.' },
  'diff.usage.kinds': { en: '"{old}" and "{new}" are not both files or both folders: compare a file with a file, or a folder with a folder.', fr: '« {old} » et « {new} » ne sont pas deux fichiers ni deux dossiers : comparez un fichier à un fichier, ou un dossier à un dossier.' },
  'diff.usage.no-git': { en: 'git cannot be run ({detail}): install git and make sure it is on the PATH, or compare two files or folders with "cloe-grid diff OLD NEW".', fr: 'Impossible de lancer git ({detail}) : installez git et vérifiez qu’il est dans le PATH, ou comparez deux fichiers ou dossiers avec « cloe-grid diff ANCIEN NOUVEAU ».' },
  'diff.usage.not-repository': { en: '{cwd} is not in a git repository, so --base has nothing to compare with: run the command inside the repository, or compare two files or folders with "cloe-grid diff OLD NEW".', fr: '{cwd} n’est pas dans un dépôt git : --base n’a rien à comparer. Lancez la commande dans le dépôt, ou comparez deux fichiers ou dossiers avec « cloe-grid diff ANCIEN NOUVEAU ».' },
  'diff.usage.unknown-ref': { en: 'Unknown git ref "{ref}": name a commit, branch or tag of this repository (e.g. HEAD~1, main, origin/main; in CI, fetch the base branch first).', fr: 'Référence git inconnue « {ref} » : indiquez un commit, une branche ou une étiquette de ce dépôt (par exemple HEAD~1, main, origin/main ; en CI, récupérez d’abord la branche de base).' },
  'diff.usage.outside': { en: '"{path}" is outside the git repository {root}: name paths inside it.', fr: '« {path} » est hors du dépôt git {root} : indiquez des chemins qui s’y trouvent.' },
  'diff.usage.git-failed': { en: 'git failed ({detail}): check that the repository is readable.', fr: 'git a échoué ({detail}) : vérifiez que le dépôt est lisible.' },
  // the editor's limit on diagnostics per file
  'diagnostics.omitted': {
    en: '{count} more findings are not shown here: at most {max} per file, the most severe first (setting cloe.maxDiagnostics, 0 for all). `cloe-grid check` lists them all.',
    fr: '{count} autres constats ne sont pas affichés ici : au plus {max} par fichier, les plus graves d’abord (réglage cloe.maxDiagnostics, 0 pour tout afficher). `cloe-grid check` les liste tous.',
  },
  // spreadsheets (cloe-grid import, report --format xlsx)
  'import.place': { en: '{file}, row {row}, column "{column}": {message}', fr: '{file}, ligne {row}, colonne « {column} » : {message}' },
  'import.place-row': { en: '{file}, row {row}: {message}', fr: '{file}, ligne {row} : {message}' },
  'import.no-id': { en: 'This row has no candidate id: it is not imported. Give every candidate an id in the sheet.', fr: 'Cette ligne n’a pas d’identifiant de candidat : elle n’est pas importée. Donnez un identifiant à chaque candidat dans le tableau.' },
  'import.duplicate-row': { en: 'Candidate id "{id}" is already on row {first}: this row is not imported. Keep one row per candidate.', fr: 'L’identifiant de candidat « {id} » figure déjà ligne {first} : cette ligne n’est pas importée. Gardez une ligne par candidat.' },
  'import.cannot-append': { en: 'Cohort "{cohort}" of the grid file is written on one line or has no candidate list to add to: this candidate is not added. Write the cohort as a block with "candidates:", then import again.', fr: 'La cohorte « {cohort} » du fichier de grille est écrite sur une ligne ou n’a pas de liste de candidats où ajouter : ce candidat n’est pas ajouté. Écrivez la cohorte en bloc avec « candidates: », puis importez à nouveau.' },
  'import.flow-candidate': { en: 'Candidate "{id}" is written on one line ({ … }) in the grid file: its "{key}" is not updated. Write the candidate as a block, then import again.', fr: 'Le candidat « {id} » est écrit sur une ligne ({ … }) dans le fichier de grille : son champ « {key} » n’est pas mis à jour. Écrivez le candidat en bloc, puis importez à nouveau.' },
  'import.no-cohort': { en: 'No cohort for the new candidates of rows {rows}: the sheet has no cohort column. Name it with --cohort ID.', fr: 'Aucune cohorte pour les nouveaux candidats des lignes {rows} : le tableau n’a pas de colonne de cohorte. Indiquez-la avec --cohort ID.' },
  'import.no-header': { en: '{file}: no header row in the first {max} rows. The columns are recognised by headers such as "Identifiant", "Nom", "Prénom", "Métier", "Objectif", "Résultat" (or ID, Name, Profession, Threshold, Result): add a header row, or name the columns with --map "Header=field".', fr: '{file} : aucune ligne d’en-têtes dans les {max} premières lignes. Les colonnes sont reconnues par des en-têtes comme « Identifiant », « Nom », « Prénom », « Métier », « Objectif », « Résultat » : ajoutez une ligne d’en-têtes, ou nommez les colonnes avec `--map "En-tête=champ"`.' },
  'import.no-id-column': { en: '{file}, row {row}: no column holds the candidate id (headers such as "Identifiant", "ID", "N° candidat", "Matricule"). Name it with --map "Header=id".', fr: '{file}, ligne {row} : aucune colonne ne contient l’identifiant du candidat (en-têtes comme « Identifiant », « ID », « N° candidat », « Matricule »). Indiquez-la avec `--map "En-tête=id"`.' },
  'import.ignored': { en: '{file}: columns not imported: {columns}. To import one, name its field with --map "Header=field".', fr: '{file} : colonnes non importées : {columns}. Pour en importer une, indiquez son champ avec `--map "En-tête=champ"`.' },
  'import.summary': { en: '{file}: {added} candidate(s) added, {updated} updated ({fields} field(s) changed), {unchanged} unchanged, {skipped} row(s) not imported.', fr: '{file} : {added} candidat(s) ajouté(s), {updated} mis à jour ({fields} champ(s) modifié(s)), {unchanged} inchangé(s), {skipped} ligne(s) non importée(s).' },
  'import.too-large': { en: '{file} is too large to import: {size} MB once uncompressed, more than the limit of {limit} MB. Split it into smaller files (for instance one per cohort).', fr: '{file} est trop volumineux pour être importé : {size} Mo une fois décompressé, au-delà de la limite de {limit} Mo. Scindez-le en fichiers plus petits (par exemple un par cohorte).' },
  'import.too-many-rows': { en: '{file}: sheet "{sheet}" has {rows} rows, more than the limit of {limit}. Split it into smaller files (for instance one per cohort).', fr: '{file} : la feuille « {sheet} » compte {rows} lignes, au-delà de la limite de {limit}. Scindez-la en fichiers plus petits (par exemple un par cohorte).' },
  'import.not-a-workbook': { en: '{file} cannot be read as an Excel workbook (.xlsx): {detail}. Save it from the spreadsheet as "Excel workbook (.xlsx)" or "CSV".', fr: '{file} ne peut pas être lu comme un classeur Excel (.xlsx) : {detail}. Enregistrez-le depuis le tableur au format « Classeur Excel (.xlsx) » ou « CSV ».' },
  'import.not-csv': { en: '{file} cannot be read as CSV: {detail}.', fr: '{file} ne peut pas être lu comme un fichier CSV : {detail}.' },
  'import.no-sheet': { en: '{file} has no sheet named "{sheet}": its sheets are {sheets}.', fr: '{file} n’a pas de feuille nommée « {sheet} » : ses feuilles sont {sheets}.' },
  'import.grid-syntax': { en: '{file} has YAML syntax errors: nothing is merged into it. Fix them first (cloe-grid check {file}).', fr: '{file} contient des erreurs de syntaxe YAML : rien n’y est fusionné. Corrigez-les d’abord (cloe-grid check {file}).' },
  'import.in-sheet': { en: 'In the spreadsheet:', fr: 'Dans le tableau :' },
  // the editor's spreadsheet import and export (VS Code)
  'import.editor.not-found': { en: '{file} cannot be read: no such file. Pick the spreadsheet again.', fr: '{file} ne peut pas être lu : ce fichier n’existe pas. Choisissez à nouveau le tableau.' },
  'import.editor.xls': { en: '{file} is an old Excel 97–2003 workbook (.xls): save it as "Excel workbook (.xlsx)" or as CSV, then import that.', fr: '{file} est un ancien classeur Excel 97–2003 (.xls) : enregistrez-le au format « Classeur Excel (.xlsx) » ou en CSV, puis importez ce fichier.' },
  'import.editor.not-a-sheet': { en: '{file} is neither an Excel workbook (.xlsx) nor a CSV file (.csv): pick one of those.', fr: '{file} n’est ni un classeur Excel (.xlsx) ni un fichier CSV (.csv) : choisissez un fichier de l’un de ces formats.' },
  'import.editor.not-on-disk': { en: '{file} is not a file on this computer: the import reads spreadsheets from the disk. Save it to a folder first.', fr: '{file} n’est pas un fichier de cet ordinateur : l’import lit les tableaux sur le disque. Enregistrez-le d’abord dans un dossier.' },
  'import.editor.no-header': { en: '{file}: no header row in the first {max} rows. The columns are recognised by headers such as "Identifiant", "Nom", "Prénom", "Métier", "Objectif", "Résultat" (or ID, Name, Profession, Threshold, Result): add a header row to the sheet, then import again.', fr: '{file} : aucune ligne d’en-têtes dans les {max} premières lignes. Les colonnes sont reconnues par des en-têtes comme « Identifiant », « Nom », « Prénom », « Métier », « Objectif », « Résultat » : ajoutez une ligne d’en-têtes au tableau, puis importez-le à nouveau.' },
  'import.editor.no-id-column': { en: 'No column holds the candidate id: pick the column of the ids and set it to "{field}".', fr: 'Aucune colonne ne contient l’identifiant du candidat : choisissez la colonne des identifiants et associez-la au champ « {field} ».' },
  'import.editor.grid-syntax': { en: '{file} has YAML syntax errors: nothing is merged into it. Fix them first (see the Problems panel), then import again.', fr: '{file} contient des erreurs de syntaxe YAML : rien n’y est fusionné. Corrigez-les d’abord (voir le panneau Problèmes), puis importez à nouveau.' },
  'import.editor.not-open': { en: '{file} is no longer open as a grid file: open it again, then import.', fr: '{file} n’est plus ouvert comme fichier de grille : ouvrez-le à nouveau, puis importez.' },
  'import.editor.changed': { en: '{file} changed while the import was prepared: nothing was merged. Run the import again.', fr: '{file} a été modifié pendant la préparation de l’import : rien n’a été fusionné. Relancez l’import.' },
  'import.editor.exists': { en: '{file} already exists: a new grid file never overwrites one. Choose another name, or open it and merge the sheet into it.', fr: '{file} existe déjà : un nouveau fichier de grille n’en remplace jamais un autre. Choisissez un autre nom, ou ouvrez ce fichier et fusionnez-y le tableau.' },
  'import.editor.failed': { en: 'The import of {file} failed: {detail}. See the output "CLOE Grid" for details.', fr: 'L’import de {file} a échoué : {detail}. Voir la sortie « CLOE Grid » pour le détail.' },
  'import.editor.mapping.title': { en: 'Columns of {file} (header on row {row}, {count} candidate rows)', fr: 'Colonnes de {file} (en-têtes ligne {row}, {count} lignes de candidats)' },
  'import.editor.mapping.placeholder': { en: 'Accept the mapping, or pick a column to change its field', fr: 'Acceptez la correspondance, ou choisissez une colonne pour en changer le champ' },
  'import.editor.mapping.accept': { en: 'Import with this mapping', fr: 'Importer avec cette correspondance' },
  'import.editor.mapping.accept.detail': { en: '{count} columns imported, {ignored} not imported', fr: '{count} colonnes importées, {ignored} non importées' },
  'import.editor.mapping.column': { en: 'Column {letter}', fr: 'Colonne {letter}' },
  'import.editor.mapping.samples': { en: 'e.g. {values}', fr: 'p. ex. {values}' },
  'import.editor.mapping.chosen': { en: '(your choice)', fr: '(votre choix)' },
  'import.editor.field.title': { en: 'Field of the column "{header}"', fr: 'Champ de la colonne « {header} »' },
  'import.editor.field.current': { en: 'current', fr: 'actuel' },
  'import.field.id': { en: 'Candidate id', fr: 'Identifiant du candidat' },
  'import.field.name': { en: 'Full name', fr: 'Nom complet' },
  'import.field.last-name': { en: 'Last name (the full name without a first-name column)', fr: 'Nom (le nom complet sans colonne de prénom)' },
  'import.field.first-name': { en: 'First name', fr: 'Prénom' },
  'import.field.profession': { en: 'Profession', fr: 'Métier' },
  'import.field.threshold': { en: 'Threshold', fr: 'Objectif de résultat (niveau seuil)' },
  'import.field.result': { en: 'Result (overall level)', fr: 'Résultat (niveau global)' },
  'import.field.written': { en: 'Written level', fr: 'Niveau à l’écrit' },
  'import.field.oral': { en: 'Oral level', fr: 'Niveau à l’oral' },
  'import.field.cohort': { en: 'Cohort', fr: 'Cohorte' },
  'import.field.session': { en: 'Session date', fr: 'Date de session' },
  'import.field.ignore': { en: 'Not imported', fr: 'Non importée' },
  'import.editor.target.placeholder': { en: 'Where do the candidates of {file} go?', fr: 'Où placer les candidats de {file} ?' },
  'import.editor.target.new': { en: 'New grid file…', fr: 'Nouveau fichier de grille…' },
  'import.editor.target.new.detail': { en: 'A new *.cloe.yaml file, saved where you choose (never over an existing file)', fr: 'Un nouveau fichier *.cloe.yaml, enregistré où vous le choisissez (jamais à la place d’un fichier existant)' },
  'import.editor.target.merge': { en: 'Merge into {file}', fr: 'Fusionner dans {file}' },
  'import.editor.target.merge.detail': { en: 'Candidates matched by id are updated, new ones added; nothing is removed. An ordinary edit: Undo reverts it, the file is not saved.', fr: 'Les candidats de même identifiant sont mis à jour, les nouveaux ajoutés ; rien n’est supprimé. Une modification ordinaire : Annuler la défait, le fichier n’est pas enregistré.' },
  'import.editor.save.title': { en: 'New grid file for the candidates of {file}', fr: 'Nouveau fichier de grille pour les candidats de {file}' },
  'import.editor.cohort.title': { en: 'Cohort of the new candidates (rows {rows})', fr: 'Cohorte des nouveaux candidats (lignes {rows})' },
  'import.editor.cohort.placeholder': { en: 'The sheet has no cohort column: pick a cohort of the file, or type the id of a new one', fr: 'Le tableau n’a pas de colonne de cohorte : choisissez une cohorte du fichier, ou saisissez l’identifiant d’une nouvelle' },
  'import.editor.cohort.new': { en: 'New cohort "{id}"', fr: 'Nouvelle cohorte « {id} »' },
  'import.editor.cohort.prompt': { en: 'The sheet has no cohort column: type the id of the cohort of these candidates (for instance acme-2026-03)', fr: 'Le tableau n’a pas de colonne de cohorte : saisissez l’identifiant de la cohorte de ces candidats (par exemple acme-2026-03)' },
  'import.editor.cohort.invalid': { en: 'A cohort id is one word: letters, digits, "-", "_" or ".".', fr: 'Un identifiant de cohorte est un seul mot : lettres, chiffres, « - », « _ » ou « . ».' },
  'import.editor.done.findings': { en: '{summary} {count} finding(s) to fix in the spreadsheet.', fr: '{summary} {count} constat(s) à corriger dans le tableau.' },
  'import.editor.show': { en: 'Show the findings', fr: 'Voir les constats' },
  'import.editor.output': { en: 'CLOE Grid: spreadsheet import', fr: 'CLOE Grid : import de tableau' },
  'import.editor.no-grid-file': { en: 'Open the grid file to export, then run the command again.', fr: 'Ouvrez le fichier de grille à exporter, puis relancez la commande.' },
  // spreadsheets out: headers and labels
  'sheet.file': { en: 'File', fr: 'Fichier' },
  'sheet.cohort': { en: 'Cohort', fr: 'Cohorte' },
  'sheet.id': { en: 'Id', fr: 'Identifiant' },
  'sheet.name': { en: 'Name', fr: 'Nom' },
  'sheet.profession': { en: 'Profession', fr: 'Métier' },
  'sheet.threshold': { en: 'Threshold', fr: 'Niveau seuil' },
  'sheet.threshold-source': { en: 'Threshold source', fr: 'Origine du niveau seuil' },
  'sheet.result': { en: 'Result', fr: 'Résultat' },
  'sheet.outcome': { en: 'Outcome', fr: 'Décision' },
  'sheet.explicit': { en: 'set for the candidate', fr: 'indiqué pour le candidat' },
  'sheet.recommended': { en: 'recommended for the profession', fr: 'recommandé pour le métier' },
  'sheet.summary': { en: 'Summary', fr: 'Synthèse' },
  'sheet.candidates': { en: 'Candidates', fr: 'Candidats' },
  'sheet.certificates': { en: 'Certificates', fr: 'Certificats' },
  'sheet.attestations': { en: 'Attestations', fr: 'Attestations' },
  'sheet.pending': { en: 'Pending', fr: 'En attente' },
  'sheet.unknown': { en: 'Unknown', fr: 'Indéterminées' },
  'sheet.total': { en: 'Total', fr: 'Total' },
  'sheet.no-cohort': { en: '(no cohort)', fr: '(sans cohorte)' },
  // the outcomes view and the HTML report (cohort at a glance)
  'view.title': { en: 'CLOE outcomes', fr: 'Décisions CLOE' },
  'view.title.file': { en: 'CLOE outcomes — {file}', fr: 'Décisions CLOE — {file}' },
  'view.none': { en: 'Open a grid file (*.cloe.yaml) to see its outcomes.', fr: 'Ouvrez un fichier de grille (*.cloe.yaml) pour en voir les décisions.' },
  'view.no-cohort': { en: 'This file declares no cohort.', fr: 'Ce fichier ne déclare aucune cohorte.' },
  'view.no-candidate': { en: 'No candidate matches these filters.', fr: 'Aucun candidat ne correspond à ces filtres.' },
  'view.written': { en: 'Written', fr: 'Écrit' },
  'view.oral': { en: 'Oral', fr: 'Oral' },
  'view.overall': { en: 'Overall', fr: 'Global' },
  'view.findings': { en: 'Findings', fr: 'Constats' },
  'view.source': { en: 'Source', fr: 'Origine' },
  'view.source.explicit': { en: 'set', fr: 'indiqué' },
  'view.source.recommended': { en: 'recommended', fr: 'recommandé' },
  'view.filter.text': { en: 'Search', fr: 'Rechercher' },
  'view.filter.outcome': { en: 'Outcome', fr: 'Décision' },
  'view.filter.profession': { en: 'Profession', fr: 'Métier' },
  'view.filter.all': { en: 'All', fr: 'Toutes' },
  'view.filter.all.professions': { en: 'All', fr: 'Tous' },
  'view.export.csv': { en: 'Export CSV', fr: 'Exporter en CSV' },
  'view.export.markdown': { en: 'Export Markdown', fr: 'Exporter en Markdown' },
  'view.export.html': { en: 'Export HTML', fr: 'Exporter en HTML' },
  'view.export.xlsx': { en: 'Export Excel', fr: 'Exporter vers Excel' },
  'view.exported': { en: 'Outcomes exported to {file}.', fr: 'Décisions exportées dans {file}.' },
  'view.reveal': { en: 'Show {id} in the editor', fr: 'Afficher {id} dans l’éditeur' },
  'view.chart.title': { en: 'Results of cohort {cohort} by CEFR level', fr: 'Résultats de la cohorte {cohort} par niveau du CECRL' },
  'view.chart.level': { en: 'Level', fr: 'Niveau' },
  'view.chart.count': { en: '{label}: {count}', fr: '{label} : {count}' },
  'view.chart.threshold': { en: 'threshold {level}', fr: 'seuil {level}' },
  'view.chart.thresholds': { en: 'Thresholds: {list}', fr: 'Seuils : {list}' },
  'view.chart.thresholds.none': { en: 'No valid threshold.', fr: 'Aucun seuil valide.' },
  'view.compare.title': { en: 'Compared with {ref}', fr: 'Comparaison avec {ref}' },
  'view.compare.close': { en: 'Close the comparison', fr: 'Fermer la comparaison' },
  'html.generated': { en: 'Generated by cloe-grid {version} on {date}.', fr: 'Produit par cloe-grid {version} le {date}.' },
  'html.file': { en: 'File {file}', fr: 'Fichier {file}' },
  // lists
  'list.or': { en: '{a} or {b}', fr: '{a} ou {b}' },
  'list.semicolon': { en: '; ', fr: ' ; ' },
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
  const q = (s: string) => (locale === 'fr' ? `«\u00a0${s}\u00a0»` : `"${s}"`);
  const quoted = items.map(q);
  if (quoted.length <= 1) return quoted.join('');
  const last = quoted.pop()!;
  return render(msg('list.or', { a: quoted.join(', '), b: last }), locale);
}

/** Picks the locale from an environment-style value such as LANG=fr_FR.UTF-8. */
export function localeFrom(value: string | undefined): Locale {
  return value && /^fr\b|^fr[_-]/i.test(value) ? 'fr' : 'en';
}
