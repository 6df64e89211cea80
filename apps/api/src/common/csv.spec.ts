import { parse } from 'csv-parse/sync';
import { CSV_BOM, csvCell, csvDateTime, toCsvDocument } from './csv';

describe('CSV for spreadsheets', () => {
  it('writes a document that csv-parse reads back cell for cell', () => {
    const rows = [
      ['São Paulo', 'مرسيليا', 'Line\nbreak', 'say "hi"', 'a,b'],
      ['=1+1', '-2', '+33 1 23', '@SUM(A1)', '\tx'],
      ['', ' spaced ', "it's", '2026-03-08 09:00:00', '42'],
    ];
    const text = toCsvDocument(['A', 'B', 'C', 'D', 'E'], rows);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.replace(/"[^"]*"/g, '').split('\r\n')).toHaveLength(5); // CRLF rows, none bare LF outside quotes
    const back: string[][] = parse(text, { bom: true, record_delimiter: '\r\n' });
    expect(back[0]).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(back[1]).toEqual(rows[0]);
    // formulas are defused with a leading quote, nothing else changes
    expect(back[2]).toEqual(["'=1+1", "'-2", "'+33 1 23", "'@SUM(A1)", "'\tx"]);
    expect(back[3]).toEqual(rows[2]);
    expect(csvCell('=a,b')).toBe(`"'=a,b"`);
  });

  it('writes instants as wall time in a zone, without ISO T and Z', () => {
    expect(csvDateTime('2026-03-08T06:30:05.123Z')).toBe('2026-03-08 06:30:05');
    expect(csvDateTime(new Date('2026-03-08T06:30:05Z'), 'America/Toronto')).toBe('2026-03-08 01:30:05');
    expect(csvDateTime('2026-03-08T13:00:00Z', 'America/Toronto')).toBe('2026-03-08 09:00:00'); // after the change
    expect(csvDateTime('2026-03-08T23:59:59Z', 'Asia/Kuala_Lumpur')).toBe('2026-03-09 07:59:59');
    expect(csvDateTime(null)).toBe('');
    expect(csvDateTime('not a date')).toBe('');
  });
});
