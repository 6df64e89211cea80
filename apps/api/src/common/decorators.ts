import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'twinning:isPublic';

/** Marks a route as reachable without signing in. Every other route requires a valid access token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

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
