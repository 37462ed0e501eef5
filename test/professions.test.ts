/**
 * Profession names as French users write them (SPEC §1.6, issue 12): a table of spellings and
 * the grid entry each one names, or `null` for the names that must stay unknown (a wrong tier
 * silently changes an outcome). Every entry of the seed appears in the masculine and in the
 * feminine; every name and alias of the grid data appears, each English one beside a French
 * name of the same entry.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../server/src/core/check';
import { ProfessionIndex, resolveBuiltin } from '../server/src/core/grid';
import { GRID_PROFESSIONS } from '../server/src/core/grid-data';
import { normalizeName, professionKey } from '../server/src/core/normalize';

// The 41 entries of the seed, by tier.
const RSI = 'Responsable Stratégie Internationale';
const DAI = "Directeur achats à l'international";
const DPC = 'Directeur de projet ou de contrat';
const DC = 'Directeur commercial';
const DRHI = "Directeur Ressources Humaines à l'International";
const MC = 'Maître conférencier';
const RA = 'Responsable des achats';
const AD = 'Assistant de direction';
const AUD = 'Auditeur';
const AV = 'Avocat';
const CC = 'Cadre commercial';
const CP = 'Chef de projet';
const CF = 'Conseiller financier';
const EF = 'Enseignant / Formateur';
const MH = "Maître d'hôtel / Responsable de structure hôtelière";
const MAN = 'Manager';
const MED = 'Médecin';
const SCI = 'Profession scientifique / technique';
const RM = 'Responsable marketing';
const ACH = 'Acheteur';
const AI = 'Agent immobilier';
const AL = 'Agent logistique';
const ARH = 'Assistant RH';
const CE = "Chef d'équipe";
const COMP = 'Comptable';
const CCL = 'Conseiller clientèle';
const EAS = 'Employé administratif spécialisé';
const ET = 'Expert technique';
const REC = 'Réceptionniste';
const RUC = "Responsable d'unité commerciale";
const SR = 'Serveur en restaurant';
const AS = 'Agent de sécurité';
const AIDE = 'Aide-soignant';
const CR = 'Chauffeur-routier';
const CL = 'Chef de ligne';
const CS = 'Conseiller services';
const EA = 'Employé administratif';
const IT = 'Intervenant technique';
const MPH = 'Membre du personnel hôtelier';
const PTO = 'Personnel technique / opérationnel';
const V = 'Vendeur';

type Row = readonly [written: string, entry: string | null];

/** The seed's names, as the seed writes them (the masculine). */
const MASCULINE: Row[] = GRID_PROFESSIONS.map((p) => [p.name, p.name]);

/** The feminine of every entry (an epicene name is its own feminine: "Médecin", "Comptable"). */
const FEMININE: Row[] = [
  ['Responsable Stratégie Internationale', RSI],
  ["Directrice achats à l'international", DAI],
  ['Directrice de projet ou de contrat', DPC],
  ['Directrice commerciale', DC],
  ["Directrice Ressources Humaines à l'International", DRHI],
  ['Maîtresse conférencière', MC],
  ['Responsable des achats', RA],
  ['Assistante de direction', AD],
  ['Auditrice', AUD],
  ['Avocate', AV],
  ['Cadre commerciale', CC],
  ['Cheffe de projet', CP],
  ['Conseillère financière', CF],
  ['Enseignante / Formatrice', EF],
  ["Maîtresse d'hôtel / Responsable de structure hôtelière", MH],
  ['Manageuse', MAN],
  ['Médecin', MED],
  ['Ingénieure', SCI],
  ['Responsable marketing', RM],
  ['Acheteuse', ACH],
  ['Agente immobilière', AI],
  ['Agente logistique', AL],
  ['Assistante RH', ARH],
  ["Cheffe d'équipe", CE],
  ['Comptable', COMP],
  ['Conseillère clientèle', CCL],
  ['Employée administrative spécialisée', EAS],
  ['Experte technique', ET],
  ['Réceptionniste', REC],
  ["Responsable d'unité commerciale", RUC],
  ['Serveuse en restaurant', SR],
  ['Agente de sécurité', AS],
  ['Aide-soignante', AIDE],
  ['Chauffeuse-routière', CR],
  ['Cheffe de ligne', CL],
  ['Conseillère services', CS],
  ['Employée administrative', EA],
  ['Intervenante technique', IT],
  ['Membre du personnel hôtelier', MPH],
  ['Opératrice', PTO],
  ['Vendeuse', V],
  // More feminines of the names inside entries.
  ['Programmeuse', SCI],
  ['Chercheuse', SCI],
  ['Développeuse', SCI],
  ['Formatrice', EF],
  ['Enseignante', EF],
  ['Professeure', EF],
  ["Maîtresse d'hôtel", MH],
  ['Maîtresse de conférences', MC],
  ['Directrice de projet', DPC],
  ['Directrice de contrat', DPC],
  ['Serveuse', SR],
  ['Conductrice routière', CR],
  ['Négociatrice immobilière', AI],
  ["Technicienne d'intervention", IT],
  ["Gérante d'hôtel", MH],
  ['Cheffe de service', MAN],
  ['Consultante financière', CF],
  ["Employée d'hôtel", MPH],
  ['Conseillère de vente', V],
  ['Routière', CR],
  ['Auditrice externe', AUD],
];

/** Inclusive writing: "(e)", "·e", ".e", "-e", "·rice", "(trice)", "/euse", plurals "·e·s". */
const INCLUSIVE: Row[] = [
  ['Aide-soignant(e)', AIDE],
  ['Aide-soignant·e', AIDE],
  ['Aide-soignant.e', AIDE],
  ['Aide-soignant-e', AIDE],
  ['Aide soignant (e)', AIDE],
  ['Aide-soignant(e)s', AIDE],
  ['Aides-soignant·e·s', AIDE],
  ['AIDE-SOIGNANT(E)', AIDE],
  ['Directeur·rice commercial·e', DC],
  ['Directeur.rice commercial.e', DC],
  ['Directeur·trice commercial·e', DC],
  ['Directeur(trice) commercial(e)', DC],
  ['Directeur/trice commercial/e', DC],
  ['Directeur•rice commercial•e', DC],
  ['Directeur·rice de projet', DPC],
  ["Directeur·rice achats à l'international", DAI],
  ["Directeur·rice des ressources humaines à l'international", DRHI],
  ['Vendeur·euse', V],
  ['Vendeur·se', V],
  ['Vendeur(se)', V],
  ['Vendeur/euse', V],
  ['Vendeur·euse·s', V],
  ['Conseiller·ère clientèle', CCL],
  ['Conseiller(ère) financier(ère)', CF],
  ['Conseiller·ère services', CS],
  ['Chef·fe de projet', CP],
  ["Chef(fe) d'équipe", CE],
  ['Chef·fe de ligne', CL],
  ["Technicien(ne) d'intervention", IT],
  ['Employé·e administratif·ve', EA],
  ['Employé(e) administratif(ve) spécialisé(e)', EAS],
  ['Employé·e·s administratif·ve·s', EA],
  ['Agent·e immobilier·ère', AI],
  ['Agent(e) de sécurité', AS],
  ['Agent·e logistique', AL],
  ['Avocat·e', AV],
  ['Auditeur·rice', AUD],
  ['Acheteur·se', ACH],
  ['Ingénieur·e', SCI],
  ['Ingénieur(e)', SCI],
  ['Enseignant·e / Formateur·rice', EF],
  ['Assistant·e de direction', AD],
  ['Assistant(e) RH', ARH],
  ['Expert·e technique', ET],
  ['Intervenant·e technique', IT],
  ['Serveur·euse en restaurant', SR],
  ['Chauffeur·euse-routier·ère', CR],
  ["Maître·sse d'hôtel", MH],
  ['Opérateur·rice', PTO],
  ['Cadre commercial·e', CC],
];

/** "A / B": both halves name the entry, or one only starts the other. */
const SLASH: Row[] = [
  ['Vendeur / Vendeuse', V],
  ['Vendeuse / Vendeur', V],
  ['Vendeur/Vendeuse', V],
  ['Enseignante / Formatrice', EF],
  ['Formateur / Enseignant', EF],
  ['Formatrice / Enseignante', EF],
  ['Ingénieur / Chercheur', SCI],
  ['Programmeur / Développeur', SCI],
  ['Serveur / Serveuse', SR],
  ['Directeur / Directrice commercial(e)', DC],
  ['Directeur commercial / Directrice commerciale', DC],
  ['Chef / Cheffe de projet', CP],
  ['Agent / Agente de sécurité', AS],
  ['Conseiller / Conseillère clientèle', CCL],
  ["Maître d'hôtel / Maîtresse d'hôtel", MH],
  ['Personnel technique / Personnel opérationnel', PTO],
  ['Comptable / Accountant', COMP],
  ['Aide-soignant / Aide-soignante', AIDE],
  ['Vendeur/euse / Vendeuse', V],
  ['Chef·fe / Cheffe de projet', CP],
];

/** The seed's own wording, as it writes it, and the names inside its entries. */
const SEED: Row[] = [
  ['Profession scientifique / technique : (Ingénieur, scientifique, programmeur, chercheur,)', SCI],
  ['Profession scientifique / technique (Ingénieur, scientifique, programmeur, chercheur)', SCI],
  ['Ingénieur, scientifique, programmeur, chercheur', SCI],
  ['Ingénieur', SCI],
  ['scientifique', SCI],
  ['programmeur', SCI],
  ['chercheur', SCI],
  ['Profession scientifique', SCI],
  ['Profession technique', SCI],
  ['Enseignant', EF],
  ['Formateur', EF],
  ["Maître d'hôtel", MH],
  ['Responsable de structure hôtelière', MH],
  ['Directeur de projet', DPC],
  ['Directeur de contrat', DPC],
  ['Personnel technique', PTO],
  ['Personnel opérationnel', PTO],
];

/** Articles, prepositions and plurals. */
const ARTICLES_AND_PLURALS: Row[] = [
  ["Directeur des achats à l'international", DAI],
  ['Directeur des achats a l international', DAI],
  ['Conseiller de clientèle', CCL],
  ['Conseillère de clientèle', CCL],
  ['Maître de conférences', MC],
  ['Maître de conférence', MC],
  ['Directeur de projets', DPC],
  ['Directrice de projets', DPC],
  ['Directeur de contrats', DPC],
  ['Chef de projets', CP],
  ['Cheffes de projets', CP],
  ['Chef projet', CP],
  ['Responsable achats', RA],
  ['Responsable de la stratégie internationale', RSI],
  ["Directeur des ressources humaines à l'international", DRHI],
  ['Serveur de restaurant', SR],
  ['Agent sécurité', AS],
  ['Membre personnel hôtelier', MPH],
  ["Responsable d'unités commerciales", RUC],
  ['Chauffeurs-routiers', CR],
  ['Vendeurs', V],
  ['Cadres commerciaux', CC],
  ['Agents immobiliers', AI],
  ['Assistants de direction', AD],
  ['Employés administratifs', EA],
  ['Conseiller en services', CS],
];

/** Case, accents, spacing, apostrophes, hyphens. */
const SPELLING: Row[] = [
  ['  CHEF   de  PROJET ', CP],
  ['medecin', MED],
  ['MÉDECIN', MED],
  ['Maitre d’hotel', MH],
  ['Chef d’équipe', CE],
  ['chauffeur routier', CR],
  ['Receptionniste', REC],
  ['aide soignant', AIDE],
  ['responsable d unite commerciale', RUC],
  ['Employe administratif specialise', EAS],
  ['Maitre conferencier', MC],
  ['Agent  Logistique', AL],
  ['assistant rh', ARH],
  ['Expert-technique', ET],
];

/** French names of the same jobs (each only where the job is unmistakably the entry). */
const FRENCH_ALIASES: Row[] = [
  ['MCF', MC],
  ['Directeur de la stratégie internationale', RSI],
  ["Directeur RH à l'international", DRHI],
  ["DRH à l'international", DRHI],
  ['Directeur de projet / contrat', DPC],
  ['Secrétaire de direction', AD],
  ['Auditeur interne', AUD],
  ['Auditeur externe', AUD],
  ['Responsable du développement commercial', CC],
  ['Consultant financier', CF],
  ['Conseiller en gestion de patrimoine', CF],
  ['Professeur', EF],
  ['Instructeur', EF],
  ["Gérant d'hôtel", MH],
  ['Manageur', MAN],
  ['Chef de service', MAN],
  ['Cadre intermédiaire', MAN],
  ['Médecin généraliste', MED],
  ['Développeur', SCI],
  ['Développeur logiciel', SCI],
  ['Responsable de marque', RM],
  ['Négociateur immobilier', AI],
  ['Assistant ressources humaines', ARH],
  ['Spécialiste technique', ET],
  ['Responsable de magasin', RUC],
  ['Serveur', SR],
  ['Vigile', AS],
  ['Routier', CR],
  ['Conducteur routier', CR],
  ['Chauffeur poids lourd', CR],
  ['Conducteur poids lourd', CR],
  ['Chef de ligne de production', CL],
  ['Employé de bureau', EA],
  ["Technicien d'intervention", IT],
  ['Personnel hôtelier', MPH],
  ["Employé d'hôtel", MPH],
  ['Opérateur', PTO],
  ['Vendeur en magasin', V],
  ['Conseiller de vente', V],
];

/** Every English name of the grid, beside a French name of the same entry. */
const ENGLISH_BESIDE_FRENCH: (readonly [english: string, french: string, entry: string])[] = [
  ['International strategy manager', 'Responsable stratégie internationale', RSI],
  ['Head of international strategy', 'Responsable de la stratégie internationale', RSI],
  ['International strategy director', 'Directeur de la stratégie internationale', RSI],
  ['International strategy lead', 'Responsable stratégie internationale', RSI],
  ['International purchasing director', "Directeur des achats à l'international", DAI],
  ['International procurement director', "Directeur des achats à l'international", DAI],
  ['Global purchasing director', "Directeur des achats à l'international", DAI],
  ['Global procurement director', "Directeur des achats à l'international", DAI],
  ['Project or contract director', 'Directeur de projet ou de contrat', DPC],
  ['Project director', 'Directeur de projet', DPC],
  ['Contract director', 'Directeur de contrat', DPC],
  ['Sales director', 'Directeur commercial', DC],
  ['Commercial director', 'Directeur commercial', DC],
  ['Chief sales officer', 'Directeur commercial', DC],
  ['International human resources director', "Directeur des ressources humaines à l'international", DRHI],
  ['International HR director', "Directeur RH à l'international", DRHI],
  ['Global HR director', "DRH à l'international", DRHI],
  ['Head of international HR', "Directeur RH à l'international", DRHI],
  ['Senior lecturer', 'Maître de conférences', MC],
  ['University lecturer', 'Maître de conférences', MC],
  ['Associate professor', 'Maître de conférences', MC],
  ['Purchasing manager', 'Responsable des achats', RA],
  ['Procurement manager', 'Responsable des achats', RA],
  ['Head of purchasing', 'Responsable des achats', RA],
  ['Head of procurement', 'Responsable achats', RA],
  ['Executive assistant', 'Assistant de direction', AD],
  ['Management assistant', 'Assistante de direction', AD],
  ['Executive secretary', 'Secrétaire de direction', AD],
  ['Auditor', 'Auditeur', AUD],
  ['Internal auditor', 'Auditeur interne', AUD],
  ['External auditor', 'Auditeur externe', AUD],
  ['Lawyer', 'Avocat', AV],
  ['Attorney', 'Avocat', AV],
  ['Barrister', 'Avocate', AV],
  ['Solicitor', 'Avocat', AV],
  ['Sales executive', 'Cadre commercial', CC],
  ['Business development manager', 'Responsable du développement commercial', CC],
  ['Project manager', 'Chef de projet', CP],
  ['Project lead', 'Chef de projet', CP],
  ['Project leader', 'Cheffe de projet', CP],
  ['Financial adviser', 'Conseiller financier', CF],
  ['Financial advisor', 'Conseiller financier', CF],
  ['Financial consultant', 'Consultant financier', CF],
  ['Financial planner', 'Conseiller en gestion de patrimoine', CF],
  ['Teacher / Trainer', 'Enseignant / Formateur', EF],
  ['Teacher', 'Enseignant', EF],
  ['Trainer', 'Formateur', EF],
  ['Instructor', 'Instructeur', EF],
  ['Head waiter / Hotel manager', "Maître d'hôtel / Responsable de structure hôtelière", MH],
  ['Head waiter', "Maître d'hôtel", MH],
  ['Hotel manager', "Gérant d'hôtel", MH],
  ['Manager', 'Manageur', MAN],
  ['Department manager', 'Chef de service', MAN],
  ['Head of department', 'Chef de service', MAN],
  ['Middle manager', 'Cadre intermédiaire', MAN],
  ['Doctor', 'Médecin', MED],
  ['Physician', 'Médecin', MED],
  ['Medical doctor', 'Médecin', MED],
  ['General practitioner', 'Médecin généraliste', MED],
  ['Scientific / technical profession', 'Profession scientifique / technique', SCI],
  ['Engineer', 'Ingénieur', SCI],
  ['Scientist', 'Scientifique', SCI],
  ['Programmer', 'Programmeur', SCI],
  ['Software developer', 'Développeur logiciel', SCI],
  ['Researcher', 'Chercheur', SCI],
  ['Marketing manager', 'Responsable marketing', RM],
  ['Head of marketing', 'Responsable marketing', RM],
  ['Brand manager', 'Responsable de marque', RM],
  ['Buyer', 'Acheteur', ACH],
  ['Purchaser', 'Acheteur', ACH],
  ['Purchasing officer', 'Acheteuse', ACH],
  ['Procurement officer', 'Acheteur', ACH],
  ['Real estate agent', 'Agent immobilier', AI],
  ['Estate agent', 'Agent immobilier', AI],
  ['Realtor', 'Agente immobilière', AI],
  ['Real estate broker', 'Négociateur immobilier', AI],
  ['Logistics agent', 'Agent logistique', AL],
  ['Logistics officer', 'Agent logistique', AL],
  ['Logistics clerk', 'Agent logistique', AL],
  ['HR assistant', 'Assistant RH', ARH],
  ['Human resources assistant', 'Assistant ressources humaines', ARH],
  ['Team leader', "Chef d'équipe", CE],
  ['Team lead', "Chef d'équipe", CE],
  ['Accountant', 'Comptable', COMP],
  ['Customer adviser', 'Conseiller clientèle', CCL],
  ['Customer advisor', 'Conseiller de clientèle', CCL],
  ['Specialised administrative clerk', 'Employé administratif spécialisé', EAS],
  ['Specialized administrative clerk', 'Employé administratif spécialisé', EAS],
  ['Technical expert', 'Expert technique', ET],
  ['Technical specialist', 'Spécialiste technique', ET],
  ['Receptionist', 'Réceptionniste', REC],
  ['Front desk agent', 'Réceptionniste', REC],
  ['Front desk clerk', 'Réceptionniste', REC],
  ['Hotel receptionist', 'Réceptionniste', REC],
  ['Sales unit manager', "Responsable d'unité commerciale", RUC],
  ['Store manager', 'Responsable de magasin', RUC],
  ['Shop manager', 'Responsable de magasin', RUC],
  ['Restaurant waiter', 'Serveur en restaurant', SR],
  ['Waiter', 'Serveur', SR],
  ['Waitress', 'Serveuse', SR],
  ['Server', 'Serveur', SR],
  ['Security guard', 'Vigile', AS],
  ['Security officer', 'Agent de sécurité', AS],
  ['Security agent', 'Agent de sécurité', AS],
  ['Nursing assistant', 'Aide-soignant', AIDE],
  ['Healthcare assistant', 'Aide-soignant', AIDE],
  ['Nurse aide', 'Aide-soignante', AIDE],
  ['Truck driver', 'Chauffeur-routier', CR],
  ['Lorry driver', 'Chauffeur-routier', CR],
  ['Long-haul truck driver', 'Routier', CR],
  ['Heavy goods vehicle driver', 'Chauffeur poids lourd', CR],
  ['Line leader', 'Chef de ligne', CL],
  ['Line supervisor', 'Chef de ligne', CL],
  ['Production line leader', 'Chef de ligne de production', CL],
  ['Production line supervisor', 'Chef de ligne de production', CL],
  ['Services adviser', 'Conseiller services', CS],
  ['Service advisor', 'Conseiller services', CS],
  ['Administrative clerk', 'Employé administratif', EA],
  ['Office clerk', 'Employé de bureau', EA],
  ['Clerical worker', 'Employé de bureau', EA],
  ['Field technician', "Technicien d'intervention", IT],
  ['Service technician', "Technicien d'intervention", IT],
  ['Hotel staff member', 'Membre du personnel hôtelier', MPH],
  ['Hotel staff', 'Personnel hôtelier', MPH],
  ['Hotel worker', 'Personnel hôtelier', MPH],
  ['Hotel employee', "Employé d'hôtel", MPH],
  ['Technical / operational staff', 'Personnel technique / opérationnel', PTO],
  ['Technical staff', 'Personnel technique', PTO],
  ['Operational staff', 'Personnel opérationnel', PTO],
  ['Operator', 'Opérateur', PTO],
  ['Salesperson', 'Vendeur', V],
  ['Sales assistant', 'Vendeuse', V],
  ['Shop assistant', 'Vendeur en magasin', V],
  ['Sales associate', 'Conseiller de vente', V],
];

/**
 * Names that must stay unknown: another job, or one that could belong to two tiers (the
 * aliases removed by issue 12 among them), and "A / B" naming two entries.
 */
const UNKNOWN: string[] = [
  'Conférencier',
  'Conférencière',
  'Conférencier·ère',
  'Lecturer',
  'Plombier',
  'Plombière',
  'Contract manager',
  'Marketing director',
  'Directeur marketing',
  'Directeur des ventes',
  'Sales manager',
  'Account manager',
  'Head of sales',
  'Responsable commercial',
  'Ingénieur commercial',
  'Technicien',
  'Technicienne',
  'Technician',
  'Maintenance technician',
  'Supervisor',
  'Foreman',
  'Customer service advisor',
  'Administrative assistant',
  'Administrative officer',
  'Bookkeeper',
  'Directeur des achats',
  'DRH',
  'Directeur des ressources humaines',
  'Developer',
  'Educator',
  'Éducateur',
  'Care assistant',
  'Personal assistant',
  "Maître d'",
  "Agent d'accueil",
  "Hôtesse d'accueil",
  'Maître',
  'Maîtresse',
  'Directeur',
  'Directrice',
  'Responsable',
  'Chef',
  'Cheffe',
  'Agent',
  'Employé',
  'Assistant',
  'Conseiller',
  'Médecine',
  'Enseignant-chercheur',
  'Sommelière',
  'Vendeur / Serveur',
  'Enseignant / Chercheur',
  'Chef de projet / Directeur de projet',
  'Directeur / Directrice',
  'Comptable / Plombier',
  'Vendeur/euse / Serveur/euse',
  'Constructor',
  'de la',
  '(e)',
  '/',
];

const RESOLVING: [string, Row[]][] = [
  ['masculine (the seed as written)', MASCULINE],
  ['feminine', FEMININE],
  ['inclusive', INCLUSIVE],
  ['A / B', SLASH],
  ["the seed's wording", SEED],
  ['articles and plurals', ARTICLES_AND_PLURALS],
  ['case, accents, spacing', SPELLING],
  ['French aliases', FRENCH_ALIASES],
  ['English beside French', ENGLISH_BESIDE_FRENCH.flatMap(([en, fr, entry]): Row[] => [[en, entry], [fr, entry]])],
];

const ALL_ROWS: Row[] = [...RESOLVING.flatMap(([, rows]) => rows), ...UNKNOWN.map((u): Row => [u, null])];

for (const [kind, rows] of RESOLVING) {
  test(`profession names, ${kind}: each resolves to its grid entry (${rows.length} spellings)`, () => {
    const wrong: string[] = [];
    for (const [written, entry] of rows) {
      const got = resolveBuiltin(written)?.canonical ?? null;
      if (got !== entry) wrong.push(`"${written}" → ${got === null ? 'unknown' : `"${got}"`}, expected "${entry}"`);
    }
    assert.deepEqual(wrong, []);
  });
}

test(`profession names that must stay unknown (${UNKNOWN.length} spellings), with suggestions where one is close`, () => {
  const idx = new ProfessionIndex();
  const wrong = UNKNOWN.filter((u) => resolveBuiltin(u) !== undefined || idx.resolve(u) !== undefined);
  assert.deepEqual(wrong, []);
  // A name that could be two jobs gets the entries whose names contain it.
  assert.deepEqual(idx.suggest('Conférencier'), ['Maître conférencier']);
  assert.deepEqual(idx.suggest('Technicienne'), ["Technicien d'intervention"]);
  assert.deepEqual(idx.suggest('Directeur des achats'), ["Directeur achats à l'international"]);
  assert.deepEqual(idx.suggest('Plombier'), []);
});

test('the table has at least 150 spellings and every entry of the seed in the masculine and the feminine', (t) => {
  const spellings = new Set(ALL_ROWS.map(([w]) => w));
  assert.ok(spellings.size >= 150, `${spellings.size} spellings`);
  t.diagnostic(`${spellings.size} distinct spellings`);
  for (const p of GRID_PROFESSIONS) {
    assert.ok(MASCULINE.some(([w, e]) => w === p.name && e === p.name), `"${p.name}": no masculine row`);
    assert.ok(FEMININE.some(([, e]) => e === p.name), `"${p.name}": no feminine row`);
  }
  assert.equal(new Set(FEMININE.slice(0, 41).map(([, e]) => e)).size, 41);
});

test('every name and alias of the grid data is in the table, each English one beside a French name', () => {
  const written = new Set(ALL_ROWS.map(([w]) => w));
  const english = new Set(ENGLISH_BESIDE_FRENCH.map(([en]) => en));
  for (const p of GRID_PROFESSIONS) {
    assert.ok(english.has(p.en), `"${p.en}" (en of "${p.name}") has no French name beside it in the table`);
    for (const a of p.aliases) assert.ok(written.has(a), `alias "${a}" of "${p.name}" is not in the table`);
  }
  // A French name beside an English one is not itself English.
  for (const [en, fr] of ENGLISH_BESIDE_FRENCH) assert.notEqual(normalizeName(en), normalizeName(fr));
});

test('the aliases removed by issue 12 are gone from the data', () => {
  const all = new Set(GRID_PROFESSIONS.flatMap((p) => [p.name, p.en, ...p.aliases]).map(normalizeName));
  for (const removed of ['Conférencier', 'Conférencière', 'Contract manager', 'Marketing director', 'Technicien', 'Supervisor', "Maitre d'"]) {
    assert.ok(!all.has(normalizeName(removed)), removed);
  }
});

test('no two entries share a key; no alias is only another spelling of a name of its own entry', () => {
  const owner = new Map<string, string>();
  for (const p of GRID_PROFESSIONS) {
    const own = new Map<string, string>();
    // (The English name may be the French one: "Manager".)
    for (const n of new Set([p.name, p.en, ...p.aliases])) {
      const k = professionKey(n);
      assert.ok(k, `"${n}" has an empty key`);
      const prev = owner.get(k);
      assert.ok(prev === undefined || prev === p.name, `"${n}" of "${p.name}" has the key of a name of "${prev}"`);
      owner.set(k, p.name);
      const same = own.get(k);
      assert.equal(same, undefined, `"${n}" is only another spelling of "${same}" (normalisation gives it)`);
      own.set(k, n);
    }
  }
});

test('the key of a name: masculine singular words, no articles, no inclusive marks', () => {
  const keys: [string, string][] = [
    ['Directrice des achats à l’international', 'directeur achat international'],
    ['Aide-soignant·e·s', 'aide soignant'],
    ['Vendeur Vendeuse', 'vendeur'],
    ['Constructor', 'constructor'],
    ['toString', 'tostring'],
    ['Cadres commerciaux', 'cadre commercial'],
    ['Maîtresses de conférences', 'maitre conference'],
    ['de la', ''],
  ];
  for (const [written, key] of keys) assert.equal(professionKey(written), key, written);
});

test('the hover says which spelling resolved: the alias, or the text when it matched through its form', () => {
  assert.equal(resolveBuiltin('Vendeur')?.via, undefined);
  assert.equal(resolveBuiltin('  VENDEUR ')?.via, undefined);
  assert.equal(resolveBuiltin('ingenieur')?.via, 'Ingénieur');
  assert.equal(resolveBuiltin('Aide-soignant(e)')?.via, 'Aide-soignant(e)');
  assert.equal(resolveBuiltin(' Vendeur / Vendeuse ')?.via, 'Vendeur / Vendeuse');
});

test('local professions resolve in the feminine, inclusive and "A / B" too, before the grid', () => {
  const idx = new ProfessionIndex([{ name: 'Sommelier', threshold: 'B1', aliases: ['Caviste conseil'] }]);
  for (const written of ['Sommelière', 'Sommelier·ère', 'Sommelier(ère)', 'Sommelier / Sommelière', 'Sommeliers', 'Caviste-conseil']) {
    const r = idx.resolve(written);
    assert.equal(r?.canonical, 'Sommelier', written);
    assert.equal(r?.source, 'local', written);
    assert.equal(r?.threshold?.code, 'B1', written);
  }
  assert.equal(idx.resolve('Sommelier / Serveur'), undefined);
  assert.equal(idx.resolve('Serveuse')?.source, 'grid');
});

test('a file: "Aide-soignant(e)" is the grid\'s Aide-soignant (A2), with no unknown-profession finding', () => {
  const r = checkText(`cloe: 1
language: en
cohorts:
  - id: c
    name: C
    partner: P
    session: 2026-03-15
    candidates:
      - id: K4
        profession: Aide-soignant(e)
        result: A2
      - id: K5
        profession: Directeur·rice commercial·e
        result: C1
      - id: K6
        profession: Conférencier
        result: B2
`);
  const [k4, k5, k6] = r.candidates;
  assert.equal(k4?.profession?.canonical, 'Aide-soignant');
  assert.equal(k4?.profession?.threshold?.code, 'A2');
  assert.equal(k5?.profession?.canonical, 'Directeur commercial');
  assert.equal(k6?.profession, undefined);
  assert.deepEqual(
    r.findings.filter((f) => f.rule === 'unknown-profession').map((f) => r.model.text.slice(f.span.start, f.span.end)),
    ['Conférencier'],
  );
});
