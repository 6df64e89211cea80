import { tickInstant } from './digest-scheduler';

describe('tickInstant', () => {
  const now = new Date('2026-12-08T02:00:00Z');

  it('runs a scheduled tick (no data) at the current time', () => {
    expect(tickInstant({}, now)).toBeUndefined();
    expect(tickInstant(null, now)).toBeUndefined();
  });

  it('re-runs a past instant given by an operator', () => {
    expect(tickInstant({ at: '2026-12-08T00:05:00Z' }, now)).toEqual(new Date('2026-12-08T00:05:00Z'));
  });

  it('ignores future, malformed and non-string instants', () => {
    expect(tickInstant({ at: '2026-12-09T00:05:00Z' }, now)).toBeUndefined();
    expect(tickInstant({ at: 'tomorrow' }, now)).toBeUndefined();
    expect(tickInstant({ at: 1765152300000 }, now)).toBeUndefined();
  });
});
