import type {
  ForumDto,
  ForumSummaryDto,
  Page,
  PostDto,
  PostPage,
  PostRevisionDto,
  ThreadDto,
  ThreadSummaryDto,
} from '@twinning/contracts';
import request from 'supertest';
import { POST_RATE_LIMIT } from '../src/forums/posts.service';
import { THREAD_RATE_LIMIT } from '../src/forums/forums.service';
import { RateLimitService } from '../src/rate-limit/rate-limit.service';
import {
  addMember,
  createCity,
  createPartnershipForum,
  createUser,
  themeForumId,
  type TestUser,
} from './support/factories';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

/** The value, failing the test when it is missing. */
function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

describe('forums: threads, posts, read state, notifications', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  let alice: TestUser; // theme-forum regular, official of city A
  let bob: TestUser; // another regular
  let coord: TestUser; // coordinator of city A: moderates the partnership forum
  let memberB: TestUser; // official of city B (partnership member)
  let outsider: TestUser; // no city
  let admin: TestUser;
  let integration: string; // theme forum
  let partnership: { partnershipId: string; forumId: string; title: string };

  /** Rate limits are tested on their own; elsewhere each call starts with a fresh allowance. */
  async function fresh(user: TestUser) {
    const limits = t.app.get(RateLimitService);
    await limits.reset(POST_RATE_LIMIT, user.id);
    await limits.reset(THREAD_RATE_LIMIT, user.id);
  }

  async function newThread(user: TestUser, forumId: string, body: Record<string, unknown> = {}): Promise<ThreadDto> {
    await fresh(user);
    const res = await http()
      .post(`/api/forums/${forumId}/threads`)
      .set(user.auth)
      .send({ title: 'Welcoming newcomers', body: 'First post', ...body });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function reply(user: TestUser, threadId: string, body: Record<string, unknown>): Promise<request.Response> {
    await fresh(user);
    return http().post(`/api/threads/${threadId}/posts`).set(user.auth).send(body);
  }

  async function posts(user: TestUser, threadId: string, query = ''): Promise<PostPage> {
    const res = await http().get(`/api/threads/${threadId}/posts${query}`).set(user.auth).expect(200);
    return res.body;
  }

  const handleOf = async (user: TestUser): Promise<string> =>
    (await t.dataSource.query(`SELECT handle FROM users WHERE id = $1`, [user.id]))[0].handle;

  /** Notifications of a user, of one kind, about one thread. */
  const notificationsOf = async (user: TestUser, kind: string | null, threadId: string) =>
    (await t.dataSource.query(
      `SELECT kind, payload FROM notifications
        WHERE user_id = $1 AND ($2::text IS NULL OR kind = $2) AND payload -> 'thread' ->> 'id' = $3
        ORDER BY created_at`,
      [user.id, kind, threadId],
    )) as { kind: string; payload: Record<string, unknown> }[];

  beforeAll(async () => {
    t = await bootApp({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
    await resetDatabase(t.dataSource);
    alice = await createUser(t, { displayName: 'Alice Aalto' });
    bob = await createUser(t, { displayName: 'Bob Berg' });
    coord = await createUser(t, { displayName: 'Cora Coordinator' });
    memberB = await createUser(t, { displayName: 'Mina Member' });
    outsider = await createUser(t, { displayName: 'Otto Outsider' });
    admin = await createUser(t, { displayName: 'Ada Admin', roles: ['admin'] });
    const cityA = await createCity(t.dataSource);
    const cityB = await createCity(t.dataSource);
    await addMember(t.dataSource, cityA.id, alice.id, 'official');
    await addMember(t.dataSource, cityA.id, coord.id, 'coordinator');
    await addMember(t.dataSource, cityB.id, memberB.id, 'official');
    partnership = await createPartnershipForum(t.dataSource, [cityA.id, cityB.id], { title: 'Lisbon–Da Nang' });
    integration = await themeForumId(t.dataSource, 'integration');
  });
  afterAll(() => t.close());

  describe('access', () => {
    it('requires sign-in on every route', async () => {
      await http().get('/api/forums').expect(401);
      await http().get(`/api/forums/${integration}/threads`).expect(401);
      await http().post(`/api/forums/${integration}/threads`).send({ title: 'abc', body: 'x' }).expect(401);
      await http().get('/api/search?q=abc').expect(401);
      await http().post('/api/forums/preview').send({ body: 'x' }).expect(401);
    });

    it('lists theme forums, then the viewer’s partnership forums', async () => {
      const mine: ForumSummaryDto[] = (await http().get('/api/forums').set(alice.auth).expect(200)).body;
      expect(mine.slice(0, 9).map((f) => f.kind)).toEqual(Array(9).fill('theme'));
      expect(mine[0].theme).toBe('integration');
      expect(mine).toHaveLength(10);
      expect(mine[9]).toMatchObject({
        id: partnership.forumId,
        kind: 'partnership',
        theme: null,
        partnership: { id: partnership.partnershipId, title: 'Lisbon–Da Nang' },
      });
      const theirs: ForumSummaryDto[] = (await http().get('/api/forums').set(outsider.auth).expect(200)).body;
      expect(theirs.map((f) => f.id)).not.toContain(partnership.forumId);
      expect(theirs).toHaveLength(9);
    });

    it('tells the viewer what they may do in a forum', async () => {
      const forRegular: ForumDto = (await http().get(`/api/forums/${partnership.forumId}`).set(alice.auth).expect(200))
        .body;
      expect(forRegular.viewer).toEqual({ canPost: true, canModerate: false, silencedUntil: null });
      const forCoord: ForumDto = (await http().get(`/api/forums/${partnership.forumId}`).set(coord.auth).expect(200))
        .body;
      expect(forCoord.viewer.canModerate).toBe(true);
      const theme: ForumDto = (await http().get(`/api/forums/${integration}`).set(coord.auth).expect(200)).body;
      expect(theme.viewer).toEqual({ canPost: true, canModerate: false, silencedUntil: null });
    });

    it('answers 404 to outsiders for a private forum, its threads and posts, and changes nothing', async () => {
      const thread = await newThread(alice, partnership.forumId, { title: 'Private plans', body: 'Budget figures' });
      const [post] = (await posts(alice, thread.id)).items;
      const counts = async () =>
        (
          await t.dataSource.query(
            `SELECT (SELECT count(*) FROM threads) AS threads, (SELECT count(*) FROM posts) AS posts,
                    (SELECT count(*) FROM thread_reads) AS reads, (SELECT count(*) FROM post_flags) AS flags,
                    (SELECT count(*) FROM post_revisions) AS revisions, (SELECT count(*) FROM notifications) AS notes,
                    (SELECT string_agg(body || coalesce(deleted_at::text, ''), '|' ORDER BY id) FROM posts) AS bodies`,
          )
        )[0];
      const before = await counts();
      await fresh(outsider);
      const f = partnership.forumId;
      const attempts: [string, string, object?][] = [
        ['get', `/api/forums/${f}`],
        ['get', `/api/forums/${f}/threads`],
        ['post', `/api/forums/${f}/threads`, { title: 'Sneaky', body: 'hello' }],
        ['get', `/api/threads/${thread.id}`],
        ['get', `/api/threads/${thread.id}/posts`],
        ['post', `/api/threads/${thread.id}/posts`, { body: 'hello' }],
        ['put', `/api/threads/${thread.id}/read`, { lastReadSeq: 1 }],
        ['put', `/api/threads/${thread.id}/notification-level`, { level: 'watching' }],
        ['get', `/api/threads/${thread.id}/mentionable?q=a`],
        ['patch', `/api/posts/${post.id}`, { body: 'defaced' }],
        ['delete', `/api/posts/${post.id}`],
        ['get', `/api/posts/${post.id}/revisions`],
        ['post', `/api/posts/${post.id}/flags`, { reason: 'spam' }],
        ['post', `/api/posts/${post.id}/hide`, { reason: 'x' }],
        ['patch', `/api/threads/${thread.id}/moderation`, { locked: true }],
        ['get', `/api/forums/${f}/silences`],
        ['get', `/api/search?q=budget&forumId=${f}`],
      ];
      for (const [method, url, body] of attempts) {
        const req = (http() as unknown as Record<string, (u: string) => request.Test>)[method](url).set(outsider.auth);
        const res = await (body ? req.send(body) : req);
        expect([method, url, res.status, res.body.code]).toEqual([method, url, 404, 'NOT_FOUND']);
      }
      expect(await counts()).toEqual(before);
      // non-UUID ids are 404 too
      await http().get('/api/threads/not-a-uuid').set(alice.auth).expect(404);
    });

    it('keeps a concluded partnership’s forum readable but read-only', async () => {
      const cityC = await createCity(t.dataSource);
      const official = await createUser(t);
      await addMember(t.dataSource, cityC.id, official.id);
      const done = await createPartnershipForum(t.dataSource, [cityC.id], { status: 'active' });
      const thread = await newThread(official, done.forumId);
      await t.dataSource.query(`UPDATE partnerships SET status = 'concluded' WHERE id = $1`, [done.partnershipId]);
      await http().get(`/api/threads/${thread.id}/posts`).set(official.auth).expect(200);
      const res = await reply(official, thread.id, { body: 'late reply' });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
      const detail: ThreadDto = (await http().get(`/api/threads/${thread.id}`).set(official.auth).expect(200)).body;
      expect(detail.viewer.canReply).toBe(false);
    });
  });

  describe('threads and replies', () => {
    it('creates a thread with its first post; the author watches it', async () => {
      await fresh(alice);
      const res = await http()
        .post(`/api/forums/${integration}/threads`)
        .set(alice.auth)
        .send({
          title: '  Language cafés  ',
          body: 'How do you run **language cafés**?',
          themes: ['integration', 'education'],
        })
        .expect(201);
      const thread: ThreadDto = res.body;
      expect(thread).toMatchObject({
        forumId: integration,
        title: 'Language cafés',
        themes: ['integration', 'education'],
        author: { id: alice.id, displayName: 'Alice Aalto', handle: await handleOf(alice) },
        pinned: false,
        locked: false,
        lastSeq: 1,
        postCount: 1,
        lastPoster: { id: alice.id, displayName: 'Alice Aalto' },
        unreadCount: 0,
        firstUnreadSeq: null,
        notificationLevel: 'watching',
        lastReadSeq: 1,
        viewer: { canReply: true, canModerate: false, silencedUntil: null },
      });
      expect(thread.forum).toMatchObject({ id: integration, kind: 'theme', theme: 'integration' });
      const page = await posts(bob, thread.id);
      expect(page.items).toHaveLength(1);
      expect(page.items[0]).toMatchObject({
        seq: 1,
        body: 'How do you run **language cafés**?',
        bodyHtml: '<p>How do you run <strong>language cafés</strong>?</p>',
        deleted: false,
        hidden: false,
        editCount: 0,
        quote: null,
        viewer: { canEdit: false, canDelete: false, canFlag: true, flagged: false },
      });
      expect(page).toMatchObject({ nextAfterSeq: null, prevBeforeSeq: null });
    });

    it('rejects invalid threads and posts, naming each field', async () => {
      await fresh(alice);
      const bad = await http()
        .post(`/api/forums/${integration}/threads`)
        .set(alice.auth)
        .send({ title: ' a ', body: '   ', themes: ['integration', 'astrology'], extra: 1 })
        .expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(bad.body.fields).sort()).toEqual(['body', 'extra', 'themes', 'title']);
      const tooMany = await http()
        .post(`/api/forums/${integration}/threads`)
        .set(alice.auth)
        .send({
          title: 'Six themes',
          body: 'x',
          themes: ['integration', 'employment', 'education', 'transportation', 'health', 'social_services'],
        })
        .expect(400);
      expect(Object.keys(tooMany.body.fields)).toEqual(['themes']);
      const long = await http()
        .post(`/api/forums/${integration}/threads`)
        .set(alice.auth)
        .send({ title: 'x'.repeat(161), body: 'y'.repeat(20001) })
        .expect(400);
      expect(Object.keys(long.body.fields).sort()).toEqual(['body', 'title']);
      const thread = await newThread(alice, integration);
      const empty = await reply(bob, thread.id, { body: '' });
      expect(empty.status).toBe(400);
      expect(Object.keys(empty.body.fields)).toEqual(['body']);
    });

    it('numbers replies without gaps, updates the thread and the replier’s read state', async () => {
      const thread = await newThread(alice, integration, { title: 'Numbering' });
      const res = await reply(bob, thread.id, { body: 'A reply' });
      expect(res.status).toBe(201);
      const post: PostDto = res.body;
      expect(post).toMatchObject({ seq: 2, threadId: thread.id, author: { id: bob.id } });
      expect(post.viewer).toMatchObject({ canEdit: true, canDelete: true, canFlag: false });
      const forBob: ThreadDto = (await http().get(`/api/threads/${thread.id}`).set(bob.auth).expect(200)).body;
      expect(forBob).toMatchObject({
        lastSeq: 2,
        postCount: 2,
        lastPoster: { id: bob.id },
        notificationLevel: 'watching',
        lastReadSeq: 2,
        unreadCount: 0,
      });
    });

    it('gives 20 concurrent replies distinct, consecutive numbers', async () => {
      const thread = await newThread(alice, integration, { title: 'Busy thread' });
      const repliers = await Promise.all(Array.from({ length: 20 }, () => createUser(t)));
      const results = await Promise.all(
        repliers.map((u, i) =>
          http()
            .post(`/api/threads/${thread.id}/posts`)
            .set(u.auth)
            .send({ body: `Reply ${i}` }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
      const seqs = results.map((r) => (r.body as PostDto).seq).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
      const [row] = await t.dataSource.query(`SELECT last_seq, post_count FROM threads WHERE id = $1`, [thread.id]);
      expect(row).toEqual({ last_seq: 21, post_count: 21 });
      const stored = await t.dataSource.query(`SELECT seq FROM posts WHERE thread_id = $1 ORDER BY seq`, [thread.id]);
      expect(stored.map((r: { seq: number }) => r.seq)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
      // the author watched the thread: one reply notification per reply
      expect(await notificationsOf(alice, 'forum.reply', thread.id)).toHaveLength(20);
    });

    it('pages posts forwards and backwards by number', async () => {
      const thread = await newThread(alice, integration, { title: 'Paging' });
      for (let i = 2; i <= 7; i++) await reply(i % 2 ? alice : bob, thread.id, { body: `post ${i}` });
      const first = await posts(bob, thread.id, '?limit=3');
      expect(first.items.map((p) => p.seq)).toEqual([1, 2, 3]);
      expect(first).toMatchObject({ nextAfterSeq: 3, prevBeforeSeq: null });
      const next = await posts(bob, thread.id, '?limit=3&afterSeq=3');
      expect(next.items.map((p) => p.seq)).toEqual([4, 5, 6]);
      expect(next).toMatchObject({ nextAfterSeq: 6, prevBeforeSeq: 4 });
      const last = await posts(bob, thread.id, '?limit=3&afterSeq=6');
      expect(last.items.map((p) => p.seq)).toEqual([7]);
      expect(last).toMatchObject({ nextAfterSeq: null, prevBeforeSeq: 7 });
      const back = await posts(bob, thread.id, '?limit=3&beforeSeq=6');
      expect(back.items.map((p) => p.seq)).toEqual([3, 4, 5]);
      expect(back).toMatchObject({ nextAfterSeq: 5, prevBeforeSeq: 3 });
      const bad = await http().get(`/api/threads/${thread.id}/posts?limit=0&afterSeq=x`).set(bob.auth).expect(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['afterSeq', 'limit']);
    });

    it('stores hostile markdown sanitised, with safe links', async () => {
      const thread = await newThread(alice, integration, { title: 'Hostile' });
      const body = [
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(2)>',
        '[click me](javascript:alert(3))',
        '[data](data:text/html;base64,PHNjcmlwdD4=)',
        '[site](https://example.org/page)',
        'plain https://example.com/auto',
      ].join('\n\n');
      const res = await reply(bob, thread.id, { body });
      expect(res.status).toBe(201);
      const [row] = await t.dataSource.query(`SELECT body, body_html FROM posts WHERE id = $1`, [res.body.id]);
      expect(row.body).toBe(body);
      for (const html of [row.body_html as string, res.body.bodyHtml as string]) {
        expect(html).not.toMatch(/<script|<img|<[a-z]+[^>]*\son\w+=/i);
        // dangerous links stay inert text; every real link is http(s)
        expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual([
          'https://example.org/page',
          'https://example.com/auto',
        ]);
        expect(html).toContain('&lt;script&gt;');
        expect(html).toContain('<a href="https://example.org/page" rel="noopener nofollow ugc">site</a>');
        expect(html).toContain('<a href="https://example.com/auto" rel="noopener nofollow ugc">');
      }
    });

    it('quotes a post of the same thread only', async () => {
      const thread = await newThread(alice, integration, { title: 'Quoting', body: 'Original *idea* <b>here</b>' });
      const other = await newThread(alice, integration, { title: 'Elsewhere' });
      const [first] = (await posts(bob, thread.id)).items;
      const [foreign] = (await posts(bob, other.id)).items;
      const res = await reply(bob, thread.id, { body: 'Agreed', quotePostId: first.id });
      expect(res.status).toBe(201);
      expect(res.body.quote).toEqual({
        id: first.id,
        seq: 1,
        author: { id: alice.id, displayName: 'Alice Aalto' },
        excerptHtml: 'Original idea &lt;b&gt;here&lt;/b&gt;',
      });
      const wrong = await reply(bob, thread.id, { body: 'x', quotePostId: foreign.id });
      expect(wrong.status).toBe(400);
      expect(Object.keys(wrong.body.fields)).toEqual(['quotePostId']);
      const junk = await reply(bob, thread.id, { body: 'x', quotePostId: 'nope' });
      expect(junk.status).toBe(400);
      expect(Object.keys(junk.body.fields)).toEqual(['quotePostId']);
      // a failed reply does not use up a number
      expect((await reply(bob, thread.id, { body: 'next' })).body.seq).toBe(3);
    });
  });

  describe('edits and deletions', () => {
    it('keeps the history of edits, visible to the author and moderators only', async () => {
      const thread = await newThread(alice, integration, { title: 'Editing', body: 'Version one' });
      const [post] = (await posts(alice, thread.id)).items;
      const edited: PostDto = (
        await http().patch(`/api/posts/${post.id}`).set(alice.auth).send({ body: 'Version *two*' }).expect(200)
      ).body;
      expect(edited).toMatchObject({ body: 'Version *two*', bodyHtml: '<p>Version <em>two</em></p>', editCount: 1 });
      expect(edited.editedAt).not.toBeNull();
      await http().patch(`/api/posts/${post.id}`).set(alice.auth).send({ body: 'Version three' }).expect(200);
      const history: PostRevisionDto[] = (
        await http().get(`/api/posts/${post.id}/revisions`).set(alice.auth).expect(200)
      ).body;
      expect(history.map((r) => r.body)).toEqual(['Version one', 'Version *two*']);
      expect(history[1]).toMatchObject({ bodyHtml: '<p>Version <em>two</em></p>', editor: { id: alice.id } });
      await http().get(`/api/posts/${post.id}/revisions`).set(admin.auth).expect(200);
      const other = await http().get(`/api/posts/${post.id}/revisions`).set(bob.auth).expect(403);
      expect(other.body.code).toBe('FORBIDDEN');
      const edit = await http().patch(`/api/posts/${post.id}`).set(bob.auth).send({ body: 'mine now' }).expect(403);
      expect(edit.body.code).toBe('FORBIDDEN');
      // a moderator may edit
      const byAdmin = await http().patch(`/api/posts/${post.id}`).set(admin.auth).send({ body: 'Tidied' }).expect(200);
      expect(byAdmin.body.editCount).toBe(3);
    });

    it('deletes as a tombstone: text kept for moderators, hidden from everyone else', async () => {
      const thread = await newThread(alice, integration, { title: 'Tombstones', body: 'Opening words' });
      const [first] = (await posts(alice, thread.id)).items;
      const second: PostDto = (await reply(bob, thread.id, { body: 'Regrettable words' })).body;
      const tomb: PostDto = (await http().delete(`/api/posts/${second.id}`).set(bob.auth).expect(200)).body;
      expect(tomb).toMatchObject({ deleted: true, body: null, bodyHtml: null, seq: 2 });
      expect(tomb.viewer).toMatchObject({ canEdit: false, canDelete: false });
      const forAlice = (await posts(alice, thread.id)).items[1];
      expect(forAlice).toMatchObject({ deleted: true, body: null, bodyHtml: null });
      const forAdmin = (await posts(admin, thread.id)).items[1];
      expect(forAdmin).toMatchObject({ deleted: true, body: 'Regrettable words' });
      const [row] = await t.dataSource.query(`SELECT body, deleted_by FROM posts WHERE id = $1`, [second.id]);
      expect(row).toEqual({ body: 'Regrettable words', deleted_by: bob.id });
      const again = await http().patch(`/api/posts/${second.id}`).set(bob.auth).send({ body: 'undo' }).expect(409);
      expect(again.body.code).toBe('INVALID_STATE');
      await http().delete(`/api/posts/${second.id}`).set(bob.auth).expect(409);
      expect((await http().get(`/api/posts/${second.id}/revisions`).set(bob.auth).expect(200)).body).toEqual([]);
      // someone else's post: 403 for a reader; a moderator may, and that is audited
      await http().delete(`/api/posts/${first.id}`).set(bob.auth).expect(403);
      await http().delete(`/api/posts/${first.id}`).set(admin.auth).expect(200);
      const audit = await t.dataSource.query(
        `SELECT actor_id, action, target_type, forum_id FROM moderation_audit WHERE target_id = $1`,
        [first.id],
      );
      expect(audit).toEqual([
        { actor_id: admin.id, action: 'post.delete', target_type: 'post', forum_id: integration },
      ]);
      // deleting the first post leaves the thread
      const still: ThreadDto = (await http().get(`/api/threads/${thread.id}`).set(bob.auth).expect(200)).body;
      expect(still.postCount).toBe(2);
      expect((await reply(bob, thread.id, { body: 'carry on' })).status).toBe(201);
    });
  });

  describe('mentions and notification levels', () => {
    it('notifies mentioned readers only, never the author or non-members of a private forum', async () => {
      const [b, o, a] = [await handleOf(memberB), await handleOf(outsider), await handleOf(alice)];
      const thread = await newThread(alice, partnership.forumId, {
        title: 'Who should come',
        body: `Ping @${b}, @${o} and myself @${a}; \`@${b}\` in code does not count.`,
      });
      const [post] = (await posts(alice, thread.id)).items;
      expect(post.bodyHtml).toContain(`<span class="mention" data-handle="${b}">@${b}</span>`);
      expect(post.bodyHtml).toContain(`<span class="mention" data-handle="${o}">@${o}</span>`);
      const toB = await notificationsOf(memberB, 'forum.mention', thread.id);
      expect(toB).toHaveLength(1);
      expect(toB[0].payload).toMatchObject({
        actor: { id: alice.id, displayName: 'Alice Aalto' },
        thread: { id: thread.id, title: 'Who should come', forumId: partnership.forumId },
        postId: post.id,
        seq: 1,
      });
      expect(await notificationsOf(outsider, null, thread.id)).toHaveLength(0);
      expect(await notificationsOf(alice, 'forum.mention', thread.id)).toHaveLength(0);
    });

    it('notifies watchers of replies, not normal or muted readers; a mention beats a reply', async () => {
      const [w1, w2, normal, muted] = await Promise.all([createUser(t), createUser(t), createUser(t), createUser(t)]);
      const thread = await newThread(alice, integration, { title: 'Levels' });
      const level = (u: TestUser, l: string) =>
        http().put(`/api/threads/${thread.id}/notification-level`).set(u.auth).send({ level: l }).expect(204);
      await level(w1, 'watching');
      await level(w2, 'watching');
      await level(normal, 'normal');
      await level(muted, 'muted');
      await http().put(`/api/threads/${thread.id}/notification-level`).set(w1.auth).send({ level: 'loud' }).expect(400);
      expect((await reply(bob, thread.id, { body: `Hello @${await handleOf(w2)}` })).status).toBe(201);
      expect(await notificationsOf(w1, 'forum.reply', thread.id)).toHaveLength(1);
      expect(await notificationsOf(w2, 'forum.reply', thread.id)).toHaveLength(0);
      expect(await notificationsOf(w2, 'forum.mention', thread.id)).toHaveLength(1);
      expect(await notificationsOf(normal, null, thread.id)).toHaveLength(0);
      expect(await notificationsOf(muted, null, thread.id)).toHaveLength(0);
      expect(await notificationsOf(bob, null, thread.id)).toHaveLength(0);
      const [toAlice] = await notificationsOf(alice, 'forum.reply', thread.id);
      expect(toAlice.payload).toMatchObject({ seq: 2, excerpt: `Hello @${await handleOf(w2)}` });
      // the excerpt (bell, mail) is the reply's own words in plain text, not the passage it quotes
      await reply(bob, thread.id, { body: '> Hello everyone\n\nAgreed, **see you** on [Monday](https://example.org)' });
      const quoting = (await notificationsOf(alice, 'forum.reply', thread.id)).find((n) => n.payload.seq === 3);
      expect(quoting?.payload).toMatchObject({ excerpt: 'Agreed, see you on Monday' });
      // mentions do not reach someone who muted the thread; normal readers hear of mentions
      await reply(bob, thread.id, { body: `@${await handleOf(muted)} and @${await handleOf(normal)}` });
      expect(await notificationsOf(muted, null, thread.id)).toHaveLength(0);
      expect(await notificationsOf(normal, 'forum.mention', thread.id)).toHaveLength(1);
      // an edit notifies only people it newly mentions
      const [first] = (await posts(alice, thread.id)).items;
      await http()
        .patch(`/api/posts/${first.id}`)
        .set(alice.auth)
        .send({ body: `First post, cc @${await handleOf(normal)}` })
        .expect(200);
      expect(await notificationsOf(normal, 'forum.mention', thread.id)).toHaveLength(2);
      await http()
        .patch(`/api/posts/${first.id}`)
        .set(alice.auth)
        .send({ body: `First post, cc @${await handleOf(normal)}!` })
        .expect(200);
      expect(await notificationsOf(normal, 'forum.mention', thread.id)).toHaveLength(2);
    });

    it('suggests people who can read the thread', async () => {
      const thread = await newThread(alice, partnership.forumId, { title: 'Mentions' });
      const names = async (q: string) =>
        (
          (
            await http()
              .get(`/api/threads/${thread.id}/mentionable?q=${encodeURIComponent(q)}`)
              .set(alice.auth)
              .expect(200)
          ).body as { handle: string }[]
        ).map((c) => c.handle);
      expect(await names('mi')).toEqual([await handleOf(memberB)]);
      expect(await names('otto')).toEqual([]);
      expect(await names('ada')).toEqual([await handleOf(admin)]);
      expect(await names('Cora C')).toEqual([await handleOf(coord)]);
      expect(await names('%')).toEqual([]);
      const themeThread = await newThread(alice, integration, { title: 'Open mentions' });
      const open = (await http().get(`/api/threads/${themeThread.id}/mentionable?q=ott`).set(alice.auth).expect(200))
        .body;
      expect(open).toEqual([{ id: outsider.id, displayName: 'Otto Outsider', handle: await handleOf(outsider) }]);
    });

    it('previews markdown with the mentions that resolve', async () => {
      const res = await http()
        .post('/api/forums/preview')
        .set(alice.auth)
        .send({ body: `Hi @${await handleOf(bob)} and @nobody_here <script>x</script>` })
        .expect(200);
      expect(res.body.mentions).toEqual([await handleOf(bob)]);
      expect(res.body.html).toContain('class="mention"');
      expect(res.body.html).not.toContain('<script');
    });
  });

  describe('read state', () => {
    it('counts unread posts, jumps to the first unread one and never moves back', async () => {
      const reader = await createUser(t);
      const thread = await newThread(alice, integration, { title: 'Unread' });
      for (let i = 0; i < 4; i++) await reply(bob, thread.id, { body: `r${i}` });
      const summary = async (): Promise<ThreadSummaryDto> =>
        present(
          (
            (await http().get(`/api/forums/${integration}/threads`).set(reader.auth).expect(200))
              .body as Page<ThreadSummaryDto>
          ).items.find((x) => x.id === thread.id),
        );
      expect(await summary()).toMatchObject({ postCount: 5, unreadCount: 5, firstUnreadSeq: 1 });
      const forumBefore: ForumDto = (await http().get(`/api/forums/${integration}`).set(reader.auth).expect(200)).body;
      const read = (seq: number) =>
        http().put(`/api/threads/${thread.id}/read`).set(reader.auth).send({ lastReadSeq: seq }).expect(204);
      await read(2);
      expect(await summary()).toMatchObject({ unreadCount: 3, firstUnreadSeq: 3 });
      await read(1);
      expect(await summary()).toMatchObject({ unreadCount: 3, firstUnreadSeq: 3 });
      await read(999);
      expect(await summary()).toMatchObject({ unreadCount: 0, firstUnreadSeq: null });
      const detail: ThreadDto = (await http().get(`/api/threads/${thread.id}`).set(reader.auth).expect(200)).body;
      expect(detail.lastReadSeq).toBe(5);
      const forumAfter: ForumDto = (await http().get(`/api/forums/${integration}`).set(reader.auth).expect(200)).body;
      expect(forumAfter.unreadThreads).toBe(forumBefore.unreadThreads - 1);
      await reply(bob, thread.id, { body: 'one more' });
      expect(await summary()).toMatchObject({ unreadCount: 1, firstUnreadSeq: 6 });
      await http().put(`/api/threads/${thread.id}/read`).set(reader.auth).send({ lastReadSeq: -1 }).expect(400);
    });
  });

  describe('locks, silences and rate limits', () => {
    it('refuses replies to a locked thread except from moderators', async () => {
      const thread = await newThread(alice, integration, { title: 'To be locked' });
      await http().patch(`/api/threads/${thread.id}/moderation`).set(admin.auth).send({ locked: true }).expect(200);
      const res = await reply(bob, thread.id, { body: 'still talking' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('THREAD_LOCKED');
      const [row] = await t.dataSource.query(`SELECT last_seq FROM threads WHERE id = $1`, [thread.id]);
      expect(row.last_seq).toBe(1);
      const detail: ThreadDto = (await http().get(`/api/threads/${thread.id}`).set(bob.auth).expect(200)).body;
      expect(detail).toMatchObject({ locked: true, viewer: { canReply: false } });
      expect((await reply(admin, thread.id, { body: 'Closing note' })).status).toBe(201);
    });

    it('refuses silenced users until the silence is lifted', async () => {
      const thread = await newThread(alice, integration, { title: 'Silence' });
      await http()
        .post(`/api/forums/${integration}/silences`)
        .set(admin.auth)
        .send({ userId: bob.id, minutes: 60, reason: 'Cooling off' })
        .expect(201);
      const res = await reply(bob, thread.id, { body: 'let me speak' });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('SILENCED');
      expect(res.body.message).toMatch(/until \d{4}-\d\d-\d\dT/);
      await fresh(bob);
      const start = await http()
        .post(`/api/forums/${integration}/threads`)
        .set(bob.auth)
        .send({ title: 'New topic', body: 'x' })
        .expect(403);
      expect(start.body.code).toBe('SILENCED');
      const forum: ForumDto = (await http().get(`/api/forums/${integration}`).set(bob.auth).expect(200)).body;
      expect(forum.viewer.canPost).toBe(false);
      expect(forum.viewer.silencedUntil).not.toBeNull();
      // silenced in this forum only
      const elsewhere = await themeForumId(t.dataSource, 'health');
      await newThread(bob, elsewhere, { title: 'Still fine here' });
      await http().delete(`/api/forums/${integration}/silences/${bob.id}`).set(admin.auth).expect(204);
      expect((await reply(bob, thread.id, { body: 'thanks' })).status).toBe(201);
    });

    it('limits how fast one person posts', async () => {
      const thread = await newThread(alice, integration, { title: 'Flood' });
      const flooder = await createUser(t);
      for (let i = 0; i < POST_RATE_LIMIT.points; i++) {
        await http()
          .post(`/api/threads/${thread.id}/posts`)
          .set(flooder.auth)
          .send({ body: `m${i}` })
          .expect(201);
      }
      const res = await http().post(`/api/threads/${thread.id}/posts`).set(flooder.auth).send({ body: 'more' });
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('RATE_LIMITED');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      for (let i = 0; i < THREAD_RATE_LIMIT.points; i++) {
        await http()
          .post(`/api/forums/${integration}/threads`)
          .set(flooder.auth)
          .send({ title: `Topic ${i}`, body: 'x' })
          .expect(201);
      }
      await http()
        .post(`/api/forums/${integration}/threads`)
        .set(flooder.auth)
        .send({ title: 'One too many', body: 'x' })
        .expect(429);
    });
  });

  describe('lists', () => {
    it('orders threads pinned first, then by latest activity, with a keyset cursor', async () => {
      const forum = await themeForumId(t.dataSource, 'employment');
      const a = await newThread(alice, forum, { title: 'Thread A', themes: ['employment'] });
      const b = await newThread(alice, forum, { title: 'Thread B' });
      const c = await newThread(alice, forum, { title: 'Thread C' });
      await reply(bob, a.id, { body: 'bump' });
      await http().patch(`/api/threads/${b.id}/moderation`).set(admin.auth).send({ pinned: true }).expect(200);
      const page1: Page<ThreadSummaryDto> = (
        await http().get(`/api/forums/${forum}/threads?limit=2`).set(bob.auth).expect(200)
      ).body;
      expect(page1.items.map((x) => x.title)).toEqual(['Thread B', 'Thread A']);
      expect(page1.items[0].pinned).toBe(true);
      const page2: Page<ThreadSummaryDto> = (
        await http().get(`/api/forums/${forum}/threads?limit=2&cursor=${page1.nextCursor}`).set(bob.auth).expect(200)
      ).body;
      expect(page2.items.map((x) => x.id)).toEqual([c.id]);
      expect(page2.nextCursor).toBeNull();
      const themed: Page<ThreadSummaryDto> = (
        await http().get(`/api/forums/${forum}/threads?theme=employment`).set(bob.auth).expect(200)
      ).body;
      expect(themed.items.map((x) => x.id)).toEqual([a.id]);
      await http().get(`/api/forums/${forum}/threads?cursor=garbage`).set(bob.auth).expect(400);
    });

    it('costs the same number of queries for 5 and 50 items', async () => {
      const viewer = await createUser(t);
      const measure = async (n: number) => {
        const [forumId] = [await themeForumId(t.dataSource, n === 5 ? 'health' : 'transportation')];
        await t.dataSource.query(`DELETE FROM threads WHERE forum_id = $1`, [forumId]);
        const [big] = await t.dataSource.query(
          `INSERT INTO threads (forum_id, author_id, title, last_seq, post_count, last_poster_id)
           VALUES ($1, $2, 'Big', $3, $3, $4) RETURNING id`,
          [forumId, alice.id, n, bob.id],
        );
        await t.dataSource.query(
          `INSERT INTO posts (thread_id, seq, author_id, body, body_html, quote_post_id)
           SELECT $1, s, CASE WHEN s % 2 = 0 THEN $2::uuid ELSE $3::uuid END, 'p' || s, '<p>p' || s || '</p>', NULL
             FROM generate_series(1, $4::int) s`,
          [big.id, alice.id, bob.id, n],
        );
        await t.dataSource.query(
          `UPDATE posts p SET quote_post_id = q.id FROM posts q
            WHERE p.thread_id = $1 AND q.thread_id = $1 AND q.seq = p.seq - 1`,
          [big.id],
        );
        await t.dataSource.query(
          `INSERT INTO post_flags (post_id, reporter_id, reason) SELECT id, $2, 'spam' FROM posts WHERE thread_id = $1`,
          [big.id, viewer.id],
        );
        await t.dataSource.query(
          `INSERT INTO threads (forum_id, author_id, title, last_seq, post_count, last_poster_id)
           SELECT $1, $2, 'T' || s, 1, 1, $3 FROM generate_series(2, $4::int) s`,
          [forumId, alice.id, bob.id, n],
        );
        await t.dataSource.query(
          `INSERT INTO thread_reads (user_id, thread_id, last_read_seq)
           SELECT $1, id, 0 FROM threads WHERE forum_id = $2`,
          [viewer.id, forumId],
        );
        const list = await t.queries.measure(() =>
          http().get(`/api/forums/${forumId}/threads?limit=100`).set(viewer.auth).expect(200),
        );
        expect(list.result.body.items).toHaveLength(n);
        const page = await t.queries.measure(() =>
          http().get(`/api/threads/${big.id}/posts?limit=100`).set(viewer.auth).expect(200),
        );
        expect(page.result.body.items).toHaveLength(n);
        expect(page.result.body.items[n - 1].quote).not.toBeNull();
        expect(page.result.body.items[n - 1].viewer.flagged).toBe(true);
        const forums = await t.queries.measure(() => http().get('/api/forums').set(viewer.auth).expect(200));
        return { list: list.queries, page: page.queries, forums: forums.queries };
      };
      const small = await measure(5);
      const large = await measure(50);
      expect(large).toEqual(small);
      expect(small.forums).toBeLessThanOrEqual(2);
      expect(small.list).toBeLessThanOrEqual(3);
      expect(small.page).toBeLessThanOrEqual(5);
    });
  });
});
