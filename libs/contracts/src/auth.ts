import type { PlatformRole, UiLanguage, CityRole } from './domain';
import type { WorkLanguage } from './people';

export interface RegisterRequest {
  email: string;
  password: string;
  displayName: string;
  preferredLanguage?: UiLanguage;
  timeZone?: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

/** A city the user belongs to, with their role there. */
export interface MyCityMembership {
  cityId: string;
  citySlug: string;
  cityName: string;
  role: CityRole;
}

/**
 * Where the account's address stands: verified, not yet verified, or bouncing (a mail server
 * refused it permanently; no mail goes to it until it is re-verified or changed).
 */
export type EmailStatus = 'verified' | 'unverified' | 'bouncing';

export interface MeDto {
  id: string;
  email: string;
  displayName: string;
  /** Unique, ASCII, used for `@mentions`. */
  handle: string;
  preferredLanguage: UiLanguage;
  timeZone: string;
  /** Languages I work in (ISO 639-1, from WORK_LANGUAGES). */
  languages: WorkLanguage[];
  /** Platform roles held, in PLATFORM_ROLES order; empty for a member. */
  roles: PlatformRole[];
  cities: MyCityMembership[];
  emailStatus: EmailStatus;
  createdAt: string;
  /** False until the owner follows a verification link: they can read but not post or join. */
  emailVerified: boolean;
}

/**
 * Answer of register, login and refresh. The refresh token itself travels only in an
 * httpOnly cookie; the access token is short-lived and sent as `Authorization: Bearer`.
 */
export interface AuthResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: MeDto;
}

/**
 * Answer of register (202): the same whether or not the address already has an account, and no
 * session. A new address gets a verification link; an existing account's owner is told someone tried.
 */
export interface CheckYourMailResponse {
  status: 'check_your_mail';
}

/** Follows a verification link: verifies the address and signs in (an AuthResponse). */
export interface VerifyEmailRequest {
  token: string;
}

export interface ForgotPasswordRequest {
  email: string;
}

/** Sets a new password from a reset link; every session of the account is signed out. */
export interface ResetPasswordRequest {
  token: string;
  password: string;
}

/** Profile: other sessions are signed out; the answer carries a fresh access token for this one. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/**
 * Profile: a verification link goes to the new address; the account's address changes only when it
 * is followed (as Discourse and GitHub do), and then the old address is told.
 */
export interface ChangeEmailRequest {
  email: string;
  currentPassword: string;
}

/** Lifetimes of the links sent by mail. */
export const VERIFY_EMAIL_TTL_HOURS = 24;
export const RESET_PASSWORD_TTL_MINUTES = 30;

export interface UpdateProfileRequest {
  displayName?: string;
  preferredLanguage?: UiLanguage;
  timeZone?: string;
  /** Replaces the list; each from WORK_LANGUAGES, at most WORK_LANGUAGES_MAX. */
  languages?: WorkLanguage[];
}

export interface UserSummary {
  id: string;
  displayName: string;
}

/** A user as shown beside their writing: with the handle others type to mention them. */
export interface AuthorDto extends UserSummary {
  handle: string;
}

export interface AdminUserDto extends UserSummary {
  email: string;
  /** Platform roles held, in PLATFORM_ROLES order; empty for a member. */
  roles: PlatformRole[];
  createdAt: string;
}

/** PUT /admin/users/:id/role — replaces the user's set of platform roles (each at most once; empty: a member). */
export interface SetPlatformRoleRequest {
  roles: PlatformRole[];
}

export const REFRESH_COOKIE_NAME = 'twinning_refresh';
