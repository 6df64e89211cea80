import { decodeCursor, encodeCursor, keysetPage } from './cursor';

describe('keysetPage', () => {
  const rows = [
    { at: '2026-01-03', id: 'c' },
    { at: '2026-01-02', id: 'b' },
    { at: '2026-01-01', id: 'a' },
  ];
  const page = (taken: typeof rows, limit: number) =>
    keysetPage(
      taken,
      limit,
      (row) => row.id.toUpperCase(),
      (row) => [row.at, row.id],
    );

  it('keeps `limit` items and points the cursor after the last one when the extra row shows more', () => {
    const result = page(rows, 2);
    expect(result.items).toEqual(['C', 'B']);
    expect(result.nextCursor).not.toBeNull();
    expect(decodeCursor(result.nextCursor ?? undefined, 2)).toEqual(['2026-01-02', 'b']);
  });

  it('has no cursor on the last page, full or not', () => {
    expect(page(rows, 3)).toEqual({ items: ['C', 'B', 'A'], nextCursor: null });
    expect(page(rows.slice(0, 1), 2)).toEqual({ items: ['C'], nextCursor: null });
    expect(page([], 2)).toEqual({ items: [], nextCursor: null });
  });

  it('encodes the same cursor the hand-written pages did', () => {
    expect(page(rows, 1).nextCursor).toBe(encodeCursor(['2026-01-03', 'c']));
  });
});
