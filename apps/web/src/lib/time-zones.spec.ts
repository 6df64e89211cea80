import { describe, expect, it } from 'vitest';
import { listTimeZones } from './time-zones';

describe('listTimeZones', () => {
  it('uses current IANA names instead of legacy ICU ones', () => {
    const zones = listTimeZones();
    expect(zones).toContain('Asia/Ho_Chi_Minh');
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).not.toContain('Asia/Saigon');
    expect(zones).toContain('America/Toronto');
  });

  it('always offers UTC and the saved value, sorted and without duplicates', () => {
    const zones = listTimeZones('Etc/GMT+5');
    expect(zones).toContain('UTC');
    expect(zones).toContain('Etc/GMT+5');
    expect(new Set(zones).size).toBe(zones.length);
    expect([...zones].sort((a, b) => a.localeCompare(b))).toEqual(zones);
  });
});
