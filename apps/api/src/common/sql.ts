/** Escapes LIKE/ILIKE wildcards so user text matches literally (the default escape character is \). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Rows changed by an UPDATE or DELETE run through `DataSource.query` / `EntityManager.query`: the
 * PostgreSQL driver answers those with `[rows, rowCount]`.
 */
export function affectedRows(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && typeof result[1] === 'number') return result[1];
  throw new Error('affectedRows expects the result of an UPDATE or DELETE');
}

/** Row SQL helpers shared by the feature services. */

export const iso = (value: Date | string): string => new Date(value).toISOString();
export const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : iso(value));

/** A timestamp as exact text (microseconds, UTC) for keyset cursors; JS dates would drop the microseconds. */
export const exactTime = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The rows of an UPDATE … RETURNING or DELETE … RETURNING (the driver answers those with `[rows, rowCount]`). */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  throw new Error('returnedRows expects the result of an UPDATE or DELETE … RETURNING');
}
