import { describe, expect, it } from 'vitest';
import { addMonths, formatDateRange, monthWeeks, parseMonth, zoneAbbreviation } from './visit-time';
import { utcIsoToZonedLocal, zonedDate } from '@twinning/contracts';
import { zonedLocalToUtcIso } from '../../lib/zoned-time';

describe('visit time helpers', () => {
  it('reads wall time in a zone on either side of a daylight-saving change', () => {
    // 2026-03-08: Toronto moves from EST (UTC−5) to EDT (UTC−4) at 2 AM.
    expect(zonedLocalToUtcIso('2026-03-08T01:30', 'America/Toronto')).toBe('2026-03-08T06:30:00.000Z');
    expect(zonedLocalToUtcIso('2026-03-08T09:00', 'America/Toronto')).toBe('2026-03-08T13:00:00.000Z');
    // 2:30 does not exist that night: it moves forward by the gap.
    expect(zonedLocalToUtcIso('2026-03-08T02:30', 'America/Toronto')).toBe('2026-03-08T07:30:00.000Z');
    // 1:30 on 2026-11-01 happens twice: the first (EDT) one.
    expect(zonedLocalToUtcIso('2026-11-01T01:30', 'America/Toronto')).toBe('2026-11-01T05:30:00.000Z');
    expect(zonedLocalToUtcIso('2026-03-08', 'America/Toronto')).toBeNull();
    expect(utcIsoToZonedLocal('2026-03-08T13:00:00.000Z', 'Asia/Kuala_Lumpur')).toBe('2026-03-08T21:00');
    expect(utcIsoToZonedLocal('2026-03-08T13:00:00.000Z', 'Europe/Lisbon')).toBe('2026-03-08T13:00');
    expect(zonedDate(new Date('2026-03-09T22:00:00.000Z'), 'Asia/Kuala_Lumpur')).toBe('2026-03-10');
  });

  it('names the zone as it is at that instant', () => {
    expect(zoneAbbreviation('en', 'America/Toronto', new Date('2026-03-08T06:00:00.000Z'))).toBe('EST');
    expect(zoneAbbreviation('en', 'America/Toronto', new Date('2026-03-08T13:00:00.000Z'))).toBe('EDT');
  });

  it('writes calendar dates without shifting them to any zone', () => {
    expect(formatDateRange('en', '2026-03-08', '2026-03-10')).toBe('Sun, Mar 8\u2009–\u2009Tue, Mar 10, 2026');
    expect(formatDateRange('en', '2026-03-08', '2026-03-08')).toBe('Sun, Mar 8, 2026');
  });

  it('builds whole weeks around a month, from the locale’s first weekday', () => {
    const mondayFirst = monthWeeks('2026-03', 1);
    expect(mondayFirst[0]).toEqual([
      '2026-02-23',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
    ]);
    expect(mondayFirst.at(-1)?.at(-1)).toBe('2026-04-05');
    const sundayFirst = monthWeeks('2026-03', 7);
    expect(sundayFirst[0]?.[0]).toBe('2026-03-01');
    expect(sundayFirst).toHaveLength(5);
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(parseMonth('2026-13')).toBeNull();
    expect(parseMonth('2026-03')).toBe('2026-03');
  });
});
