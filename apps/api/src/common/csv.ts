import { wallTimeAt } from '@twinning/contracts';

/**
 * CSV that opens correctly in Excel and LibreOffice as well as in code: RFC 4180 (CRLF line ends;
 * fields with a comma, quote or line break are quoted, quotes doubled), a UTF-8 byte-order mark first
 * (without it Excel reads UTF-8 as the local code page and mangles "São Paulo" or Arabic names), and
 * cells that a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return)
 * get a leading single quote, so an export cannot execute anything.
 */

/** The UTF-8 byte-order mark, written once at the very start of the file. */
export const CSV_BOM = '\uFEFF';

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsvRow(values: readonly string[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** A whole CSV file: the byte-order mark, the header row, then the rows. */
export function toCsvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return CSV_BOM + toCsvRow(header) + rows.map(toCsvRow).join('');
}

/**
 * An instant as a spreadsheet reads it, "2026-03-08 14:05:09" in `timeZone` (the column's header names
 * the zone): ISO order, no "T", no "Z", no fractions, which Excel and LibreOffice take as a date and
 * time. Empty for no value.
 */
export function csvDateTime(value: Date | string | null | undefined, timeZone = 'UTC'): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const w = wallTimeAt(timeZone, date);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}
