import { ParseUUIDPipe } from '@nestjs/common';
import { AppError } from './app-error';

/** Route ids are UUIDs; anything else cannot name an existing resource, so it is a 404, not a 400. */
export const ParseId = new ParseUUIDPipe({ exceptionFactory: () => AppError.notFound() });

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}
