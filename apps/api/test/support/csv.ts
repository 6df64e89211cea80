import { parse } from 'csv-parse/sync';

/**
 * Reads an export back as a spreadsheet would, with an independent parser (csv-parse), and checks
 * what Excel needs: a UTF-8 byte-order mark first, CRLF after every row (never a bare LF between
 * rows), and the same number of cells in every row.
 */
export function parseExport(text: string): string[][] {
  if (!text.startsWith('\uFEFF')) throw new Error('CSV export without a UTF-8 byte-order mark');
  if (!text.endsWith('\r\n')) throw new Error('CSV export not ending with CRLF');
  const rows: string[][] = parse(text, { bom: true, record_delimiter: '\r\n', relax_column_count: false });
  // a record delimiter of CRLF only: a file with LF rows would parse as a single row and fail below
  if (rows.length > 1 && rows.some((row) => row.length !== rows[0].length)) {
    throw new Error('CSV export with rows of different lengths');
  }
  return rows;
}
