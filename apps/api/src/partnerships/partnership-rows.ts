/** Row and SQL helpers the partnership repositories share. */

/** A user reference from a nullable id and display name (null when there is no user). */
export const userRef = (id: string | null, name: string | null) => (id ? { id, displayName: name ?? '' } : null);

/**
 * `column = $n` for each column whose value is defined (undefined: left as it is), in the order
 * given; the values are appended to `params`, which already holds the statement's other parameters.
 */
export function assignments(params: unknown[], values: Record<string, unknown>): string[] {
  const sets: string[] = [];
  for (const [column, value] of Object.entries(values)) {
    if (value === undefined) continue;
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  }
  return sets;
}
