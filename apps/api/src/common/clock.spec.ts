import { Clock } from './clock';

describe('Clock', () => {
  it('reads the system time until set, then stays where it is set and moves only when told', () => {
    const clock = new Clock();
    const before = Date.now();
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(before);
    clock.set('2026-12-08T13:05:00Z');
    expect(clock.now().toISOString()).toBe('2026-12-08T13:05:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-12-08T13:05:00.000Z');
    clock.advance(10 * 60_000);
    expect(clock.now().toISOString()).toBe('2026-12-08T13:15:00.000Z');
    clock.useSystemTime();
    expect(clock.now().getFullYear()).toBe(new Date().getFullYear());
    expect(() => clock.set('not a date')).toThrow('not an instant');
  });
});
