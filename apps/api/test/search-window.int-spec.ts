import type { ThreadDto } from '@twinning/contracts';
import request from 'supertest';
import { THREAD_RATE_LIMIT } from '../src/forums/forums.service';
import { POST_RATE_LIMIT } from '../src/forums/posts.service';
import { SearchRepository } from '../src/forums/search.repository';
import { RateLimitService } from '../src/rate-limit/rate-limit.service';
import { createUser, themeForumId, type TestUser } from './support/factories';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

/**
 * search_recent_posts must always hold exactly the visible posts created since the window's
 * start, with their forum, sequence and vector: the first pass trusts it as the newest posts.
 */
describe("search's first-pass window", () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  let author: TestUser;
  let admin: TestUser;
  let forum: string;

  async function thread(title: string, body: string): Promise<ThreadDto> {
    await t.app.get(RateLimitService).reset(THREAD_RATE_LIMIT, author.id);
    return (await http().post(`/api/forums/${forum}/threads`).set(author.auth).send({ title, body }).expect(201)).body;
  }

  async function reply(threadId: string, body: string): Promise<string> {
    await t.app.get(RateLimitService).reset(POST_RATE_LIMIT, author.id);
    return (await http().post(`/api/threads/${threadId}/posts`).set(author.auth).send({ body }).expect(201)).body.id;
  }

  /** The copy, and what it should be, as comparable rows. */
  async function copyAndExpected() {
    const copy = await t.dataSource.query(
      `SELECT post_id AS id, forum_id, thread_id, seq, created_at, search::text FROM search_recent_posts ORDER BY 1`,
    );
    const expected = await t.dataSource.query(
      `SELECT p.id, t.forum_id, p.thread_id, p.seq, p.created_at, p.search::text
         FROM posts p JOIN threads t ON t.id = p.thread_id
        WHERE p.deleted_at IS NULL AND p.hidden_at IS NULL
          AND p.created_at >= coalesce((SELECT since FROM search_window), '-infinity')
        ORDER BY 1`,
    );
    return { copy, expected };
  }

  async function expectExact() {
    const { copy, expected } = await copyAndExpected();
    expect(copy).toEqual(expected);
    return copy.length as number;
  }

  beforeAll(async () => {
    t = await bootApp({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
    await resetDatabase(t.dataSource);
    author = await createUser(t, { displayName: 'Wanda Window' });
    admin = await createUser(t, { displayName: 'Ada Admin', roles: ['admin'] });
    forum = await themeForumId(t.dataSource, 'integration');
  });
  afterAll(() => t.close());

  it('holds every visible post while the window starts at -infinity', async () => {
    const first = await thread('Orchards', 'Apple orchards hire seasonal workers.');
    await reply(first.id, 'Pear orchards too.');
    expect(await expectExact()).toBe(2);
  });

  it('follows edits, hiding, restoring and deleting', async () => {
    const th = await thread('Ferries', 'The ferry timetable changed.');
    const id = await reply(th.id, 'Night ferries stop at ten.');
    await http().patch(`/api/posts/${id}`).set(author.auth).send({ body: 'Night buses replace them.' }).expect(200);
    await expectExact();
    const [row] = await t.dataSource.query(`SELECT search::text FROM search_recent_posts WHERE post_id = $1`, [id]);
    expect(row.search).toContain("'buses'");
    await http().post(`/api/posts/${id}/hide`).set(admin.auth).send({ reason: 'spam' }).expect(200);
    await expectExact();
    await http().post(`/api/posts/${id}/restore`).set(admin.auth).send({ reason: 'a real question' }).expect(200);
    await expectExact();
    await http().delete(`/api/posts/${id}`).set(author.auth).expect(200);
    expect(await t.dataSource.query(`SELECT 1 FROM search_recent_posts WHERE post_id = $1`, [id])).toEqual([]);
    await expectExact();
  });

  it('moves in both directions, copying and dropping posts', async () => {
    const th = await thread('Libraries', 'Library cards for newcomers.');
    for (let i = 0; i < 6; i++) await reply(th.id, `Library hours, note ${i}.`);
    // spread the posts over time so the window's start falls between them
    await t.dataSource.query(
      `UPDATE posts SET created_at = now() - (SELECT count(*) FROM posts q WHERE q.created_at > posts.created_at) * interval '1 minute'`,
    );
    const repository = t.app.get(SearchRepository);

    await repository.moveWindow(3);
    expect(await expectExact()).toBe(3);
    await repository.moveWindow(5);
    expect(await expectExact()).toBe(5);
    await repository.moveWindow(1);
    expect(await expectExact()).toBe(1);

    // inside a narrow window: new posts are copied, old ones edited or moved in time are not
    const fresh = await reply(th.id, 'Library wifi works again.');
    const [old] = await t.dataSource.query(`SELECT id FROM posts ORDER BY created_at LIMIT 1`);
    await t.dataSource.query(`UPDATE posts SET body = 'Old orchards' WHERE id = $1`, [old.id]);
    await expectExact();
    // a post moved into the window is copied, one moved out of it dropped
    await t.dataSource.query(`UPDATE posts SET created_at = now() + interval '1 minute' WHERE id = $1`, [old.id]);
    await t.dataSource.query(`UPDATE posts SET created_at = now() - interval '1 year' WHERE id = $1`, [fresh]);
    expect(await expectExact()).toBe(2);

    await repository.moveWindow(1_000_000);
    const total = Number(
      (await t.dataSource.query(`SELECT count(*) FROM posts WHERE deleted_at IS NULL AND hidden_at IS NULL`))[0].count,
    );
    expect(await expectExact()).toBe(total);
  });

  it('treats a missing window row as -infinity', async () => {
    await t.dataSource.query(`DELETE FROM search_window`);
    const th = await thread('Clinics', 'Walk-in clinics open on Saturday.');
    await reply(th.id, 'Clinics need interpreters.');
    await expectExact();
    const res = await http().get('/api/search?q=clinics').set(author.auth).expect(200);
    expect(res.body.items).toHaveLength(2);
  });
});
