import { describe, expect, it } from 'vitest';
import { makeMe } from '../../test/fixtures';
import { canCreateWorkshops } from './permissions';

describe('canCreateWorkshops', () => {
  it('lets facilitators (also when they are reviewers too) and admins create workshops; reviewers alone not', () => {
    expect(canCreateWorkshops(makeMe({ roles: ['facilitator', 'reviewer'] }))).toBe(true);
    expect(canCreateWorkshops(makeMe({ roles: ['admin'] }))).toBe(true);
    expect(canCreateWorkshops(makeMe({ roles: ['reviewer'] }))).toBe(false);
    expect(canCreateWorkshops(makeMe({ roles: [] }))).toBe(false);
    expect(canCreateWorkshops(null)).toBe(false);
  });
});
