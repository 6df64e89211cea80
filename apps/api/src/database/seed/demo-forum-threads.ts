import type { FlagReason, Theme } from '@twinning/contracts';

/** The language a demo text is written in: posts and threads get a `language` column derived from it. */
export type DemoLanguage = 'en' | 'fr' | 'es' | 'ar' | 'vi';

export interface DemoPost {
  /** The author, by the local part of their demo email (coordinator.toronto@twinning.demo → coordinator.toronto). */
  by: string;
  body: string;
  /** When the post is not in its thread's language. */
  lang?: DemoLanguage;
  /** A report; open unless `resolved` says how a moderator decided it. */
  flag?: {
    by: string;
    reason: FlagReason;
    note: string;
    resolved?: { by: string; decision: 'uphold' | 'dismiss'; reason: string };
  };
  /** Hidden by a moderator (without a flag). */
  hidden?: { by: string; reason: string };
}

export interface DemoThread {
  title: string;
  /** The thread's (and its posts') language, unless a post says otherwise. */
  lang: DemoLanguage;
  themes: Theme[];
  posts: DemoPost[];
  pinned?: boolean;
  /** Pinned or locked by a moderator, with the reason the audit log records. */
  moderated?: { by: string; pin?: boolean; lock?: string };
}

/**
 * Threads of the public theme forums: every theme has a few, in English, French, Spanish and Arabic,
 * with replies from officials of several cities, a flagged post or two and a hidden one.
 */
export const DEMO_THEME_THREADS: (DemoThread & { forum: Theme })[] = [
  {
    forum: 'integration',
    title: 'تعليم اللغة للقادمين الجدد: تجارب المدن',
    lang: 'ar',
    themes: ['integration', 'education'],
    posts: [
      {
        by: 'official.marseille',
        body:
          'في مرسيليا نقدّم دروس اللغة الفرنسية في المكتبات العامة مساءً، مع رعاية للأطفال أثناء الدرس. ' +
          'ما الذي نجح في مدنكم لجذب الأمهات العاملات إلى هذه الدروس؟',
      },
      {
        by: 'coordinator.toronto',
        lang: 'en',
        body: 'In Toronto, childcare on site was the single biggest factor. We also moved classes to Saturday mornings.',
      },
      {
        by: 'member',
        lang: 'es',
        body: 'Ofrezco clases particulares de español a buen precio, ¡escríbanme por privado!',
        flag: {
          by: 'coordinator.toronto',
          reason: 'off_topic',
          note: 'Private advertising, not an exchange between cities.',
        },
      },
    ],
  },
  {
    forum: 'integration',
    title: 'Welcome centres: one door or many?',
    lang: 'en',
    themes: ['integration', 'social_services'],
    moderated: { by: 'admin', pin: true },
    posts: [
      {
        by: 'official.lisbon',
        body:
          'Lisbon’s National Support Centre for Migrant Integration brings 18 services under one roof, from ' +
          'residence permits to school enrolment. Queues are long though. Has anyone combined a central desk ' +
          'with neighbourhood outposts?',
      },
      {
        by: 'official.montreal',
        lang: 'fr',
        body:
          'À Montréal, le Bureau d’intégration des nouveaux arrivants a des antennes dans cinq arrondissements. ' +
          'Les rendez-vous se prennent en ligne en neuf langues ; les absences ont baissé d’un tiers.',
      },
      {
        by: 'coordinator.rotterdam',
        body:
          'Rotterdam went the other way: one front door, but case workers visit people at home in the first ' +
          'month. The first month is when trust is won or lost.',
      },
    ],
  },
  {
    forum: 'employment',
    title: 'Programas de mentoría laboral entre ciudades',
    lang: 'es',
    themes: ['employment'],
    posts: [
      {
        by: 'facilitator',
        body:
          'En Valencia emparejamos a personas recién llegadas con profesionales jubilados del mismo sector. ' +
          '¿Alguien ha medido el impacto a dos años?',
      },
      {
        by: 'coordinator.rotterdam',
        lang: 'en',
        body: 'Rotterdam did: 58% in work after two years with a mentor, 41% without. Happy to share the study.',
      },
      {
        by: 'official.valencia',
        body:
          'Gracias, Pieter. En nuestro caso, lo que más ayudó fue que la mentora acompañara a la primera ' +
          'entrevista de trabajo. Lo probamos con 40 parejas este año.',
      },
    ],
  },
  {
    forum: 'employment',
    title: 'Reconnaissance des diplômes : délais et raccourcis',
    lang: 'fr',
    themes: ['employment', 'education'],
    posts: [
      {
        by: 'official.toronto',
        body:
          'Une infirmière formée à l’étranger attend en moyenne 14 mois son permis en Ontario. Quels délais ' +
          'observez-vous, et qu’est-ce qui les a réduits ?',
      },
      {
        by: 'official.marseille',
        lang: 'ar',
        body:
          'في فرنسا يستغرق الاعتراف بشهادات الأطباء أكثر من سنتين. في مرسيليا بدأنا بتدريب عملي مدفوع ' +
          'في المستشفيات أثناء انتظار القرار، حتى لا يفقد الأطباء مهاراتهم.',
      },
      {
        by: 'member',
        lang: 'en',
        body: 'Buy certified diploma translations in 24h!!! Cheap prices, WhatsApp +34 600 000 000',
        flag: {
          by: 'official.toronto',
          reason: 'spam',
          note: 'Advertising with a phone number.',
          resolved: { by: 'admin', decision: 'uphold', reason: 'Advertising is not allowed in the forums.' },
        },
      },
    ],
  },
  {
    forum: 'education',
    title: 'Enrolling children who arrive mid-year',
    lang: 'en',
    themes: ['education'],
    posts: [
      {
        by: 'coordinator.danang',
        body:
          'Families of workers in Da Nang’s industrial parks often arrive in March, when classes are full. ' +
          'How do your cities place children mid-year without months of waiting?',
      },
      {
        by: 'official.montreal',
        lang: 'fr',
        body:
          'Montréal a des « classes d’accueil » qui ouvrent toute l’année : francisation intensive pendant ' +
          'dix mois au plus, puis intégration en classe ordinaire.',
      },
      {
        by: 'official.penang',
        body:
          'In George Town, NGOs run community learning centres that follow the national syllabus. Schools ' +
          'accept their pupils the following January with a placement test.',
      },
      {
        by: 'member',
        body:
          'The Haidari family at 14 Rua das Flores, Lisbon, still has no school for their two girls (9 and 12). ' +
          'Their phone is +351 912 000 000, could someone call them?',
        flag: {
          by: 'official.lisbon',
          reason: 'private_information',
          note: 'Names, address and phone number of a family, posted publicly.',
        },
      },
    ],
  },
  {
    forum: 'education',
    title: 'Mediadores interculturales en las escuelas',
    lang: 'es',
    themes: ['education', 'intercultural_dialogue'],
    posts: [
      {
        by: 'official.valencia',
        body:
          'Valencia tiene 22 mediadores que hablan árabe, rumano, urdu y wolof. Median en tutorías y ' +
          'matrículas. ¿Cómo financian otras ciudades estos puestos?',
      },
      {
        by: 'official.marseille',
        lang: 'fr',
        body:
          'À Marseille, ce sont des adultes-relais financés par l’État et la ville. Le contrat dure trois ans, ' +
          'trop peu pour garder les bonnes personnes.',
      },
    ],
  },
  {
    forum: 'transportation',
    title: 'Titres de transport gratuits pour les demandeurs d’asile ?',
    lang: 'fr',
    themes: ['transportation', 'social_services'],
    moderated: {
      by: 'admin',
      lock: 'The question is answered; the discussion goes on in the Rotterdam – Da Nang forum.',
    },
    posts: [
      {
        by: 'official.marseille',
        body:
          'La Métropole étudie un abonnement gratuit pendant la procédure d’asile. Vos villes ont-elles chiffré ' +
          'le coût et l’effet sur l’accès aux rendez-vous ?',
      },
      {
        by: 'coordinator.rotterdam',
        lang: 'en',
        body:
          'Rotterdam gives a free monthly pass for the first six months. Missed appointments at the municipality ' +
          'dropped by half; the cost is about €1.4 million a year.',
      },
      {
        by: 'member',
        lang: 'en',
        body: 'Everyone knows these people just ride around all day instead of working.',
        hidden: { by: 'admin', reason: 'Demeaning generalisation about asylum seekers.' },
      },
    ],
  },
  {
    forum: 'transportation',
    title: 'النقل الليلي للعاملين في المناوبات',
    lang: 'ar',
    themes: ['transportation', 'employment'],
    posts: [
      {
        by: 'official.marseille',
        body:
          'كثير من العاملين الجدد في الموانئ والمستشفيات يبدؤون عملهم قبل الفجر. هل لديكم حافلات ليلية ' +
          'مخصّصة لهذه المناوبات؟',
      },
      {
        by: 'coordinator.danang',
        lang: 'en',
        body:
          'Da Nang added two night lines to the industrial parks in 2026, timed to the 22:00 and 06:00 shift ' +
          'changes. Employers pay a third of the cost.',
      },
    ],
  },
  {
    forum: 'social_services',
    title: 'Emergency housing when shelters are full',
    lang: 'en',
    themes: ['social_services'],
    posts: [
      {
        by: 'coordinator.toronto',
        body:
          'Toronto’s shelters run above 98% occupancy every winter. We now rent hotel rooms and convert ' +
          'community centres. What do other cities do when the system is full?',
      },
      {
        by: 'official.lisbon',
        body:
          'Lisbon pairs families with hosts through a municipal programme, with a monthly allowance for ' +
          'the host. Around 300 families were placed last year.',
      },
      {
        by: 'official.valencia',
        lang: 'es',
        body:
          'En Valencia el problema es la salida: hay plazas de acogida, pero nadie alquila a quien no tiene ' +
          'nómina. Probamos un aval municipal para los primeros seis meses de alquiler.',
        flag: {
          by: 'member',
          reason: 'other',
          note: 'Not sure this belongs here.',
          resolved: { by: 'admin', decision: 'dismiss', reason: 'On topic: it is about housing after shelters.' },
        },
      },
    ],
  },
  {
    forum: 'social_services',
    title: 'Ventanilla única de servicios sociales para migrantes',
    lang: 'es',
    themes: ['social_services', 'integration'],
    posts: [
      {
        by: 'member',
        body:
          'Estoy preparando un informe sobre ventanillas únicas en ciudades europeas. ¿Qué indicadores usan ' +
          'para saber si funcionan?',
      },
      {
        by: 'coordinator.rotterdam',
        lang: 'en',
        body:
          'We track time to first appointment, how many people come back a second time, and complaints. ' +
          'The second one told us the most.',
      },
    ],
  },
  {
    forum: 'health',
    title: 'Interprètes médicaux : téléphone ou présentiel ?',
    lang: 'fr',
    themes: ['health'],
    posts: [
      {
        by: 'official.montreal',
        body:
          'Nos CLSC passent à l’interprétariat par vidéo. Les soignants aiment la rapidité, les patients ' +
          'moins. Avez-vous des retours ?',
      },
      {
        by: 'coordinator.penang',
        lang: 'en',
        body:
          'Penang’s state hospitals use trained volunteers for Burmese, Bengali and Nepali. Video works for ' +
          'follow-ups, but for a first consultation people want someone in the room.',
      },
      {
        by: 'official.marseille',
        lang: 'ar',
        body: 'نفس الملاحظة في مرسيليا: المريض يثق أكثر بالمترجم الحاضر، خصوصًا في الصحة النفسية وصحة المرأة.',
      },
    ],
  },
  {
    forum: 'health',
    title: 'Mental health support for newly arrived young people',
    lang: 'en',
    themes: ['health', 'education'],
    posts: [
      {
        by: 'coordinator.danang',
        body:
          'We are starting school counselling for children of internal migrants. Which screening tools work ' +
          'across languages?',
      },
      {
        by: 'official.toronto',
        lang: 'fr',
        body:
          'À Toronto, les infirmières scolaires utilisent un questionnaire court traduit en 12 langues, puis ' +
          'orientent vers des équipes spécialisées. Je vous envoie la liste.',
      },
    ],
  },
  {
    forum: 'human_security',
    title: 'حماية العاملات المنزليات المهاجرات',
    lang: 'ar',
    themes: ['human_security', 'employment'],
    posts: [
      {
        by: 'official.marseille',
        body:
          'نعمل مع جمعيات في مرسيليا على خطّ هاتفي للعاملات المنزليات اللواتي يتعرّضن للاستغلال. ' +
          'كيف تصل مدنكم إلى عاملات لا يخرجن من البيوت تقريبًا؟',
      },
      {
        by: 'coordinator.penang',
        lang: 'en',
        body:
          'In Penang, outreach happens where they are allowed to go: churches, mosques and the Sunday market. ' +
          'Cards with a hotline number fit in a phone case.',
      },
      {
        by: 'facilitator',
        lang: 'es',
        body: 'Muy buena idea. Podríamos dedicar un taller a este tema en primavera, con la OIT como invitada.',
      },
    ],
  },
  {
    forum: 'human_security',
    title: 'Reporting hate incidents without fear of immigration checks',
    lang: 'en',
    themes: ['human_security'],
    posts: [
      {
        by: 'coordinator.rotterdam',
        body:
          'Rotterdam police agreed a “firewall”: victims who report a crime are not checked for residence status. ' +
          'Reports from undocumented residents tripled.',
      },
      {
        by: 'official.lisbon',
        body:
          'Lisbon’s municipal ombudsman accepts anonymous reports through community associations. We publish ' +
          'the figures every quarter.',
      },
    ],
  },
  {
    forum: 'intercultural_dialogue',
    title: 'Fêtes de quartier et dialogue interculturel',
    lang: 'fr',
    themes: ['intercultural_dialogue'],
    posts: [
      {
        by: 'official.toronto',
        body:
          'Nos repas de quartier réunissent nouveaux arrivants et voisins de longue date. Comment éviter que ' +
          'ce soient toujours les mêmes personnes qui viennent ?',
      },
      {
        by: 'official.valencia',
        lang: 'es',
        body:
          'En Valencia lo organizan las propias asociaciones de migrantes, y el ayuntamiento solo pone el ' +
          'espacio. Así viene gente distinta cada vez.',
      },
      {
        by: 'coordinator.danang',
        lang: 'en',
        body: 'Same in Da Nang: when the invitation comes from a neighbour, not from the city, people come.',
      },
    ],
  },
  {
    forum: 'intercultural_dialogue',
    title: 'Bibliotecas vivas: personas migrantes como «libros»',
    lang: 'es',
    themes: ['intercultural_dialogue', 'education'],
    posts: [
      {
        by: 'facilitator',
        body:
          'En las bibliotecas vivas, el público «lee» a una persona durante 20 minutos de conversación. ' +
          '¿Alguien lo ha hecho con personas refugiadas?',
      },
      {
        by: 'official.lisbon',
        lang: 'en',
        body:
          'Lisbon’s libraries have run one twice a year since 2019. The rule that matters: the “books” choose ' +
          'which questions they answer.',
      },
    ],
  },
  {
    forum: 'environmental_sustainability',
    title: 'Climate-displaced newcomers and city planning',
    lang: 'en',
    themes: ['environmental_sustainability', 'integration'],
    posts: [
      {
        by: 'coordinator.danang',
        body:
          'After the 2025 floods, families from the Mekong delta settled in Da Nang. Does anyone plan housing ' +
          'and services for climate migration explicitly?',
      },
      {
        by: 'coordinator.rotterdam',
        body:
          'Not yet as a category, but our water-resilience plan now includes where new residents will live. ' +
          'Happy to compare notes.',
      },
    ],
  },
  {
    forum: 'environmental_sustainability',
    title: 'جمعيات المهاجرين في مشاريع التشجير الحضري',
    lang: 'ar',
    themes: ['environmental_sustainability', 'intercultural_dialogue'],
    posts: [
      {
        by: 'official.marseille',
        body:
          'شاركت جمعيات الجاليات في مرسيليا في زراعة ألف شجرة في الأحياء الشمالية. كان ذلك فرصة للتعارف ' +
          'بين السكان الجدد والقدامى.',
      },
      {
        by: 'official.montreal',
        lang: 'fr',
        body:
          'Belle initiative ! À Montréal, les jardins collectifs jouent ce rôle : un tiers des jardiniers sont ' +
          'arrivés au Canada depuis moins de cinq ans.',
      },
    ],
  },
];
