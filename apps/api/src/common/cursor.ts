import type { Page } from '@twinning/contracts';
import { AppError } from './app-error';

/** Opaque keyset cursors: base64url of a JSON array of the sort key values. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor<T extends (string | number)[]>(cursor: string | undefined, arity: number): T | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === arity &&
      parsed.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return parsed as T;
    }
  } catch {
    // fall through
  }
  throw AppError.field('cursor', 'invalidCursor');
}

/**
 * A keyset page from the `limit + 1` rows a repository read: the first `limit` rows as items, and a
 * cursor after the last of them when the extra row shows there is more.
 */
export function keysetPage<R, T>(
  rows: readonly R[],
  limit: number,
  item: (row: R) => T,
  key: (row: R) => (string | number)[],
): Page<T> {
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return { items: kept.map(item), nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}
