/**
 * CSV per RFC 4180 (CRLF line ends; fields with a comma, quote or line break are quoted, quotes
 * doubled). Cells that a spreadsheet would run as a formula (starting with = + - @, or a tab or
 * carriage return) get a leading single quote, so an exported log cannot execute anything.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsvRow(values: readonly string[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
