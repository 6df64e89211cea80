import type { AppConfig } from '../config/app-config';
import { UnsubscribeTokens } from './unsubscribe-token';

describe('UnsubscribeTokens', () => {
  const tokens = new UnsubscribeTokens({ jwtSecret: 'a'.repeat(40) } as AppConfig);
  const user = '0b8f1c9e-3a55-4a43-9d0e-2f2d6a4c1b11';

  it('round-trips the user and kind it was signed for', () => {
    expect(tokens.verify(tokens.sign(user, 'forum.mention'))).toEqual({ userId: user, kind: 'forum.mention' });
  });

  it('refuses a token signed with another secret, or bent to another kind', () => {
    const other = new UnsubscribeTokens({ jwtSecret: 'b'.repeat(40) } as AppConfig);
    expect(tokens.verify(other.sign(user, 'forum.mention'))).toBeNull();
    const [, signature] = tokens.sign(user, 'forum.mention').split('.');
    const bent = Buffer.from(`${user}:forum.reply`).toString('base64url');
    expect(tokens.verify(`${bent}.${signature}`)).toBeNull();
    for (const junk of [undefined, '', 'a.b', 'a.b.c', 'x'.repeat(400)]) expect(tokens.verify(junk)).toBeNull();
  });

  it('signs a digest (daily, weekly, or both) and refuses one bent to another digest', () => {
    for (const digest of ['digest.daily', 'digest.weekly', 'digest.combined'] as const) {
      expect(tokens.verify(tokens.sign(user, digest))).toEqual({ userId: user, kind: digest });
    }
    const [, signature] = tokens.sign(user, 'digest.daily').split('.');
    const bent = Buffer.from(`${user}:digest.combined`).toString('base64url');
    expect(tokens.verify(`${bent}.${signature}`)).toBeNull();
  });
});
