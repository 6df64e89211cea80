import { AppError } from './app-error';
import { isUuid } from './id.pipe';

/** Validates `{ [name]: uuid }` with nothing else in it. */
export function idField(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw AppError.field('body', 'isObject');
  }
  const extra = Object.keys(body).filter((key) => key !== name);
  if (extra.length > 0) {
    throw AppError.fromIssues(
      Object.fromEntries(extra.map((k) => [k, [{ rule: 'whitelistValidation' as const, params: { field: k } }]])),
    );
  }
  const value = (body as Record<string, unknown>)[name];
  if (typeof value !== 'string' || !isUuid(value)) throw AppError.field(name, 'isUuid');
  return value;
}
