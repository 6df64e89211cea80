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

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as a spreadsheet reads it, "2026-03-08 14:05:09" in `timeZone` (the column's header names
 * the zone): ISO order, no "T", no "Z", no fractions, which Excel and LibreOffice take as a date and
 * time. Empty for no value.
 */
export function csvDateTime(value: Date | string | null | undefined, timeZone = 'UTC'): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}
