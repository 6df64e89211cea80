import { ParseUUIDPipe } from '@nestjs/common';
import { AppError } from './app-error';

/** Route ids are UUIDs; anything else cannot name an existing resource, so it is a 404, not a 400. */
export const ParseId = new ParseUUIDPipe({ exceptionFactory: () => AppError.notFound() });
