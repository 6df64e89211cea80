import type { PlatformRole, UiLanguage, CityRole } from './domain';

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
  role: PlatformRole;
  cities: MyCityMembership[];
  emailStatus: EmailStatus;
  createdAt: string;
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

export interface UpdateProfileRequest {
  displayName?: string;
  preferredLanguage?: UiLanguage;
  timeZone?: string;
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
  role: PlatformRole;
  createdAt: string;
}

export interface SetPlatformRoleRequest {
  role: PlatformRole;
}

export const REFRESH_COOKIE_NAME = 'twinning_refresh';
