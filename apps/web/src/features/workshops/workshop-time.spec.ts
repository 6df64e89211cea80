import { describe, expect, it } from 'vitest';
import { describeTimeZone, formatWorkshopRange } from './workshop-time';
import { utcIsoToZonedLocal } from '@twinning/contracts';
import { zonedLocalToUtcIso } from '../../lib/zoned-time';

describe('zonedLocalToUtcIso', () => {
  it('reads a wall-clock time in the given zone, on either side of a daylight-saving change', () => {
    // Toronto: EST (UTC−5) until 8 March 2026, EDT (UTC−4) after.
    expect(zonedLocalToUtcIso('2026-03-06T09:00', 'America/Toronto')).toBe('2026-03-06T14:00:00.000Z');
    expect(zonedLocalToUtcIso('2026-03-10T09:00', 'America/Toronto')).toBe('2026-03-10T13:00:00.000Z');
    expect(zonedLocalToUtcIso('2026-07-01T18:30', 'Asia/Kuala_Lumpur')).toBe('2026-07-01T10:30:00.000Z');
    expect(zonedLocalToUtcIso('2026-01-15T00:15', 'Asia/Kolkata')).toBe('2026-01-14T18:45:00.000Z');
    expect(zonedLocalToUtcIso('2026-01-15T10:00', 'UTC')).toBe('2026-01-15T10:00:00.000Z');
  });

  it('moves a time the clocks skip forward by the gap, and takes the earlier of a time that occurs twice', () => {
    // 02:30 does not exist in Toronto on 8 March 2026; 01:30 happens twice on 1 November 2026.
    expect(zonedLocalToUtcIso('2026-03-08T02:30', 'America/Toronto')).toBe('2026-03-08T07:30:00.000Z');
    expect(zonedLocalToUtcIso('2026-11-01T01:30', 'America/Toronto')).toBe('2026-11-01T05:30:00.000Z');
  });

  it('refuses incomplete or impossible values', () => {
    expect(zonedLocalToUtcIso('', 'UTC')).toBeNull();
    expect(zonedLocalToUtcIso('2026-03-10', 'UTC')).toBeNull();
    expect(zonedLocalToUtcIso('2026-13-10T09:00', 'UTC')).toBeNull();
    expect(zonedLocalToUtcIso('2026-03-10T25:00', 'UTC')).toBeNull();
  });
});

describe('utcIsoToZonedLocal', () => {
  it('writes an instant as the wall-clock time of the zone, and round-trips', () => {
    expect(utcIsoToZonedLocal('2026-03-10T13:00:00.000Z', 'America/Toronto')).toBe('2026-03-10T09:00');
    expect(utcIsoToZonedLocal('2026-03-10T13:00:00.000Z', 'Europe/Amsterdam')).toBe('2026-03-10T14:00');
    expect(utcIsoToZonedLocal('2026-03-10T23:30:00.000Z', 'Asia/Ho_Chi_Minh')).toBe('2026-03-11T06:30');
    for (const zone of ['America/Toronto', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC']) {
      const iso = '2026-10-04T21:45:00.000Z';
      expect(zonedLocalToUtcIso(utcIsoToZonedLocal(iso, zone), zone)).toBe(iso);
    }
  });
});

describe('formatWorkshopRange', () => {
  it('writes the day once, with the zone named, in the viewer’s zone and language', () => {
    const text = formatWorkshopRange('en', 'America/Toronto', '2026-03-10T13:00:00.000Z', '2026-03-10T14:30:00.000Z');
    expect(text).toMatch(/Tue, Mar 10, 2026/);
    expect(text).toMatch(/9:00/);
    expect(text).toMatch(/10:30/);
    expect(text).toMatch(/EDT/);
    expect(text.match(/2026/g)).toHaveLength(1);
    const amsterdam = formatWorkshopRange(
      'fr',
      'Europe/Amsterdam',
      '2026-03-10T13:00:00.000Z',
      '2026-03-10T14:30:00.000Z',
    );
    expect(amsterdam).toMatch(/14:00/);
    expect(amsterdam).toMatch(/15:30/);
  });

  it('names a zone as people know it, with its IANA name', () => {
    expect(describeTimeZone('en', 'America/Toronto')).toBe('Eastern Time (America/Toronto)');
    expect(describeTimeZone('en', 'UTC')).toMatch(/UTC/);
  });
});
