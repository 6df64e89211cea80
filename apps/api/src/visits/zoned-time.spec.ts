import { offsetAt, parseLocal, startOfDay, toInstant, toLocal, transitions } from './zoned-time';

const local = (s: string) => {
  const parsed = parseLocal(s);
  if (!parsed) throw new Error(s);
  return parsed;
};
const H = 3600_000;

describe('zoned time', () => {
  it('parses only real wall times', () => {
    expect(parseLocal('2027-03-14T09:05')).toEqual({ year: 2027, month: 3, day: 14, hour: 9, minute: 5 });
    for (const bad of [
      '2027-02-29T10:00',
      '2027-13-01T10:00',
      '2027-03-14T24:00',
      '2027-03-14 09:00',
      '2027-3-14T9:00',
    ]) {
      expect(parseLocal(bad)).toBeNull();
    }
  });

  it('converts wall time to UTC on both sides of a spring-forward change', () => {
    expect(toInstant('America/Toronto', local('2027-03-14T01:00'))).toEqual({
      kind: 'ok',
      instant: new Date('2027-03-14T06:00:00Z'),
    });
    expect(toInstant('America/Toronto', local('2027-03-14T09:00'))).toEqual({
      kind: 'ok',
      instant: new Date('2027-03-14T13:00:00Z'),
    });
    expect(toInstant('Asia/Kuala_Lumpur', local('2027-03-14T09:00'))).toEqual({
      kind: 'ok',
      instant: new Date('2027-03-14T01:00:00Z'),
    });
  });

  it('reports a wall time the clocks skip, with the jump', () => {
    expect(toInstant('America/Toronto', local('2027-03-14T02:30'))).toEqual({
      kind: 'gap',
      gapStartLocal: '2027-03-14T02:00',
      gapEndLocal: '2027-03-14T03:00',
    });
    expect(toInstant('Europe/Lisbon', local('2027-03-28T01:15'))).toMatchObject({ kind: 'gap' });
  });

  it('reads a wall time the clocks pass twice as its first occurrence', () => {
    expect(toInstant('America/Toronto', local('2027-11-07T01:30'))).toEqual({
      kind: 'ambiguous',
      instant: new Date('2027-11-07T05:30:00Z'),
      later: new Date('2027-11-07T06:30:00Z'),
    });
  });

  it('formats instants back to wall time and finds the start of a day', () => {
    expect(toLocal('Europe/Lisbon', new Date('2027-07-01T12:00:00Z'))).toMatchObject({ hour: 13, minute: 0 });
    expect(startOfDay('America/Toronto', '2027-03-14').toISOString()).toBe('2027-03-14T05:00:00.000Z');
    // Santiago skips midnight when DST starts: the day begins at 01:00.
    expect(startOfDay('America/Santiago', '2027-09-05').toISOString()).toBe('2027-09-05T04:00:00.000Z');
  });

  it('lists the actual offset changes of a year', () => {
    expect(transitions('America/Toronto', 2027, 2027)).toEqual([
      { at: Date.parse('2027-03-14T07:00:00Z'), from: -5 * H, to: -4 * H },
      { at: Date.parse('2027-11-07T06:00:00Z'), from: -4 * H, to: -5 * H },
    ]);
    expect(transitions('Asia/Kuala_Lumpur', 2027, 2028)).toEqual([]);
    expect(offsetAt('Asia/Kolkata', Date.parse('2027-01-01T00:00:00Z'))).toBe(5.5 * H);
  });
});
