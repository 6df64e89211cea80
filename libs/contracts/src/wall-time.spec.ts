import {
  isValidTimeZone,
  localToInstant,
  parseLocalDateTime,
  startOfLocalDay,
  utcIsoToZonedLocal,
  wallTimeAt,
  zonedDate,
  zonedLocalToUtcIso,
  zoneOffsetAt,
  zoneTransitions,
} from './wall-time';

const local = (s: string) => {
  const parsed = parseLocalDateTime(s);
  if (!parsed) throw new Error(s);
  return parsed;
};
const H = 3600_000;

describe('wall time', () => {
  it('parses only real wall times', () => {
    expect(parseLocalDateTime('2027-03-14T09:05')).toEqual({ year: 2027, month: 3, day: 14, hour: 9, minute: 5 });
    for (const bad of [
      '2027-02-29T10:00',
      '2027-13-01T10:00',
      '2027-03-14T24:00',
      '2027-03-14 09:00',
      '2027-3-14T9:00',
      '2027-03-14T09:00:30',
    ]) {
      expect(parseLocalDateTime(bad)).toBeNull();
    }
  });

  it('accepts seconds only when asked to', () => {
    expect(parseLocalDateTime('2027-03-14T09:05:30', { seconds: true })).toEqual({
      year: 2027,
      month: 3,
      day: 14,
      hour: 9,
      minute: 5,
      second: 30,
    });
    expect(parseLocalDateTime('2027-03-14T09:05', { seconds: true })).toEqual(local('2027-03-14T09:05'));
    expect(parseLocalDateTime('2027-03-14T09:05:60', { seconds: true })).toBeNull();
  });

  it('knows the zones the runtime knows', () => {
    expect(isValidTimeZone('America/Toronto')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('converts wall time to UTC on both sides of a spring-forward change', () => {
    for (const skipped of ['reject', 'shift-forward'] as const) {
      expect(localToInstant('America/Toronto', local('2027-03-14T01:00'), skipped)).toEqual({
        kind: 'ok',
        instant: new Date('2027-03-14T06:00:00Z'),
      });
      expect(localToInstant('America/Toronto', local('2027-03-14T09:00'), skipped)).toEqual({
        kind: 'ok',
        instant: new Date('2027-03-14T13:00:00Z'),
      });
      expect(localToInstant('Asia/Kuala_Lumpur', local('2027-03-14T09:00'), skipped)).toEqual({
        kind: 'ok',
        instant: new Date('2027-03-14T01:00:00Z'),
      });
    }
  });

  describe('a wall time the clocks skip', () => {
    it("is reported with the jump under 'reject'", () => {
      expect(localToInstant('America/Toronto', local('2027-03-14T02:30'), 'reject')).toEqual({
        kind: 'gap',
        gapStartLocal: '2027-03-14T02:00',
        gapEndLocal: '2027-03-14T03:00',
      });
      expect(localToInstant('Europe/Lisbon', local('2027-03-28T01:15'), 'reject')).toMatchObject({ kind: 'gap' });
      expect(zonedLocalToUtcIso('2026-03-08T02:30', 'America/Toronto', 'reject')).toBeNull();
    });

    it("moves forward by the gap under 'shift-forward' (the offset before the gap)", () => {
      expect(localToInstant('America/Toronto', local('2027-03-14T02:30'), 'shift-forward')).toEqual({
        kind: 'shifted',
        instant: new Date('2027-03-14T07:30:00Z'),
      });
      expect(localToInstant('Europe/Lisbon', local('2027-03-28T01:15'), 'shift-forward')).toEqual({
        kind: 'shifted',
        instant: new Date('2027-03-28T01:15:00Z'),
      });
      // 2:30 does not exist in Toronto on 8 March 2026: it reads as 3:30 EDT.
      expect(zonedLocalToUtcIso('2026-03-08T02:30', 'America/Toronto', 'shift-forward')).toBe(
        '2026-03-08T07:30:00.000Z',
      );
      expect(utcIsoToZonedLocal('2026-03-08T07:30:00.000Z', 'America/Toronto')).toBe('2026-03-08T03:30');
    });
  });

  it('reads a wall time the clocks pass twice as its first occurrence, whatever the policy', () => {
    for (const skipped of ['reject', 'shift-forward'] as const) {
      expect(localToInstant('America/Toronto', local('2027-11-07T01:30'), skipped)).toEqual({
        kind: 'ambiguous',
        instant: new Date('2027-11-07T05:30:00Z'),
        later: new Date('2027-11-07T06:30:00Z'),
      });
      expect(zonedLocalToUtcIso('2026-11-01T01:30', 'America/Toronto', skipped)).toBe('2026-11-01T05:30:00.000Z');
      // East of UTC too (the web's former copy answered the later one here): summer time, not winter time.
      expect(zonedLocalToUtcIso('2026-10-25T02:30', 'Europe/Paris', skipped)).toBe('2026-10-25T00:30:00.000Z');
      expect(zonedLocalToUtcIso('2026-10-25T01:30', 'Europe/Lisbon', skipped)).toBe('2026-10-25T00:30:00.000Z');
      expect(zonedLocalToUtcIso('2026-04-05T02:30', 'Australia/Sydney', skipped)).toBe('2026-04-04T15:30:00.000Z');
    }
  });

  it('formats instants back to wall time and finds the start of a day', () => {
    expect(wallTimeAt('Europe/Lisbon', new Date('2027-07-01T12:00:00Z'))).toMatchObject({ hour: 13, minute: 0 });
    expect(startOfLocalDay('America/Toronto', '2027-03-14').toISOString()).toBe('2027-03-14T05:00:00.000Z');
    // Santiago skips midnight when DST starts: the day begins at 01:00.
    expect(startOfLocalDay('America/Santiago', '2027-09-05').toISOString()).toBe('2027-09-05T04:00:00.000Z');
  });

  it('lists the actual offset changes of a year', () => {
    expect(zoneTransitions('America/Toronto', 2027, 2027)).toEqual([
      { at: Date.parse('2027-03-14T07:00:00Z'), from: -5 * H, to: -4 * H },
      { at: Date.parse('2027-11-07T06:00:00Z'), from: -4 * H, to: -5 * H },
    ]);
    expect(zoneTransitions('Asia/Kuala_Lumpur', 2027, 2028)).toEqual([]);
    expect(zoneOffsetAt('Asia/Kolkata', Date.parse('2027-01-01T00:00:00Z'))).toBe(5.5 * H);
  });

  describe('datetime-local text', () => {
    it('reads a wall-clock time in the given zone, on either side of a daylight-saving change', () => {
      // Toronto: EST (UTC−5) until 8 March 2026, EDT (UTC−4) after.
      const cases: [string, string, string][] = [
        ['2026-03-06T09:00', 'America/Toronto', '2026-03-06T14:00:00.000Z'],
        ['2026-03-08T01:30', 'America/Toronto', '2026-03-08T06:30:00.000Z'],
        ['2026-03-10T09:00', 'America/Toronto', '2026-03-10T13:00:00.000Z'],
        ['2026-07-01T18:30', 'Asia/Kuala_Lumpur', '2026-07-01T10:30:00.000Z'],
        ['2026-01-15T00:15', 'Asia/Kolkata', '2026-01-14T18:45:00.000Z'],
        ['2026-01-15T10:00', 'UTC', '2026-01-15T10:00:00.000Z'],
        ['2026-01-15T10:00:30', 'UTC', '2026-01-15T10:00:30.000Z'],
      ];
      for (const [text, zone, iso] of cases) {
        for (const skipped of ['reject', 'shift-forward'] as const) {
          expect(zonedLocalToUtcIso(text, zone, skipped)).toBe(iso);
        }
      }
    });

    it('refuses incomplete or impossible values', () => {
      for (const bad of ['', '2026-03-10', '2026-13-10T09:00', '2026-03-10T25:00', '2026-02-30T09:00']) {
        expect(zonedLocalToUtcIso(bad, 'UTC', 'shift-forward')).toBeNull();
        expect(zonedLocalToUtcIso(bad, 'UTC', 'reject')).toBeNull();
      }
    });

    it('writes an instant as the wall-clock time of the zone, and round-trips', () => {
      expect(utcIsoToZonedLocal('2026-03-10T13:00:00.000Z', 'America/Toronto')).toBe('2026-03-10T09:00');
      expect(utcIsoToZonedLocal('2026-03-10T13:00:00.000Z', 'Europe/Amsterdam')).toBe('2026-03-10T14:00');
      expect(utcIsoToZonedLocal('2026-03-10T23:30:00.000Z', 'Asia/Ho_Chi_Minh')).toBe('2026-03-11T06:30');
      expect(utcIsoToZonedLocal('2026-03-08T13:00:00.000Z', 'Asia/Kuala_Lumpur')).toBe('2026-03-08T21:00');
      expect(utcIsoToZonedLocal('2026-03-08T13:00:00.000Z', 'Europe/Lisbon')).toBe('2026-03-08T13:00');
      expect(utcIsoToZonedLocal('not a date', 'UTC')).toBe('');
      for (const zone of ['America/Toronto', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC']) {
        const iso = '2026-10-04T21:45:00.000Z';
        expect(zonedLocalToUtcIso(utcIsoToZonedLocal(iso, zone), zone, 'shift-forward')).toBe(iso);
      }
    });

    it('gives the calendar date in a zone at an instant', () => {
      expect(zonedDate(new Date('2026-03-09T22:00:00.000Z'), 'Asia/Kuala_Lumpur')).toBe('2026-03-10');
      expect(zonedDate(new Date('2026-03-09T22:00:00.000Z'), 'America/Toronto')).toBe('2026-03-09');
    });
  });
});
