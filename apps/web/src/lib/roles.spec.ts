import { describe, expect, it } from 'vitest';
import { makeMe } from '../test/fixtures';
import { hasRole, platformRolesText } from './roles';

describe('platform roles on the web', () => {
  it('reads the set: a facilitator who is also a reviewer holds both roles, not admin', () => {
    const both = makeMe({ roles: ['facilitator', 'reviewer'] });
    expect(hasRole(both, 'facilitator')).toBe(true);
    expect(hasRole(both, 'reviewer')).toBe(true);
    expect(hasRole(both, 'admin')).toBe(false);
    expect(hasRole(null, 'admin')).toBe(false);
  });

  it('words a set as a list, and the empty set as a member', () => {
    const t = (key: string) => ({ 'platformRoles.member': 'Member' })[key] ?? key.replace('platformRoles.', '');
    const format = { list: (items: readonly string[]) => items.join(' + ') };
    expect(platformRolesText(t as never, format, [])).toBe('Member');
    expect(platformRolesText(t as never, format, ['facilitator', 'reviewer'])).toBe('facilitator + reviewer');
  });
});
