/** Keyset (cursor) pagination: pass `nextCursor` back as `cursor` to get the next page; null means the end. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageQuery {
  cursor?: string;
  limit?: number;
}
