import type { CityRole, PlatformRole } from './domain';

/**
 * People as others see them: beside a post, a room message, in a roster. One shape everywhere,
 * built in SQL with the list it belongs to (never a query per person).
 */

/**
 * Languages a person works in (ISO 639-1). The profile offers these; the training issue's matching
 * reads them. Labels come from `Intl.DisplayNames` in the viewer's language.
 */
export const WORK_LANGUAGES = [
  'ar',
  'bn',
  'de',
  'el',
  'en',
  'es',
  'fa',
  'fil',
  'fr',
  'he',
  'hi',
  'id',
  'it',
  'ja',
  'km',
  'ko',
  'ms',
  'my',
  'nl',
  'pl',
  'ps',
  'pt',
  'ro',
  'ru',
  'so',
  'sv',
  'sw',
  'ta',
  'th',
  'ti',
  'tr',
  'uk',
  'ur',
  'vi',
  'zh',
] as const;
export type WorkLanguage = (typeof WORK_LANGUAGES)[number];
/** At most this many languages per profile. */
export const WORK_LANGUAGES_MAX = 12;

/**
 * The one role shown beside a name, most telling first: coordinator of a city shown, facilitator,
 * platform admin, reviewer, official of a city shown. Null for an account with none of these.
 */
export type PersonRole = 'coordinator' | 'facilitator' | 'admin' | 'reviewer' | 'official';

export interface PersonCity {
  id: string;
  name: string;
}

/**
 * A person beside their writing or in a roster. `cities`: inside a partnership (its forum,
 * visits, workshops) only the member cities they belong to; elsewhere all their cities, by name.
 */
export interface PersonSummary {
  id: string;
  displayName: string;
  /** Unique, ASCII, used for `@mentions`. */
  handle: string;
  cities: PersonCity[];
  role: PersonRole | null;
}

/** GET /people/:id — the person card. Never an email address. */
export interface PersonCardDto {
  id: string;
  displayName: string;
  handle: string;
  role: PersonRole | null;
  /** Every platform role the person holds, in PLATFORM_ROLES order (empty for a member). */
  platformRoles: PlatformRole[];
  cities: (PersonCity & { slug: string; role: CityRole })[];
  languages: WorkLanguage[];
  /** IANA time zone; the card shows the local time now. */
  timeZone: string;
}

/** The role shown for a person: see PersonRole. */
export function personRole(platformRoles: readonly PlatformRole[], cityRoles: readonly CityRole[]): PersonRole | null {
  if (cityRoles.includes('coordinator')) return 'coordinator';
  if (platformRoles.includes('facilitator')) return 'facilitator';
  if (platformRoles.includes('admin')) return 'admin';
  if (platformRoles.includes('reviewer')) return 'reviewer';
  if (cityRoles.includes('official')) return 'official';
  return null;
}
