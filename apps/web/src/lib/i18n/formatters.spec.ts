import { describe, expect, it } from 'vitest';
import { createDurationFormat, createFormatters } from './formatters';

/** Intl separates some parts with narrow or thin no-break spaces; compare with plain ones. */
const plain = (text: string) => text.replace(/[\u2009\u202f\u00a0]/g, ' ');

describe('shared formatters', () => {
  const at = '2026-03-02T14:05:00.000Z';

  it('write dates with the month named in every language, in the viewer’s zone', () => {
    expect(plain(createFormatters('en', 'America/Toronto').dateTime(at))).toBe('Mar 2, 2026, 9:05 AM');
    expect(plain(createFormatters('fr', 'America/Toronto').dateTime(at))).toBe('2 mars 2026, 9:05');
    expect(plain(createFormatters('es', 'Europe/Madrid').date(at))).toBe('2 mar 2026');
    // Arabic names the month too (not 02/03/2026), like the visit and workshop pages.
    expect(createFormatters('ar', 'Asia/Amman').date(at)).toBe('2 مارس 2026');
  });

  it('write times with 12 or 24 hours as the language has it', () => {
    expect(plain(createFormatters('en', 'UTC').time(at))).toBe('2:05 PM');
    expect(createFormatters('fr', 'UTC').time(at)).toBe('14:05');
    expect(createFormatters('es', 'UTC').time(at)).toBe('14:05');
  });

  it('write host days and their ranges without a time zone moving them', () => {
    const format = createFormatters('en', 'Pacific/Kiritimati');
    expect(format.day('2027-03-07')).toBe('Sun, March 7, 2027');
    expect(plain(format.dayRange('2027-03-07', '2027-03-09'))).toBe('Sun, March 7 – Tue, March 9, 2027');
  });

  it('write durations in words', () => {
    expect(createFormatters('en').duration(298)).toBe('4 min, 58 sec');
    expect(plain(createFormatters('fr').duration(5400))).toBe('1 h et 30 min');
    expect(createFormatters('en').duration(0)).toBe('0 sec');
    expect(plain(createFormatters('ar').duration(298, 'narrow'))).toMatch(/4.*58/);
  });

  it('fall back to unit lists without Intl.DurationFormat', () => {
    const intl = Intl as unknown as { DurationFormat?: unknown };
    const saved = intl.DurationFormat;
    delete intl.DurationFormat;
    try {
      expect(plain(createDurationFormat('en', 'short')(298))).toBe('4 min, 58 sec');
      expect(plain(createDurationFormat('fr', 'long')(3660))).toBe('1 heure et 1 minute');
    } finally {
      intl.DurationFormat = saved;
    }
  });
});
