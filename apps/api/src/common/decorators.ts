import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { negotiateUiLanguage, type UiLanguage } from '@twinning/contracts';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'twinning:isPublic';

/** Marks a route as reachable without signing in. Every other route requires a valid access token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const REQUIRES_VERIFIED_EMAIL = 'twinning:requiresVerifiedEmail';

/**
 * Marks a route that writes for others to see or commits the user (post, join a city, register,
 * propose): an account whose address is not verified gets EMAIL_NOT_VERIFIED (403). Reading stays open.
 * Checked once, by the global auth guard.
 */
export const RequireVerifiedEmail = () => SetMetadata(REQUIRES_VERIFIED_EMAIL, true);

/** The authenticated user of the request (set by the JWT guard). */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  const request = ctx.switchToHttp().getRequest<{ user?: AuthUser }>();
  if (!request.user) throw new Error('CurrentUser used on a route without authentication');
  return request.user;
});

/** The authenticated user when there is one, on public routes that adapt to the viewer. */
export const OptionalUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthUser | null =>
    ctx.switchToHttp().getRequest<{ user?: AuthUser }>().user ?? null,
);

/** The interface language the request asks for (`Accept-Language`, q-values honoured; English by default). */
export const RequestLanguage = createParamDecorator((_data: unknown, ctx: ExecutionContext): UiLanguage =>
  negotiateUiLanguage(
    ctx.switchToHttp().getRequest<{ headers?: Record<string, string | string[] | undefined> }>().headers?.[
      'accept-language'
    ],
  ),
);
