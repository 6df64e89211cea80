import { AppError } from './app-error';
import { isUuid } from './id.pipe';

/** Validates `{ [name]: uuid }` with nothing else in it. */
export function idField(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw AppError.validation({ body: ['must be an object'] });
  }
  const extra = Object.keys(body).filter((key) => key !== name);
  if (extra.length > 0) throw AppError.validation(Object.fromEntries(extra.map((k) => [k, ['is not allowed']])));
  const value = (body as Record<string, unknown>)[name];
  if (typeof value !== 'string' || !isUuid(value)) throw AppError.validation({ [name]: [`${name} must be a UUID`] });
  return value;
}
