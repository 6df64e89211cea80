import type { EntityManager } from 'typeorm';
import {
  auditEntryParts,
  flaggedReason,
  flagLabel,
  parseFlaggedReason,
  parseFlagLabel,
  parsePostLabel,
  postLabel,
  recordAudit,
  recordPostAudit,
} from './moderation-audit';

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

describe('moderation audit reader', () => {
  it('reads back the post, the flag and the automatic reason its writer put into English text', () => {
    const post = { seq: 3, threadTitle: 'Bikes “and” buses', authorName: 'Ana' };
    expect(parsePostLabel(postLabel(post))).toEqual(post);
    expect(parsePostLabel(postLabel({ seq: 9, threadTitle: 'Bikes' }))).toEqual({
      seq: 9,
      threadTitle: 'Bikes',
      authorName: null,
    });
    expect(parseFlagLabel(flagLabel('off_topic', post))).toEqual({ reason: 'off_topic', post });
    expect(parseFlaggedReason(flaggedReason('private_information'))).toBe('private_information');
    expect(parseFlaggedReason('Spam, clearly')).toBeNull();
    expect(auditEntryParts('flag', flagLabel('spam', post), flaggedReason('spam'))).toEqual({
      post,
      flagReason: 'spam',
      reasonFlagged: 'spam',
    });
    expect(auditEntryParts('thread', 'Bikes', 'tidy up')).toEqual({});
    expect(auditEntryParts('post', 'something else', '')).toEqual({});
  });
});
