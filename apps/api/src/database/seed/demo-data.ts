import type { CityRole, CreateCityRequest, PlatformRole, UiLanguage, WorkLanguage } from '@twinning/contracts';

/** Every demo account uses this password (documented in the README). Demo mode only. */
export const DEMO_PASSWORD = 'twinning-demo-2026';

export interface DemoUser {
  email: string;
  displayName: string;
  role: PlatformRole;
  preferredLanguage: UiLanguage;
  timeZone: string;
  /** Languages they work in (the person card). */
  languages: WorkLanguage[];
  cities: { slug: string; role: CityRole; status: 'approved' | 'pending'; message?: string }[];
}

export const DEMO_USERS: DemoUser[] = [
  {
    email: 'admin@twinning.demo',
    displayName: 'Amira Haddad',
    role: 'admin',
    preferredLanguage: 'en',
    timeZone: 'Europe/Amsterdam',
    languages: ['ar', 'en', 'nl'],
    cities: [],
  },
  {
    email: 'facilitator@twinning.demo',
    displayName: 'Lucía Fernández',
    role: 'facilitator',
    preferredLanguage: 'es',
    timeZone: 'Europe/Madrid',
    languages: ['es', 'en', 'pt'],
    cities: [],
  },
  {
    email: 'coordinator.toronto@twinning.demo',
    displayName: 'Daniel Okafor',
    role: 'member',
    preferredLanguage: 'en',
    timeZone: 'America/Toronto',
    languages: ['en', 'fr'],
    cities: [{ slug: 'toronto', role: 'coordinator', status: 'approved' }],
  },
  {
    email: 'official.toronto@twinning.demo',
    displayName: 'Marie Tremblay',
    role: 'member',
    preferredLanguage: 'fr',
    timeZone: 'America/Toronto',
    languages: ['fr', 'en'],
    cities: [{ slug: 'toronto', role: 'official', status: 'approved' }],
  },
  {
    email: 'coordinator.penang@twinning.demo',
    displayName: 'Nurul Aziz',
    role: 'member',
    preferredLanguage: 'en',
    timeZone: 'Asia/Kuala_Lumpur',
    languages: ['ms', 'en', 'zh', 'ta'],
    cities: [{ slug: 'george-town-penang', role: 'coordinator', status: 'approved' }],
  },
  {
    email: 'coordinator.rotterdam@twinning.demo',
    displayName: 'Pieter de Vries',
    role: 'member',
    preferredLanguage: 'en',
    timeZone: 'Europe/Amsterdam',
    languages: ['nl', 'en', 'de'],
    cities: [{ slug: 'rotterdam', role: 'coordinator', status: 'approved' }],
  },
  {
    email: 'coordinator.danang@twinning.demo',
    displayName: 'Trần Minh Anh',
    role: 'member',
    preferredLanguage: 'en',
    timeZone: 'Asia/Ho_Chi_Minh',
    languages: ['vi', 'en'],
    cities: [{ slug: 'da-nang', role: 'coordinator', status: 'approved' }],
  },
  {
    email: 'official.marseille@twinning.demo',
    displayName: 'Karim Benali',
    role: 'member',
    preferredLanguage: 'ar',
    timeZone: 'Europe/Paris',
    languages: ['fr', 'ar'],
    cities: [{ slug: 'marseille', role: 'official', status: 'approved' }],
  },
  {
    email: 'member@twinning.demo',
    displayName: 'Sofía Ramírez',
    role: 'member',
    preferredLanguage: 'es',
    timeZone: 'Europe/Madrid',
    languages: ['es', 'en'],
    cities: [
      {
        slug: 'toronto',
        role: 'official',
        status: 'pending',
        message: 'Policy adviser at Valencia’s migration office, seconded to Toronto’s Newcomer Office for 2027.',
      },
    ],
  },
];

export const DEMO_CITIES: (CreateCityRequest & { slug: string })[] = [
  {
    slug: 'toronto',
    name: 'Toronto',
    countryCode: 'CA',
    region: 'north_america',
    immigrationProfile: 'traditional',
    population: 2_794_356,
    languages: ['en', 'fr'],
    timeZone: 'America/Toronto',
    themes: ['integration', 'employment', 'social_services', 'intercultural_dialogue'],
    description:
      'Half of Toronto’s residents were born outside Canada. The city runs a Newcomer Strategy with settlement services, credential recognition partnerships and a municipal ID for access to services regardless of status.',
  },
  {
    slug: 'montreal',
    name: 'Montréal',
    countryCode: 'CA',
    region: 'north_america',
    immigrationProfile: 'traditional',
    population: 1_762_949,
    languages: ['fr', 'en'],
    timeZone: 'America/Toronto',
    themes: ['integration', 'education', 'intercultural_dialogue', 'human_security'],
    description:
      'Montréal’s Bureau d’intégration des nouveaux arrivants coordinates French-language learning, intercultural mediation in neighbourhoods and a sanctuary-city policy for residents with precarious status.',
  },
  {
    slug: 'vancouver',
    name: 'Vancouver',
    countryCode: 'CA',
    region: 'north_america',
    immigrationProfile: 'traditional',
    population: 662_248,
    languages: ['en', 'zh-Hant', 'pa'],
    timeZone: 'America/Vancouver',
    themes: ['integration', 'health', 'environmental_sustainability', 'transportation'],
    description:
      'A Pacific gateway city where four in ten residents are immigrants, many from East and South-East Asia. Works on newcomer access to housing, health navigation and climate-resilient neighbourhoods.',
  },
  {
    slug: 'new-york-city',
    name: 'New York City',
    countryCode: 'US',
    region: 'north_america',
    immigrationProfile: 'traditional',
    population: 8_258_035,
    languages: ['en', 'es', 'zh-Hans'],
    timeZone: 'America/New_York',
    themes: ['integration', 'employment', 'human_security', 'social_services'],
    description:
      'The Mayor’s Office of Immigrant Affairs offers free legal screenings, language access across city agencies and IDNYC, a municipal identity card open to every resident.',
  },
  {
    slug: 'houston',
    name: 'Houston',
    countryCode: 'US',
    region: 'north_america',
    immigrationProfile: 'traditional',
    population: 2_314_157,
    languages: ['en', 'es', 'vi'],
    timeZone: 'America/Chicago',
    themes: ['employment', 'health', 'human_security'],
    description:
      'One of the most diverse metropolitan areas in the United States, with a large Vietnamese community. Focus on refugee resettlement, workforce training and disaster preparedness for newcomers.',
  },
  {
    slug: 'rotterdam',
    name: 'Rotterdam',
    countryCode: 'NL',
    region: 'western_europe',
    immigrationProfile: 'traditional',
    population: 664_311,
    languages: ['nl', 'en'],
    timeZone: 'Europe/Amsterdam',
    themes: ['integration', 'employment', 'education', 'intercultural_dialogue'],
    description:
      'A port city where most young people have a migration background. Known for combining language courses with work placements and for neighbourhood-based integration teams.',
  },
  {
    slug: 'marseille',
    name: 'Marseille',
    countryCode: 'FR',
    region: 'western_europe',
    immigrationProfile: 'traditional',
    population: 873_076,
    languages: ['fr', 'ar'],
    timeZone: 'Europe/Paris',
    themes: ['intercultural_dialogue', 'social_services', 'education', 'human_security'],
    description:
      'Mediterranean crossroads with long-standing North African, Armenian and Comorian communities. Works on inter-faith dialogue, school support and reception of unaccompanied minors.',
  },
  {
    slug: 'lisbon',
    name: 'Lisbon',
    countryCode: 'PT',
    region: 'western_europe',
    immigrationProfile: 'emerging',
    population: 545_796,
    languages: ['pt', 'en'],
    timeZone: 'Europe/Lisbon',
    themes: ['integration', 'social_services', 'health', 'transportation'],
    description:
      'Immigration has doubled in a decade, from Brazil, South Asia and Portuguese-speaking Africa. The municipal plan for migrants focuses on one-stop reception centres and access to primary health care.',
  },
  {
    slug: 'valencia',
    name: 'Valencia',
    countryCode: 'ES',
    region: 'western_europe',
    immigrationProfile: 'emerging',
    population: 807_693,
    languages: ['es', 'ca'],
    timeZone: 'Europe/Madrid',
    themes: ['employment', 'environmental_sustainability', 'intercultural_dialogue'],
    description:
      'A growing destination for Latin American and North African newcomers, with an intercultural city strategy, agricultural labour programmes and anti-rumour campaigns.',
  },
  {
    slug: 'dublin',
    name: 'Dublin',
    countryCode: 'IE',
    region: 'western_europe',
    immigrationProfile: 'emerging',
    population: 592_713,
    languages: ['en', 'ga'],
    timeZone: 'Europe/Dublin',
    themes: ['employment', 'education', 'social_services'],
    description:
      'Became a city of immigration within a generation. Priorities include recognition of foreign qualifications, English-language support in schools and the reception of people seeking international protection.',
  },
  {
    slug: 'singapore',
    name: 'Singapore',
    countryCode: 'SG',
    region: 'south_east_asia',
    immigrationProfile: 'traditional',
    population: 5_917_600,
    languages: ['en', 'zh-Hans', 'ms', 'ta'],
    timeZone: 'Asia/Singapore',
    themes: ['employment', 'education', 'transportation', 'health'],
    description:
      'A city-state built by migration, where a third of residents are foreign-born. Shares experience on migrant worker welfare, multilingual public services and integration through housing estates.',
  },
  {
    slug: 'george-town-penang',
    name: 'George Town (Penang)',
    countryCode: 'MY',
    region: 'south_east_asia',
    immigrationProfile: 'emerging',
    population: 794_313,
    languages: ['ms', 'en', 'zh-Hans', 'ta'],
    timeZone: 'Asia/Kuala_Lumpur',
    themes: ['employment', 'health', 'human_security', 'intercultural_dialogue'],
    description:
      'Penang’s electronics and manufacturing sector draws migrant workers from Bangladesh, Myanmar, Nepal and Indonesia. The city council is building services for labour rights, health access and community relations.',
  },
  {
    slug: 'kuala-lumpur',
    name: 'Kuala Lumpur',
    countryCode: 'MY',
    region: 'south_east_asia',
    immigrationProfile: 'emerging',
    population: 1_982_112,
    languages: ['ms', 'en', 'zh-Hans', 'ta'],
    timeZone: 'Asia/Kuala_Lumpur',
    themes: ['integration', 'education', 'human_security', 'social_services'],
    description:
      'Hosts most of Malaysia’s registered refugees, largely from Myanmar, alongside many migrant workers. Works with community learning centres and on access to basic services in the absence of a national framework.',
  },
  {
    slug: 'da-nang',
    name: 'Da Nang',
    countryCode: 'VN',
    region: 'south_east_asia',
    immigrationProfile: 'emerging',
    population: 1_220_190,
    languages: ['vi', 'en'],
    timeZone: 'Asia/Ho_Chi_Minh',
    themes: ['employment', 'education', 'transportation', 'environmental_sustainability'],
    description:
      'A fast-growing coastal city attracting internal migrants and, increasingly, foreign workers and investors. Interested in international practice on newcomer services, schooling and urban transport.',
  },
  {
    slug: 'bangkok',
    name: 'Bangkok',
    countryCode: 'TH',
    region: 'south_east_asia',
    immigrationProfile: 'emerging',
    population: 5_471_588,
    languages: ['th', 'en'],
    timeZone: 'Asia/Bangkok',
    themes: ['health', 'human_security', 'employment', 'social_services'],
    description:
      'Millions of workers from Myanmar, Cambodia and Laos live in the metropolitan area. The Bangkok Metropolitan Administration is developing health outreach and protection against trafficking.',
  },
  {
    slug: 'cebu-city',
    name: 'Cebu City',
    countryCode: 'PH',
    region: 'south_east_asia',
    immigrationProfile: 'emerging',
    population: 964_169,
    languages: ['ceb', 'fil', 'en'],
    timeZone: 'Asia/Manila',
    themes: ['education', 'employment', 'intercultural_dialogue'],
    description:
      'A hub of the Visayas with growing international arrivals, and a city of origin for many overseas workers. Interested in reintegration of returning migrants and skills programmes.',
  },
];
