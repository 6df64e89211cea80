/** Fixed lists shared by the API (validation, database checks) and the web client (filters, labels). */

export const THEMES = [
  'integration',
  'employment',
  'education',
  'transportation',
  'social_services',
  'health',
  'human_security',
  'intercultural_dialogue',
  'environmental_sustainability',
] as const;
export type Theme = (typeof THEMES)[number];

export const REGIONS = ['south_east_asia', 'north_america', 'western_europe'] as const;
export type Region = (typeof REGIONS)[number];

/** Traditional cities of immigration have long received newcomers; emerging ones are recent destinations. */
export const IMMIGRATION_PROFILES = ['traditional', 'emerging'] as const;
export type ImmigrationProfile = (typeof IMMIGRATION_PROFILES)[number];

/** Languages of the user interface. Arabic is written right to left. */
export const UI_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const RTL_LANGUAGES: readonly UiLanguage[] = ['ar'];

/** Platform-wide roles. Facilitators are granted by admins and run live workshops. */
export const PLATFORM_ROLES = ['admin', 'facilitator', 'member'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

/** Roles a user holds within one city. */
export const CITY_ROLES = ['official', 'coordinator'] as const;
export type CityRole = (typeof CITY_ROLES)[number];

export const JOIN_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type JoinRequestStatus = (typeof JOIN_REQUEST_STATUSES)[number];

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
export const DISPLAY_NAME_MAX_LENGTH = 80;
export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;
