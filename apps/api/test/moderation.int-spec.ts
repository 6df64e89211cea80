import {
  AUDIT_TEXT,
  type AuditEntryDto,
  type FlagDto,
  type Page,
  type PostDto,
  type PostPage,
  type SilenceDto,
  type ThreadDto,
} from '@twinning/contracts';
import request from 'supertest';
import { THREAD_RATE_LIMIT } from '../src/forums/forums.service';
import { POST_RATE_LIMIT } from '../src/forums/posts.service';
import { csvCell } from '../src/common/csv';
import { parseExport } from './support/csv';
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

describe('moderation: flags, hiding, threads, silences, audit log', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  let admin: TestUser;
  let coordP: TestUser; // coordinates a member city of partnership P
  let officialP: TestUser; // official of a member city of P
  let coordQ: TestUser; // coordinates a member city of partnership Q only
  let reader: TestUser; // theme forum regular
  let reader2: TestUser;
  let outsider: TestUser;
  let forumP: string;
  let forumQ: string;
  let theme: string;

  async function thread(user: TestUser, forumId: string, title: string, body = 'Opening post'): Promise<ThreadDto> {
    await t.app.get(RateLimitService).reset(THREAD_RATE_LIMIT, user.id);
    return (await http().post(`/api/forums/${forumId}/threads`).set(user.auth).send({ title, body }).expect(201)).body;
  }

  async function reply(user: TestUser, threadId: string, body: string): Promise<PostDto> {
    await t.app.get(RateLimitService).reset(POST_RATE_LIMIT, user.id);
    return (await http().post(`/api/threads/${threadId}/posts`).set(user.auth).send({ body }).expect(201)).body;
  }

  const firstPost = async (user: TestUser, threadId: string): Promise<PostDto> =>
    ((await http().get(`/api/threads/${threadId}/posts`).set(user.auth).expect(200)).body as PostPage).items[0];

  const flag = (user: TestUser, postId: string, reason = 'spam', note?: string) =>
    http()
      .post(`/api/posts/${postId}/flags`)
      .set(user.auth)
      .send({ reason, ...(note ? { note } : {}) });

  const auditFor = async (targetId: string) =>
    (await t.dataSource.query(
      `SELECT actor_id, action, target_type, forum_id, reason FROM moderation_audit WHERE target_id = $1 ORDER BY created_at`,
      [targetId],
    )) as { actor_id: string; action: string; target_type: string; forum_id: string; reason: string }[];

  beforeAll(async () => {
    t = await bootApp({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
    await resetDatabase(t.dataSource);
    admin = await createUser(t, { roles: ['admin'], displayName: 'Ada Admin' });
    coordP = await createUser(t, { displayName: 'Paula Coordinator' });
    officialP = await createUser(t, { displayName: 'Pedro Official' });
    coordQ = await createUser(t, { displayName: 'Quinn Coordinator' });
    reader = await createUser(t, { displayName: 'Rita Reader' });
    reader2 = await createUser(t, { displayName: 'Ravi Reader' });
    outsider = await createUser(t, { displayName: 'Otto Outsider' });
    const [c1, c2, c3] = [
      await createCity(t.dataSource),
      await createCity(t.dataSource),
      await createCity(t.dataSource),
    ];
    await addMember(t.dataSource, c1.id, coordP.id, 'coordinator');
    await addMember(t.dataSource, c2.id, officialP.id, 'official');
    await addMember(t.dataSource, c3.id, coordQ.id, 'coordinator');
    forumP = (await createPartnershipForum(t.dataSource, [c1.id, c2.id], { title: 'P, with "quotes", and commas' }))
      .forumId;
    forumQ = (await createPartnershipForum(t.dataSource, [c3.id], { title: 'Q' })).forumId;
    theme = await themeForumId(t.dataSource, 'integration');
  });
  afterAll(() => t.close());

  describe('flags', () => {
    it('lets a reader flag someone else’s post once; never their own; 404 outside', async () => {
      const th = await thread(officialP, forumP, 'Flag me');
      const post = await firstPost(coordP, th.id);
      await flag(coordP, post.id, 'off_topic', 'Not about the partnership').expect(204);
      const again = await flag(coordP, post.id).expect(409);
      expect(again.body.code).toBe('CONFLICT');
      const own = await flag(officialP, post.id).expect(403);
      expect(own.body.code).toBe('FORBIDDEN');
      await flag(outsider, post.id).expect(404);
      const bad = await flag(coordP, post.id, 'boring').expect(400);
      expect(Object.keys(bad.body.fields)).toEqual(['reason']);
      const seen = await firstPost(coordP, th.id);
      expect(seen.viewer).toMatchObject({ flagged: true, canFlag: false });
      expect(seen.flagCount).toBe(1); // coordinators moderate P
      const byAuthor = await firstPost(officialP, th.id);
      expect(byAuthor.flagCount).toBe(0); // not shown to non-moderators
    });

    it('scopes the queue: admins see all, coordinators their partnership’s forum, others get 403', async () => {
      const inP = await thread(officialP, forumP, 'Queue P');
      const inQ = await thread(coordQ, forumQ, 'Queue Q');
      const inTheme = await thread(reader, theme, 'Queue theme');
      const pPost = await firstPost(coordP, inP.id);
      await flag(coordP, pPost.id, 'abusive').expect(204);
      await flag(admin, (await firstPost(admin, inQ.id)).id).expect(204);
      await flag(reader2, (await firstPost(reader2, inTheme.id)).id).expect(204);
      const ids = async (user: TestUser) =>
        (
          (await http().get('/api/moderation/flags?limit=100').set(user.auth).expect(200)).body as Page<FlagDto>
        ).items.map((f) => f.thread.id);
      const all = await ids(admin);
      expect(all).toEqual(expect.arrayContaining([inP.id, inQ.id, inTheme.id]));
      const forP = await ids(coordP);
      expect(forP).toContain(inP.id);
      expect(forP).not.toContain(inQ.id);
      expect(forP).not.toContain(inTheme.id);
      const forQ = await ids(coordQ);
      expect(forQ).toEqual([inQ.id]);
      for (const user of [officialP, reader, outsider]) {
        expect((await http().get('/api/moderation/flags').set(user.auth).expect(403)).body.code).toBe('FORBIDDEN');
      }
      const item = present(
        (
          (await http().get('/api/moderation/flags?limit=100').set(coordP.auth).expect(200)).body as Page<FlagDto>
        ).items.find((f) => f.thread.id === inP.id),
      );
      expect(item).toMatchObject({
        reason: 'abusive',
        status: 'open',
        reporter: { id: coordP.id },
        resolvedAt: null,
        resolvedBy: null,
        post: { id: pPost.id, seq: 1, author: { id: officialP.id }, hidden: false, deleted: false, openFlagCount: 1 },
        thread: { id: inP.id, title: 'Queue P' },
        forum: { id: forumP, kind: 'partnership', theme: null },
      });
      // paging
      const page1: Page<FlagDto> = (await http().get('/api/moderation/flags?limit=2').set(admin.auth).expect(200)).body;
      const page2: Page<FlagDto> = (
        await http().get(`/api/moderation/flags?limit=2&cursor=${page1.nextCursor}`).set(admin.auth).expect(200)
      ).body;
      expect(page1.items).toHaveLength(2);
      expect(page2.items.map((f) => f.id)).not.toContain(page1.items[0].id);
    });

    it('dismisses one flag, or upholds: hides the post and resolves all its flags; audited', async () => {
      const th = await thread(reader, theme, 'Contested');
      const post = await reply(reader, th.id, 'Buy cheap watches');
      await flag(reader2, post.id, 'spam').expect(204);
      await flag(outsider, post.id, 'spam').expect(204);
      const queue = async () =>
        (
          (await http().get('/api/moderation/flags?limit=100').set(admin.auth).expect(200)).body as Page<FlagDto>
        ).items.filter((f) => f.post.id === post.id);
      const [f1, f2] = await queue();
      expect(f1.post.openFlagCount).toBe(2);
      // a reader who is not a moderator: 403; someone outside a private forum: 404 (checked below)
      await http()
        .post(`/api/moderation/flags/${f1.id}/resolve`)
        .set(reader2.auth)
        .send({ decision: 'dismiss' })
        .expect(403);
      const dismissed: FlagDto = (
        await http()
          .post(`/api/moderation/flags/${f1.id}/resolve`)
          .set(admin.auth)
          .send({ decision: 'dismiss', reason: 'Looks fine' })
          .expect(200)
      ).body;
      expect(dismissed).toMatchObject({ status: 'dismissed', resolvedBy: { id: admin.id } });
      expect(await auditFor(f1.id)).toEqual([
        { actor_id: admin.id, action: 'flag.dismiss', target_type: 'flag', forum_id: theme, reason: 'Looks fine' },
      ]);
      await http()
        .post(`/api/moderation/flags/${f1.id}/resolve`)
        .set(admin.auth)
        .send({ decision: 'uphold' })
        .expect(409);
      await flag(reader2, post.id, 'abusive').expect(204); // a new flag once the old one is resolved
      const upheld: FlagDto = (
        await http()
          .post(`/api/moderation/flags/${f2.id}/resolve`)
          .set(admin.auth)
          .send({ decision: 'uphold', reason: 'Spam' })
          .expect(200)
      ).body;
      expect(upheld).toMatchObject({ status: 'upheld', post: { hidden: true, openFlagCount: 0 } });
      const statuses = await t.dataSource.query(
        `SELECT status FROM post_flags WHERE post_id = $1 ORDER BY created_at`,
        [post.id],
      );
      expect(statuses.map((s: { status: string }) => s.status)).toEqual(['dismissed', 'upheld', 'upheld']);
      expect((await auditFor(f2.id)).map((a) => a.action)).toEqual(['flag.uphold']);
      expect(await auditFor(post.id)).toEqual([
        { actor_id: admin.id, action: 'post.hide', target_type: 'post', forum_id: theme, reason: 'Spam' },
      ]);
      // hidden: readers get no text; moderators get the text, the reason and the flag count
      const page = async (user: TestUser) =>
        ((await http().get(`/api/threads/${th.id}/posts`).set(user.auth).expect(200)).body as PostPage).items[1];
      expect(await page(reader2)).toMatchObject({ hidden: true, body: null, bodyHtml: null, hiddenReason: null });
      expect(await page(reader)).toMatchObject({ hidden: true, body: null, hiddenReason: null });
      expect(await page(admin)).toMatchObject({ hidden: true, body: 'Buy cheap watches', hiddenReason: 'Spam' });
    });

    it('resolves two flags of one post at once without deadlock or double hiding', async () => {
      const th = await thread(reader, theme, 'Race');
      const post = await reply(reader, th.id, 'Contested words');
      await flag(reader2, post.id).expect(204);
      await flag(outsider, post.id).expect(204);
      const flags: { id: string }[] = await t.dataSource.query(`SELECT id FROM post_flags WHERE post_id = $1`, [
        post.id,
      ]);
      const results = await Promise.all(
        flags.map((f) =>
          http().post(`/api/moderation/flags/${f.id}/resolve`).set(admin.auth).send({ decision: 'uphold' }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect((await auditFor(post.id)).map((a) => a.action)).toEqual(['post.hide']);
    });

    it('answers 404 for flags of a private forum to outsiders', async () => {
      const th = await thread(officialP, forumP, 'Private flag');
      await flag(coordP, (await firstPost(coordP, th.id)).id).expect(204);
      const [row] = await t.dataSource.query(
        `SELECT f.id FROM post_flags f JOIN posts p ON p.id = f.post_id WHERE p.thread_id = $1`,
        [th.id],
      );
      await http()
        .post(`/api/moderation/flags/${row.id}/resolve`)
        .set(outsider.auth)
        .send({ decision: 'uphold' })
        .expect(404);
      await http()
        .post(`/api/moderation/flags/${row.id}/resolve`)
        .set(coordQ.auth)
        .send({ decision: 'uphold' })
        .expect(404);
      await http()
        .post(`/api/moderation/flags/${row.id}/resolve`)
        .set(officialP.auth)
        .send({ decision: 'uphold' })
        .expect(403);
      const [still] = await t.dataSource.query(`SELECT status FROM post_flags WHERE id = $1`, [row.id]);
      expect(still.status).toBe('open');
      await http()
        .post(`/api/moderation/flags/${row.id}/resolve`)
        .set(coordP.auth)
        .send({ decision: 'dismiss' })
        .expect(200);
    });
  });

  describe('posts and threads', () => {
    it('hides and restores posts (moderators only), each audited', async () => {
      const th = await thread(officialP, forumP, 'Hide and seek');
      const post = await firstPost(coordP, th.id);
      const denied = await http()
        .post(`/api/posts/${post.id}/hide`)
        .set(officialP.auth)
        .send({ reason: 'x' })
        .expect(403);
      expect(denied.body.code).toBe('FORBIDDEN');
      await http().post(`/api/posts/${post.id}/hide`).set(outsider.auth).send({ reason: 'x' }).expect(404);
      await http().post(`/api/posts/${post.id}/hide`).set(coordP.auth).send({ reason: '' }).expect(400);
      const hidden: PostDto = (
        await http().post(`/api/posts/${post.id}/hide`).set(coordP.auth).send({ reason: 'Personal data' }).expect(200)
      ).body;
      expect(hidden).toMatchObject({ hidden: true, hiddenReason: 'Personal data', body: 'Opening post' });
      await http().post(`/api/posts/${post.id}/hide`).set(coordP.auth).send({ reason: 'again' }).expect(409);
      const restored: PostDto = (
        await http().post(`/api/posts/${post.id}/restore`).set(coordP.auth).send({ reason: 'Redacted' }).expect(200)
      ).body;
      expect(restored).toMatchObject({ hidden: false, hiddenReason: null });
      await http().post(`/api/posts/${post.id}/restore`).set(coordP.auth).send({ reason: 'again' }).expect(409);
      expect((await auditFor(post.id)).map((a) => [a.action, a.actor_id, a.forum_id, a.reason])).toEqual([
        ['post.hide', coordP.id, forumP, 'Personal data'],
        ['post.restore', coordP.id, forumP, 'Redacted'],
      ]);
    });

    it('pins and locks threads (moderators only), one audit entry per change', async () => {
      const th = await thread(officialP, forumP, 'Pin me');
      await http().patch(`/api/threads/${th.id}/moderation`).set(officialP.auth).send({ pinned: true }).expect(403);
      await http().patch(`/api/threads/${th.id}/moderation`).set(coordQ.auth).send({ pinned: true }).expect(404);
      await http().patch(`/api/threads/${th.id}/moderation`).set(coordP.auth).send({}).expect(400);
      const updated: ThreadDto = (
        await http()
          .patch(`/api/threads/${th.id}/moderation`)
          .set(coordP.auth)
          .send({ pinned: true, locked: true, reason: 'Reference' })
          .expect(200)
      ).body;
      expect(updated).toMatchObject({ pinned: true, locked: true, viewer: { canModerate: true, canReply: true } });
      await http().patch(`/api/threads/${th.id}/moderation`).set(coordP.auth).send({ pinned: true }).expect(200);
      await http()
        .patch(`/api/threads/${th.id}/moderation`)
        .set(admin.auth)
        .send({ pinned: false, locked: false })
        .expect(200);
      expect((await auditFor(th.id)).map((a) => [a.action, a.actor_id, a.reason])).toEqual([
        ['thread.pin', coordP.id, 'Reference'],
        ['thread.lock', coordP.id, 'Reference'],
        ['thread.unpin', admin.id, ''],
        ['thread.unlock', admin.id, ''],
      ]);
    });
  });

  describe('silences', () => {
    it('silences, extends, lists and lifts; never a moderator or oneself; audited', async () => {
      const url = `/api/forums/${forumP}/silences`;
      await http().get(url).set(officialP.auth).expect(403);
      await http().get(url).set(outsider.auth).expect(404);
      await http().post(url).set(officialP.auth).send({ userId: coordP.id, minutes: 5, reason: 'x' }).expect(403);
      const self = await http()
        .post(url)
        .set(coordP.auth)
        .send({ userId: coordP.id, minutes: 5, reason: 'x' })
        .expect(403);
      expect(self.body.code).toBe('FORBIDDEN');
      await http().post(url).set(admin.auth).send({ userId: coordP.id, minutes: 5, reason: 'x' }).expect(403);
      await http().post(url).set(coordP.auth).send({ userId: admin.id, minutes: 5, reason: 'x' }).expect(403);
      const bad = await http().post(url).set(coordP.auth).send({ userId: 'nope', minutes: 0, reason: '' }).expect(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['minutes', 'reason', 'userId']);
      await http().post(url).set(coordP.auth).send({ userId: officialP.id, minutes: 43201, reason: 'x' }).expect(400);
      const first: SilenceDto = (
        await http()
          .post(url)
          .set(coordP.auth)
          .send({ userId: officialP.id, minutes: 10, reason: 'Heated' })
          .expect(201)
      ).body;
      expect(first).toMatchObject({ user: { id: officialP.id }, reason: 'Heated', createdBy: { id: coordP.id } });
      const minutesLeft = (s: SilenceDto) => (Date.parse(s.until) - Date.now()) / 60000;
      expect(minutesLeft(first)).toBeGreaterThan(9);
      expect(minutesLeft(first)).toBeLessThanOrEqual(10);
      const extended: SilenceDto = (
        await http()
          .post(url)
          .set(coordP.auth)
          .send({ userId: officialP.id, minutes: 120, reason: 'Again' })
          .expect(201)
      ).body;
      expect(minutesLeft(extended)).toBeGreaterThan(119);
      const list: SilenceDto[] = (await http().get(url).set(coordP.auth).expect(200)).body;
      expect(list.map((s) => s.user.id)).toEqual([officialP.id]);
      const th = await thread(coordP, forumP, 'Silence test');
      await t.app.get(RateLimitService).reset(POST_RATE_LIMIT, officialP.id);
      const blocked = await http()
        .post(`/api/threads/${th.id}/posts`)
        .set(officialP.auth)
        .send({ body: 'hi' })
        .expect(403);
      expect(blocked.body.code).toBe('SILENCED');
      await http().delete(`${url}/${officialP.id}`).set(officialP.auth).expect(403);
      await http().delete(`${url}/${officialP.id}`).set(coordP.auth).expect(204);
      await http().delete(`${url}/${officialP.id}`).set(coordP.auth).expect(404);
      expect((await http().get(url).set(coordP.auth).expect(200)).body).toEqual([]);
      await reply(officialP, th.id, 'back again');
      expect((await auditFor(officialP.id)).map((a) => [a.action, a.reason])).toEqual([
        ['user.silence', 'Heated'],
        ['user.silence', 'Again'],
        ['user.unsilence', ''],
      ]);
    });
  });

  describe('audit log', () => {
    it('is for admins only, filters by action and actor, pages with a cursor', async () => {
      for (const user of [coordP, officialP, outsider]) {
        await http().get('/api/moderation/audit').set(user.auth).expect(403);
        await http().get('/api/moderation/audit.csv').set(user.auth).expect(403);
      }
      await http().get('/api/moderation/audit').expect(401);
      const all: Page<AuditEntryDto> = (await http().get('/api/moderation/audit?limit=100').set(admin.auth).expect(200))
        .body;
      const [total] = await t.dataSource.query(`SELECT count(*)::int AS n FROM moderation_audit`);
      expect(all.items).toHaveLength(total.n);
      const times = all.items.map((e) => e.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
      const pins: Page<AuditEntryDto> = (
        await http().get('/api/moderation/audit?action=thread.pin').set(admin.auth).expect(200)
      ).body;
      expect(pins.items.length).toBeGreaterThan(0);
      expect(pins.items.every((e) => e.action === 'thread.pin')).toBe(true);
      expect(pins.items[0]).toMatchObject({
        actor: { id: coordP.id, displayName: 'Paula Coordinator' },
        target: { type: 'thread', label: 'Pin me' },
        forum: { id: forumP, kind: 'partnership', theme: null, partnershipTitle: 'P, with "quotes", and commas' },
      });
      const byAdmin: Page<AuditEntryDto> = (
        await http().get(`/api/moderation/audit?actorId=${admin.id}&limit=100`).set(admin.auth).expect(200)
      ).body;
      expect(byAdmin.items.every((e) => e.actor.id === admin.id)).toBe(true);
      await http().get('/api/moderation/audit?action=post.explode').set(admin.auth).expect(400);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: Page<AuditEntryDto> = (
          await http()
            .get(`/api/moderation/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
            .set(admin.auth)
            .expect(200)
        ).body;
        seen.push(...res.items.map((e) => e.id));
        cursor = res.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.items.map((e) => e.id));
    });

    it('exports CSV with RFC 4180 quoting and neutralised formulas', async () => {
      const th = await thread(officialP, forumP, '=HYPERLINK("http://evil.example","click")');
      await http()
        .patch(`/api/threads/${th.id}/moderation`)
        .set(coordP.auth)
        .send({ locked: true, reason: '+cmd|" /C calc"!A0, line\nbreak' })
        .expect(200);
      await http()
        .patch(`/api/threads/${th.id}/moderation`)
        .set(coordP.auth)
        .send({ locked: false, reason: '@SUM(1)' })
        .expect(200);
      const res = await http().get('/api/moderation/audit.csv').set(admin.auth).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="moderation-audit\.csv"$/);
      const text: string = res.text;
      const rows = parseExport(text);
      expect(rows[0]).toEqual([
        'Time (UTC)',
        'Actor ID',
        'Actor',
        'Action',
        'Target type',
        'Target ID',
        'Target',
        'Forum ID',
        'Forum',
        'Reason',
      ]);
      const [total] = await t.dataSource.query(`SELECT count(*)::int AS n FROM moderation_audit`);
      expect(rows).toHaveLength(total.n + 1);
      const lock = present(rows.find((r) => r[3] === 'thread.lock' && r[5] === th.id));
      expect(lock[6]).toBe(`'=HYPERLINK("http://evil.example","click")`);
      expect(lock[9]).toBe(`'+cmd|" /C calc"!A0, line\nbreak`);
      expect(lock[8]).toBe('P, with "quotes", and commas');
      const unlock = present(rows.find((r) => r[3] === 'thread.unlock' && r[5] === th.id));
      expect(unlock[9]).toBe(`'@SUM(1)`);
      // times are readable wall time in UTC, as the header says, and match the log's instants
      const [entry] = await t.dataSource.query(
        `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS at FROM moderation_audit
          WHERE action = 'thread.lock' AND target_id = $1`,
        [th.id],
      );
      expect(lock[0]).toBe(entry.at);
      expect(rows.slice(1).every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(r[0]))).toBe(true);
      expect(text).toContain('"\'=HYPERLINK(""http://evil.example"",""click"")"');
      // the filters apply to the export too
      const onlyLocks = parseExport(
        (await http().get('/api/moderation/audit.csv?action=thread.lock').set(admin.auth).expect(200)).text,
      );
      expect(onlyLocks.slice(1).every((r) => r[3] === 'thread.lock')).toBe(true);
    });

    it('words the export in the requester’s language, as the audit page does (targets, reasons, headers)', async () => {
      const th = await thread(reader, theme, 'Quiet corner');
      const post = await reply(reader, th.id, 'Unrelated');
      await flag(reader2, post.id, 'off_topic').expect(204);
      const flags: Page<FlagDto> = (await http().get('/api/moderation/flags?limit=100').set(admin.auth).expect(200))
        .body;
      const open = present(flags.items.find((f) => f.post.id === post.id));
      await http()
        .post(`/api/moderation/flags/${open.id}/resolve`)
        .set(admin.auth)
        .send({ decision: 'uphold' })
        .expect(200);
      const exportIn = async (language?: string) => {
        const req = http().get('/api/moderation/audit.csv').set(admin.auth);
        if (language) req.set('Accept-Language', language);
        return parseExport((await req.expect(200)).text);
      };
      const fr = await exportIn('fr-CA,fr;q=0.9');
      expect(fr[0]).toEqual(AUDIT_TEXT.fr.columns);
      const ref = { seq: 2, threadTitle: 'Quiet corner', authorName: reader.displayName };
      const upheld = present(fr.find((r) => r[3] === 'flag.uphold' && r[5] === open.id));
      expect(upheld[6]).toBe(`« Hors sujet » sur le message ${AUDIT_TEXT.fr.postRef(ref)}`);
      const hidden = present(fr.find((r) => r[3] === 'post.hide' && r[5] === post.id));
      expect(hidden[6]).toBe(AUDIT_TEXT.fr.postRef(ref));
      expect(hidden[9]).toBe('Masqué après un signalement : Hors sujet');
      // a moderator's own words and the codes stay as written
      expect(fr.some((r) => r[3] === 'thread.unlock' && r[9] === `'@SUM(1)`)).toBe(true);
      const ar = await exportIn('ar');
      expect(ar[0]).toEqual(AUDIT_TEXT.ar.columns);
      expect(present(ar.find((r) => r[3] === 'post.hide' && r[5] === post.id))[9]).toBe('أُخفيت بعد بلاغ: خارج الموضوع');
      const en = await exportIn();
      expect(present(en.find((r) => r[3] === 'post.hide' && r[5] === post.id))[9]).toBe(
        'Hidden after a flag: Off topic',
      );
    });

    it('quotes and neutralises single cells', () => {
      expect(csvCell('plain')).toBe('plain');
      expect(csvCell('a,b')).toBe('"a,b"');
      expect(csvCell('say "hi"')).toBe('"say ""hi"""');
      expect(csvCell('=1+1')).toBe("'=1+1");
      expect(csvCell('-2')).toBe("'-2");
      expect(csvCell('@x')).toBe("'@x");
      expect(csvCell('+x')).toBe("'+x");
      expect(csvCell('\tx')).toBe("'\tx");
      expect(csvCell('=a,b')).toBe(`"'=a,b"`);
    });
  });
});
