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
