import type { EntityManager } from 'typeorm';
import { postLabel, recordAudit, recordPostAudit } from './moderation-audit';

/** A manager that records the statements it is given. */
function recordingManager() {
  const calls: { sql: string; params: unknown[] }[] = [];
  const manager = {
    query: async (sql: string, params: unknown[]) => {
      calls.push({ sql, params });
      return [];
    },
  } as unknown as EntityManager;
  return { manager, calls };
}

const post = { id: 'p1', seq: 3, thread_title: 'Bikes', author_name: 'Ana', forum_id: 'f1' };

describe('moderation audit writer', () => {
  it('names a post by number, thread and author', () => {
    expect(postLabel({ seq: 3, threadTitle: 'Bikes', authorName: 'Ana' })).toBe('#3 in “Bikes” by Ana');
    expect(postLabel({ seq: 3, threadTitle: 'Bikes' })).toBe('#3 in “Bikes”');
  });

  it('writes a post action as the same row recordAudit writes', async () => {
    const viaPost = recordingManager();
    await recordPostAudit(viaPost.manager, { actorId: 'u1', action: 'post.hide', post, reason: 'spam' });
    const direct = recordingManager();
    await recordAudit(direct.manager, {
      actorId: 'u1',
      action: 'post.hide',
      targetType: 'post',
      targetId: 'p1',
      targetLabel: '#3 in “Bikes” by Ana',
      forumId: 'f1',
      reason: 'spam',
    });
    expect(viaPost.calls).toHaveLength(1);
    expect(viaPost.calls).toEqual(direct.calls);
    expect(viaPost.calls[0].params).toEqual(['u1', 'post.hide', 'post', 'p1', '#3 in “Bikes” by Ana', 'f1', 'spam']);
  });

  it('stores an empty reason when none is given', async () => {
    const { manager, calls } = recordingManager();
    await recordPostAudit(manager, { actorId: 'u1', action: 'post.delete', post });
    expect(calls[0].params[6]).toBe('');
  });
});
