/** Row helpers the partnership repositories and services share. */

/** A user reference from a nullable id and display name (null when there is no user). */
export const userRef = (id: string | null, name: string | null) => (id ? { id, displayName: name ?? '' } : null);
