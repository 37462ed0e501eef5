/**
 * The built-in CLOE grid ("Grille d'objectifs certificat CLOE"): its tiers and the
 * typical professions of each tier, in the seed's order.
 *
 * Names are written exactly as the grid writes them (French), except the scientific entry,
 * whose list of examples is moved into its aliases.
 *
 * How a name written in a file finds its entry, and the alias policy:
 * 1. Normalisation (`professionKey` in normalize.ts) handles what is only spelling: case,
 *    accents, punctuation, spacing, apostrophes; the feminine ("Directrice", "Conseillère",
 *    "Cheffe", "Vendeuse", "Ingénieure", "Maîtresse"); inclusive writing ("Aide-soignant(e)",
 *    "Directeur·rice commercial·e", "Directeur.rice", "Technicien(ne)"); plurals ("Directeur
 *    de projets"); articles ("Directeur des achats à l'international", "Conseiller de
 *    clientèle"). So no feminine, inclusive or plural form is listed here: every name and
 *    every alias has them all.
 * 2. "A / B" names an entry when both halves name it ("Vendeur / Vendeuse", "Enseignante /
 *    Formatrice", "Ingénieur / Chercheur"): see `designate` in grid.ts.
 * 3. Aliases cover the rest: the names the seed lists inside an entry ("Ingénieur",
 *    "Formateur", "Maître d'hôtel", "Directeur de projet"), the seed's own wording where the
 *    entry's name differs from it, the usual French names of the same job ("Maître de
 *    conférences", "Secrétaire de direction", "Vigile") and English names. Every English alias
 *    has a French name beside it that resolves to the same entry ("Operator", "Opérateur").
 * 4. An alias is only added where the job is unmistakably that entry. A name that could
 *    belong to two tiers, or that is another job placed by analogy, is not an alias: it stays
 *    unknown and gets suggestions, because a wrong tier silently changes an outcome (the
 *    recommended threshold decides the document delivered). Not aliases, for that reason:
 *    "Conférencier" (a speaker or a guide, not a maître de conférences) and "Lecturer" (the
 *    same in English); "Contract manager"; "Marketing director" and "Directeur des ventes"
 *    (directors of jobs the grid places lower); "Sales manager", "Account manager", "Head of
 *    sales" (C1, B2 or B1 sales jobs); "Technicien", "Technician", "Maintenance technician"
 *    (A2, B1 or B2); "Supervisor", "Foreman" (chef d'équipe or chef de ligne); "Customer
 *    service advisor" (conseiller clientèle or conseiller services); "Administrative
 *    assistant", "Administrative officer" (A2, B1 or B2); "Bookkeeper" (an aide-comptable);
 *    "Directeur des achats", "DRH" without "international"; "Developer" (also a property
 *    developer); "Educator" (an éducateur is another job); "Care assistant" and "Personal
 *    assistant" (also home care); "Agent d'accueil" (a réceptionniste, or a job a school
 *    places at A2); "Maître d'" (which normalisation reads as "Maître").
 *    A school that uses such a name declares it under `professions` with its threshold.
 * 5. An alias is never only another spelling of a name of its entry (tested): normalisation
 *    already gives those.
 * No name, `en` or alias of one entry may have the key of one of another entry (tested).
 */
import type { Tier, GridProfession } from './grid-types';

export const TIERS: readonly Tier[] = [
  {
    id: 'C1',
    threshold: 'C1',
    levels: 'C1 & C2',
    user: { fr: 'Utilisateur expérimenté', en: 'Proficient user' },
    objective: {
      fr: 'Maîtrise de la communication professionnelle',
      en: 'Command of professional communication',
    },
    examples: [
      {
        fr: 'Utilise la langue dans son champ professionnel avec aisance.',
        en: 'Uses the language in their professional field with ease.',
      },
      {
        fr: 'Anime des conférences ou conduit des réunions à dimension technique et commerciale et des négociations en contact direct avec le client/fournisseur/partenaire.',
        en: 'Leads conferences or runs technical and commercial meetings and negotiations in direct contact with the client/supplier/partner.',
      },
      {
        fr: "Représente l'entreprise à l'international",
        en: 'Represents the company internationally',
      },
    ],
  },
  {
    id: 'B2',
    threshold: 'B2',
    levels: 'B2',
    user: { fr: 'Utilisateur indépendant', en: 'Independent user' },
    objective: {
      fr: 'Autonomie professionnelle en situations complexes',
      en: 'Professional autonomy in complex situations',
    },
    examples: [
      {
        fr: 'Participe et contribue à des travaux dans la langue',
        en: 'Takes part in and contributes to work carried out in the language',
      },
      {
        fr: "S'exprime de manière active et en maîtrisant l'essentiel du vocabulaire spécifique à son domaine.",
        en: 'Expresses themselves actively, with a command of most of the vocabulary specific to their field.',
      },
      {
        fr: 'Développe des contacts avec les clients et partenaires.',
        en: 'Develops contacts with clients and partners.',
      },
      {
        fr: 'Rédige et reçoit des messages et documents liés à son activité professionnelle.',
        en: 'Writes and receives messages and documents related to their professional activity.',
      },
    ],
  },
  {
    id: 'B1',
    threshold: 'B1',
    levels: 'B1',
    user: { fr: 'Utilisateur indépendant', en: 'Independent user' },
    objective: {
      fr: 'Autonomie professionnelle en situations habituelles',
      en: 'Professional autonomy in familiar situations',
    },
    examples: [
      {
        fr: 'Assure une conversation simple avec des interlocuteurs étrangers',
        en: 'Holds a simple conversation with foreign contacts',
      },
      {
        fr: 'Oriente et informe son interlocuteur (téléphone, réception et rédaction courrier, accueil) et apporte des réponses à des demandes non complexes.',
        en: 'Directs and informs the person they are dealing with (telephone, receiving and writing mail, front desk) and answers non-complex requests.',
      },
      {
        fr: 'Communique de façon occasionnelle avec des clients ou partenaires sur des sujets spécifiques.',
        en: 'Communicates occasionally with clients or partners on specific topics.',
      },
      {
        fr: 'Lit et rédige de la documentation professionnelle simple',
        en: 'Reads and writes simple professional documentation',
      },
    ],
  },
  {
    id: 'A2',
    threshold: 'A2',
    levels: 'A2',
    user: { fr: 'Utilisateur élémentaire', en: 'Basic user' },
    objective: {
      fr: 'Semi-autonomie professionnelle en situations simples',
      en: 'Professional semi-autonomy in simple situations',
    },
    examples: [
      {
        fr: 'Développe un conversationnel de circonstance.',
        en: 'Makes conversation suited to the occasion.',
      },
      {
        fr: 'Se déplace occasionnellement chez le client/partenaire',
        en: 'Occasionally travels to the client/partner',
      },
      {
        fr: 'Assure des missions techniques simples',
        en: 'Carries out simple technical tasks',
      },
      {
        fr: 'Rédige des messages écrits simples.',
        en: 'Writes simple written messages.',
      },
      {
        fr: "Aborde des situations simples d'échange avec des interlocuteurs étrangers",
        en: 'Handles simple exchanges with foreign contacts',
      },
    ],
  },
  {
    id: 'A1',
    threshold: null,
    levels: 'A1',
    user: { fr: 'Utilisateur élémentaire', en: 'Basic user' },
    objective: {
      fr: 'En-dessous du niveau cible du certificat CLOE',
      en: 'Below the target level of the CLOE certificate',
    },
    examples: [],
  },
];

export const GRID_PROFESSIONS: readonly GridProfession[] = [
  // C1 & C2: Maîtrise de la communication professionnelle
  {
    name: 'Responsable Stratégie Internationale',
    en: 'International strategy manager',
    tier: 'C1',
    aliases: [
      'Directeur de la stratégie internationale',
      'Head of international strategy',
      'International strategy director',
      'International strategy lead',
    ],
  },
  {
    name: "Directeur achats à l'international",
    en: 'International purchasing director',
    tier: 'C1',
    aliases: ['International procurement director', 'Global purchasing director', 'Global procurement director'],
  },
  {
    name: 'Directeur de projet ou de contrat',
    en: 'Project or contract director',
    tier: 'C1',
    aliases: ['Directeur de projet', 'Directeur de contrat', 'Directeur de projet / contrat', 'Project director', 'Contract director'],
  },
  {
    name: 'Directeur commercial',
    en: 'Sales director',
    tier: 'C1',
    aliases: ['Commercial director', 'Chief sales officer'],
  },
  {
    name: "Directeur Ressources Humaines à l'International",
    en: 'International human resources director',
    tier: 'C1',
    aliases: ["Directeur RH à l'international", "DRH à l'international", 'International HR director', 'Global HR director', 'Head of international HR'],
  },
  {
    name: 'Maître conférencier',
    en: 'Senior lecturer',
    tier: 'C1',
    aliases: ['Maître de conférences', 'MCF', 'University lecturer', 'Associate professor'],
  },

  // B2: Autonomie professionnelle en situations complexes
  {
    name: 'Responsable des achats',
    en: 'Purchasing manager',
    tier: 'B2',
    aliases: ['Procurement manager', 'Head of purchasing', 'Head of procurement'],
  },
  {
    name: 'Assistant de direction',
    en: 'Executive assistant',
    tier: 'B2',
    aliases: ['Secrétaire de direction', 'Management assistant', 'Executive secretary'],
  },
  {
    name: 'Auditeur',
    en: 'Auditor',
    tier: 'B2',
    aliases: ['Auditeur interne', 'Auditeur externe', 'Internal auditor', 'External auditor'],
  },
  {
    name: 'Avocat',
    en: 'Lawyer',
    tier: 'B2',
    aliases: ['Attorney', 'Barrister', 'Solicitor'],
  },
  {
    name: 'Cadre commercial',
    en: 'Sales executive',
    tier: 'B2',
    aliases: ['Responsable du développement commercial', 'Business development manager'],
  },
  {
    name: 'Chef de projet',
    en: 'Project manager',
    tier: 'B2',
    aliases: ['Project lead', 'Project leader'],
  },
  {
    name: 'Conseiller financier',
    en: 'Financial adviser',
    tier: 'B2',
    aliases: ['Consultant financier', 'Conseiller en gestion de patrimoine', 'Financial advisor', 'Financial consultant', 'Financial planner'],
  },
  {
    name: 'Enseignant / Formateur',
    en: 'Teacher / Trainer',
    tier: 'B2',
    aliases: ['Enseignant', 'Formateur', 'Professeur', 'Instructeur', 'Teacher', 'Trainer', 'Instructor'],
  },
  {
    name: "Maître d'hôtel / Responsable de structure hôtelière",
    en: 'Head waiter / Hotel manager',
    tier: 'B2',
    aliases: ["Maître d'hôtel", 'Responsable de structure hôtelière', "Gérant d'hôtel", 'Head waiter', 'Hotel manager'],
  },
  {
    name: 'Manager',
    en: 'Manager',
    tier: 'B2',
    aliases: ['Manageur', 'Chef de service', 'Cadre intermédiaire', 'Department manager', 'Head of department', 'Middle manager'],
  },
  {
    name: 'Médecin',
    en: 'Doctor',
    tier: 'B2',
    aliases: ['Médecin généraliste', 'Physician', 'Medical doctor', 'General practitioner'],
  },
  {
    // The seed writes "Profession scientifique / technique : (Ingénieur, scientifique, programmeur, chercheur,)".
    name: 'Profession scientifique / technique',
    en: 'Scientific / technical profession',
    tier: 'B2',
    aliases: [
      'Profession scientifique / technique : (Ingénieur, scientifique, programmeur, chercheur,)',
      'Ingénieur, scientifique, programmeur, chercheur',
      'Ingénieur',
      'Scientifique',
      'Programmeur',
      'Chercheur',
      'Développeur',
      'Développeur logiciel',
      'Profession scientifique',
      'Profession technique',
      'Engineer',
      'Scientist',
      'Programmer',
      'Software developer',
      'Researcher',
    ],
  },
  {
    name: 'Responsable marketing',
    en: 'Marketing manager',
    tier: 'B2',
    aliases: ['Responsable de marque', 'Head of marketing', 'Brand manager'],
  },

  // B1: Autonomie professionnelle en situations habituelles
  {
    name: 'Acheteur',
    en: 'Buyer',
    tier: 'B1',
    aliases: ['Purchaser', 'Purchasing officer', 'Procurement officer'],
  },
  {
    name: 'Agent immobilier',
    en: 'Real estate agent',
    tier: 'B1',
    aliases: ['Négociateur immobilier', 'Estate agent', 'Realtor', 'Real estate broker'],
  },
  {
    name: 'Agent logistique',
    en: 'Logistics agent',
    tier: 'B1',
    aliases: ['Logistics officer', 'Logistics clerk'],
  },
  {
    name: 'Assistant RH',
    en: 'HR assistant',
    tier: 'B1',
    aliases: ['Assistant ressources humaines', 'Human resources assistant'],
  },
  {
    name: "Chef d'équipe",
    en: 'Team leader',
    tier: 'B1',
    aliases: ['Team lead'],
  },
  {
    name: 'Comptable',
    en: 'Accountant',
    tier: 'B1',
    aliases: [],
  },
  {
    name: 'Conseiller clientèle',
    en: 'Customer adviser',
    tier: 'B1',
    aliases: ['Customer advisor'],
  },
  {
    name: 'Employé administratif spécialisé',
    en: 'Specialised administrative clerk',
    tier: 'B1',
    aliases: ['Specialized administrative clerk'],
  },
  {
    name: 'Expert technique',
    en: 'Technical expert',
    tier: 'B1',
    aliases: ['Spécialiste technique', 'Technical specialist'],
  },
  {
    name: 'Réceptionniste',
    en: 'Receptionist',
    tier: 'B1',
    aliases: ['Front desk agent', 'Front desk clerk', 'Hotel receptionist'],
  },
  {
    name: "Responsable d'unité commerciale",
    en: 'Sales unit manager',
    tier: 'B1',
    aliases: ['Responsable de magasin', 'Store manager', 'Shop manager'],
  },
  {
    name: 'Serveur en restaurant',
    en: 'Restaurant waiter',
    tier: 'B1',
    aliases: ['Serveur', 'Waiter', 'Waitress', 'Server'],
  },

  // A2: Semi-autonomie professionnelle en situations simples
  {
    name: 'Agent de sécurité',
    en: 'Security guard',
    tier: 'A2',
    aliases: ['Vigile', 'Security officer', 'Security agent'],
  },
  {
    name: 'Aide-soignant',
    en: 'Nursing assistant',
    tier: 'A2',
    aliases: ['Healthcare assistant', 'Nurse aide'],
  },
  {
    name: 'Chauffeur-routier',
    en: 'Truck driver',
    tier: 'A2',
    aliases: [
      'Conducteur routier',
      'Routier',
      'Chauffeur poids lourd',
      'Conducteur poids lourd',
      'Lorry driver',
      'Long-haul truck driver',
      'Heavy goods vehicle driver',
    ],
  },
  {
    name: 'Chef de ligne',
    en: 'Line leader',
    tier: 'A2',
    aliases: ['Chef de ligne de production', 'Line supervisor', 'Production line leader', 'Production line supervisor'],
  },
  {
    name: 'Conseiller services',
    en: 'Services adviser',
    tier: 'A2',
    aliases: ['Service advisor'],
  },
  {
    name: 'Employé administratif',
    en: 'Administrative clerk',
    tier: 'A2',
    aliases: ['Employé de bureau', 'Office clerk', 'Clerical worker'],
  },
  {
    name: 'Intervenant technique',
    en: 'Field technician',
    tier: 'A2',
    aliases: ["Technicien d'intervention", 'Service technician'],
  },
  {
    name: 'Membre du personnel hôtelier',
    en: 'Hotel staff member',
    tier: 'A2',
    aliases: ['Personnel hôtelier', "Employé d'hôtel", 'Hotel staff', 'Hotel worker', 'Hotel employee'],
  },
  {
    name: 'Personnel technique / opérationnel',
    en: 'Technical / operational staff',
    tier: 'A2',
    aliases: ['Personnel technique', 'Personnel opérationnel', 'Opérateur', 'Technical staff', 'Operational staff', 'Operator'],
  },
  {
    name: 'Vendeur',
    en: 'Salesperson',
    tier: 'A2',
    aliases: ['Vendeur en magasin', 'Conseiller de vente', 'Sales assistant', 'Shop assistant', 'Sales associate'],
  },
];
