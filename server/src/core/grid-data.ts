/**
 * The built-in CLOE grid ("Grille d'objectifs certificat CLOE"): its tiers and the
 * typical professions of each tier, in the seed's order.
 *
 * Names are written exactly as the grid writes them (French), except the scientific entry,
 * whose list of examples is moved into its aliases. Matching ignores case, accents,
 * punctuation and extra spaces, so no name, `en` or alias of one entry may equal, after
 * that normalisation, one of another entry.
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
    aliases: ['Head of international strategy', 'International strategy director', 'International strategy lead'],
  },
  {
    name: "Directeur achats à l'international",
    en: 'International purchasing director',
    tier: 'C1',
    aliases: [
      "Directrice achats à l'international",
      'International procurement director',
      'Global purchasing director',
      'Global procurement director',
    ],
  },
  {
    name: 'Directeur de projet ou de contrat',
    en: 'Project or contract director',
    tier: 'C1',
    aliases: ['Directrice de projet ou de contrat', 
      'Directeur de projet',
      'Directeur de contrat',
      'Directrice de projet',
      'Directrice de contrat',
      'Project director',
      'Contract director',
      'Contract manager',
    ],
  },
  {
    name: 'Directeur commercial',
    en: 'Sales director',
    tier: 'C1',
    aliases: ['Directrice commerciale', 'Commercial director', 'Head of sales', 'Chief sales officer'],
  },
  {
    name: "Directeur Ressources Humaines à l'International",
    en: 'International human resources director',
    tier: 'C1',
    aliases: [
      "Directrice Ressources Humaines à l'International",
      'International HR director',
      'Global HR director',
      'Head of international HR',
    ],
  },
  {
    name: 'Maître conférencier',
    en: 'Senior lecturer',
    tier: 'C1',
    aliases: ['Maîtresse de conférences', 'Maître de conférences', 'Conférencier', 'Conférencière', 'Lecturer', 'University lecturer', 'Associate professor'],
  },

  // B2: Autonomie professionnelle en situations complexes
  {
    name: 'Responsable des achats',
    en: 'Purchasing manager',
    tier: 'B2',
    aliases: ['Responsable achats', 'Procurement manager', 'Head of purchasing', 'Head of procurement'],
  },
  {
    name: 'Assistant de direction',
    en: 'Executive assistant',
    tier: 'B2',
    aliases: ['Assistante de direction', 'Secrétaire de direction', 'Management assistant', 'Personal assistant', 'Executive secretary'],
  },
  {
    name: 'Auditeur',
    en: 'Auditor',
    tier: 'B2',
    aliases: ['Auditrice', 'Internal auditor', 'External auditor'],
  },
  {
    name: 'Avocat',
    en: 'Lawyer',
    tier: 'B2',
    aliases: ['Avocate', 'Attorney', 'Barrister', 'Solicitor'],
  },
  {
    name: 'Cadre commercial',
    en: 'Sales executive',
    tier: 'B2',
    aliases: ['Sales manager', 'Account manager', 'Business development manager'],
  },
  {
    name: 'Chef de projet',
    en: 'Project manager',
    tier: 'B2',
    aliases: ['Cheffe de projet', 'Chef de projets', 'Project lead', 'Project leader'],
  },
  {
    name: 'Conseiller financier',
    en: 'Financial adviser',
    tier: 'B2',
    aliases: ['Conseillère financière', 'Financial advisor', 'Financial consultant', 'Financial planner'],
  },
  {
    name: 'Enseignant / Formateur',
    en: 'Teacher / Trainer',
    tier: 'B2',
    aliases: ['Professeure', 
      'Enseignant',
      'Formateur',
      'Enseignante',
      'Formatrice',
      'Professeur',
      'Teacher',
      'Trainer',
      'Instructor',
      'Educator',
    ],
  },
  {
    name: "Maître d'hôtel / Responsable de structure hôtelière",
    en: 'Head waiter / Hotel manager',
    tier: 'B2',
    aliases: ["Maître d'hôtel", 'Responsable de structure hôtelière', 'Head waiter', 'Hotel manager', "Maitre d'"],
  },
  {
    name: 'Manager',
    en: 'Manager',
    tier: 'B2',
    aliases: ['Department manager', 'Head of department', 'Middle manager'],
  },
  {
    name: 'Médecin',
    en: 'Doctor',
    tier: 'B2',
    aliases: ['Physician', 'Medical doctor', 'General practitioner'],
  },
  {
    // The seed writes "Profession scientifique / technique : (Ingénieur, scientifique, programmeur, chercheur,)".
    name: 'Profession scientifique / technique',
    en: 'Scientific / technical profession',
    tier: 'B2',
    aliases: [
      'Ingénieur',
      'Scientifique',
      'Programmeur',
      'Chercheur',
      'Ingénieure',
      'Programmeuse',
      'Chercheuse',
      'Développeur',
      'Développeuse',
      'Profession scientifique',
      'Profession technique',
      'Engineer',
      'Scientist',
      'Programmer',
      'Software developer',
      'Developer',
      'Researcher',
    ],
  },
  {
    name: 'Responsable marketing',
    en: 'Marketing manager',
    tier: 'B2',
    aliases: ['Head of marketing', 'Marketing director', 'Brand manager'],
  },

  // B1: Autonomie professionnelle en situations habituelles
  {
    name: 'Acheteur',
    en: 'Buyer',
    tier: 'B1',
    aliases: ['Acheteuse', 'Purchaser', 'Purchasing officer', 'Procurement officer'],
  },
  {
    name: 'Agent immobilier',
    en: 'Real estate agent',
    tier: 'B1',
    aliases: ['Agente immobilière', 'Estate agent', 'Realtor', 'Real estate broker'],
  },
  {
    name: 'Agent logistique',
    en: 'Logistics agent',
    tier: 'B1',
    aliases: ['Agente logistique', 'Logistics officer', 'Logistics clerk', 'Logistics coordinator'],
  },
  {
    name: 'Assistant RH',
    en: 'HR assistant',
    tier: 'B1',
    aliases: [
      'Assistante RH',
      'Assistant ressources humaines',
      'Assistante ressources humaines',
      'Human resources assistant',
      'HR administrator',
    ],
  },
  {
    name: "Chef d'équipe",
    en: 'Team leader',
    tier: 'B1',
    aliases: ["Cheffe d'équipe", 'Team lead', 'Supervisor', 'Foreman'],
  },
  {
    name: 'Comptable',
    en: 'Accountant',
    tier: 'B1',
    aliases: ['Bookkeeper', 'Accounts assistant'],
  },
  {
    name: 'Conseiller clientèle',
    en: 'Customer adviser',
    tier: 'B1',
    aliases: ['Conseillère clientèle', 'Customer advisor', 'Customer service representative', 'Customer service advisor'],
  },
  {
    name: 'Employé administratif spécialisé',
    en: 'Specialised administrative clerk',
    tier: 'B1',
    aliases: ['Employée administrative spécialisée', 'Specialized administrative clerk', 'Administrative officer'],
  },
  {
    name: 'Expert technique',
    en: 'Technical expert',
    tier: 'B1',
    aliases: ['Experte technique', 'Technical specialist', 'Technical consultant'],
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
    aliases: ['Store manager', 'Shop manager', 'Branch manager'],
  },
  {
    name: 'Serveur en restaurant',
    en: 'Restaurant waiter',
    tier: 'B1',
    aliases: ['Serveuse en restaurant', 'Serveur', 'Serveuse', 'Waiter', 'Waitress', 'Server'],
  },

  // A2: Semi-autonomie professionnelle en situations simples
  {
    name: 'Agent de sécurité',
    en: 'Security guard',
    tier: 'A2',
    aliases: ['Agente de sécurité', 'Security officer', 'Security agent'],
  },
  {
    name: 'Aide-soignant',
    en: 'Nursing assistant',
    tier: 'A2',
    aliases: ['Aide-soignante', 'Care assistant', 'Healthcare assistant', 'Nurse aide'],
  },
  {
    name: 'Chauffeur-routier',
    en: 'Truck driver',
    tier: 'A2',
    aliases: ['Chauffeuse-routière', 'Conducteur routier', 'Conductrice routière', 'Lorry driver', 'Long-haul truck driver', 'Heavy goods vehicle driver'],
  },
  {
    name: 'Chef de ligne',
    en: 'Line leader',
    tier: 'A2',
    aliases: ['Cheffe de ligne', 'Line supervisor', 'Production line leader', 'Production line supervisor'],
  },
  {
    name: 'Conseiller services',
    en: 'Services adviser',
    tier: 'A2',
    aliases: ['Conseillère services', 'Service adviser', 'Service advisor', 'Services advisor'],
  },
  {
    name: 'Employé administratif',
    en: 'Administrative clerk',
    tier: 'A2',
    aliases: ['Employée administrative', 'Office clerk', 'Clerical worker', 'Administrative assistant'],
  },
  {
    name: 'Intervenant technique',
    en: 'Field technician',
    tier: 'A2',
    aliases: ['Technicien', 'Technicienne', 'Intervenante technique', 'Technician', 'Maintenance technician', 'Service technician'],
  },
  {
    name: 'Membre du personnel hôtelier',
    en: 'Hotel staff member',
    tier: 'A2',
    aliases: ['Personnel hôtelier', 'Hotel staff', 'Hotel worker', 'Hotel employee'],
  },
  {
    name: 'Personnel technique / opérationnel',
    en: 'Technical / operational staff',
    tier: 'A2',
    aliases: ['Personnel technique', 'Personnel opérationnel', 'Technical staff', 'Operational staff', 'Operator'],
  },
  {
    name: 'Vendeur',
    en: 'Salesperson',
    tier: 'A2',
    aliases: ['Vendeuse', 'Sales assistant', 'Shop assistant', 'Sales associate'],
  },
];
