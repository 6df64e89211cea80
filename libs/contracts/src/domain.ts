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

/**
 * Platform-wide roles, granted by admins; a user holds a set of them (none: a member, as everyone signed in
 * is). Facilitators run live workshops; reviewers sit on the advisory board that reviews online courses.
 */
export const PLATFORM_ROLES = ['admin', 'facilitator', 'reviewer'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

/** Whether a set of platform roles holds `role` (the one check api and web read roles through). */
export function holdsRole(roles: readonly PlatformRole[], role: PlatformRole): boolean {
  return roles.includes(role);
}

/** The roles of a set in PLATFORM_ROLES order, each once: how the API stores and returns them. */
export function normalizeRoles(roles: readonly PlatformRole[]): PlatformRole[] {
  return PLATFORM_ROLES.filter((role) => roles.includes(role));
}

/** Roles a user holds within one city. */
export const CITY_ROLES = ['official', 'coordinator'] as const;
export type CityRole = (typeof CITY_ROLES)[number];

export const JOIN_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type JoinRequestStatus = (typeof JOIN_REQUEST_STATUSES)[number];

/**
 * A partnership's lifecycle: proposed → active → concluded, or declined / withdrawn while proposed.
 * Each city in it has its own status: the proposing city is a member from the start, invited
 * cities accept or decline, and an invitation may be withdrawn by the cities that sent it.
 */
export const PARTNERSHIP_STATUSES = ['proposed', 'active', 'concluded', 'declined', 'withdrawn'] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

export const PARTNERSHIP_CITY_STATUSES = ['member', 'invited', 'declined', 'withdrawn'] as const;
export type PartnershipCityStatus = (typeof PARTNERSHIP_CITY_STATUSES)[number];

/** Roles inside a partnership: coordinators of member cities, and their officials (members). */
export const PARTNERSHIP_ROLES = ['coordinator', 'member'] as const;
export type PartnershipRole = (typeof PARTNERSHIP_ROLES)[number];

export const MILESTONE_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** Per-thread notification level: watching notifies every reply, normal only mentions, muted nothing. */
export const NOTIFICATION_LEVELS = ['watching', 'normal', 'muted'] as const;
export type NotificationLevel = (typeof NOTIFICATION_LEVELS)[number];

export const FLAG_REASONS = ['spam', 'abusive', 'off_topic', 'private_information', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

export const FLAG_STATUSES = ['open', 'upheld', 'dismissed'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

export const PARTNERSHIP_TITLE_MAX_LENGTH = 140;
export const PARTNERSHIP_GOALS_MAX_LENGTH = 4000;
export const PARTNERSHIP_MESSAGE_MAX_LENGTH = 2000;
export const THREAD_TITLE_MIN_LENGTH = 3;
export const THREAD_TITLE_MAX_LENGTH = 160;
export const POST_BODY_MAX_LENGTH = 20000;
export const MODERATION_REASON_MAX_LENGTH = 500;
/** Longest forum silence a moderator may set, in minutes (30 days). */
export const SILENCE_MAX_MINUTES = 30 * 24 * 60;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
export const DISPLAY_NAME_MAX_LENGTH = 80;
export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;
