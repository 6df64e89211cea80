import type { Page, SearchResultDto, ThreadDto } from '@twinning/contracts';
import request from 'supertest';
import { THREAD_RATE_LIMIT } from '../src/forums/forums.service';
import { POST_RATE_LIMIT } from '../src/forums/posts.service';
import { highlightToHtml, SearchRepository } from '../src/forums/search.repository';
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

// Every rule holds in both passes: the first, over the window's copy of the newest posts (here it
// holds them all), and the second, over every post (here the window starts at the newest post, so
// the first pass finds too little and the second answers).
describe.each([
  ['the first pass', 1_000_000, 1],
  ['the second pass', 0, 2],
])('search, answered by %s', (_pass, windowPosts, passes) => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  let member: TestUser;
  let outsider: TestUser;
  let admin: TestUser;
  let privateForum: string;
  let integration: string;
  let health: string;
  let privateThread: ThreadDto;

  async function thread(user: TestUser, forumId: string, title: string, body: string, themes?: string[]) {
    await t.app.get(RateLimitService).reset(THREAD_RATE_LIMIT, user.id);
    const res = await http()
      .post(`/api/forums/${forumId}/threads`)
      .set(user.auth)
      .send({ title, body, ...(themes ? { themes } : {}) })
      .expect(201);
    return res.body as ThreadDto;
  }

  async function reply(user: TestUser, threadId: string, body: string): Promise<string> {
    await t.app.get(RateLimitService).reset(POST_RATE_LIMIT, user.id);
    return (await http().post(`/api/threads/${threadId}/posts`).set(user.auth).send({ body }).expect(201)).body.id;
  }

  const search = async (user: TestUser, query: string): Promise<Page<SearchResultDto>> =>
    (await http().get(`/api/search?${query}`).set(user.auth).expect(200)).body;

  beforeAll(async () => {
    t = await bootApp({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
    await resetDatabase(t.dataSource);
    member = await createUser(t, { displayName: 'Mara Member' });
    outsider = await createUser(t, { displayName: 'Olaf Outsider' });
    admin = await createUser(t, { displayName: 'Ada Admin', roles: ['admin'] });
    const city = await createCity(t.dataSource);
    await addMember(t.dataSource, city.id, member.id);
    privateForum = (await createPartnershipForum(t.dataSource, [city.id], { title: 'Secret twinning' })).forumId;
    integration = await themeForumId(t.dataSource, 'integration');
    health = await themeForumId(t.dataSource, 'health');

    privateThread = await thread(
      member,
      privateForum,
      'Budget for the zeppelin',
      'The zeppelin budget is confidential.',
    );
    const cafe = await thread(
      outsider,
      integration,
      'Language cafés',
      'Our language café pairs newcomers with volunteers every week.',
    );
    await reply(member, cafe.id, 'A café for parents: language, language and more language practice.');
    await thread(
      outsider,
      health,
      'Clinics for newcomers',
      'Mobile clinics visit <b>newcomer</b> housing & "shelters".',
      ['integration'],
    );
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.app.get(SearchRepository).moveWindow(windowPosts);
  });

  it('is answered by the pass under test', async () => {
    const repository = t.app.get(SearchRepository);
    const pass = jest.spyOn(repository as unknown as { searchPass: () => unknown }, 'searchPass');
    expect((await search(outsider, 'q=language')).items).toHaveLength(2);
    expect(pass).toHaveBeenCalledTimes(passes);
    pass.mockRestore();
  });

  it('finds posts, best match first, with escaped highlights', async () => {
    const res = await search(outsider, 'q=language');
    expect(res.items.length).toBe(2);
    // the opening post, whose thread title says "language" (a title counts twice), ranks above the
    // reply that says it four times
    expect(res.items.map((r) => r.post.seq)).toEqual([1, 2]);
    expect(res.items[1].rank).toBeGreaterThan(0);
    expect(res.items[0].rank).toBeGreaterThan(res.items[1].rank);
    expect(res.items[1]).toMatchObject({
      thread: { title: 'Language cafés', forumId: integration, themes: [] },
      forum: { id: integration, kind: 'theme', theme: 'integration', partnershipTitle: null },
      post: { author: { id: member.id, displayName: 'Mara Member' } },
    });
    expect(res.items[1].headlineHtml).toContain('<mark>language</mark>');
    expect(res.items[1].titleHtml).toBe('<mark>Language</mark> cafés');
    // without a title match, the post that says the word more often comes first
    const notes = await thread(member, integration, 'Weekly notes', 'The tandem met once.');
    await reply(outsider, notes.id, 'Tandem partners: tandem walks, tandem lunches.');
    expect((await search(outsider, 'q=tandem')).items.map((r) => r.post.seq)).toEqual([2, 1]);
    const clinics = await search(outsider, 'q=newcomer%20housing');
    expect(clinics.items).toHaveLength(1);
    const html = clinics.items[0].headlineHtml;
    expect(html).toContain('<mark>newcomer</mark>');
    expect(html).toContain('&amp;');
    expect(html).toContain('&quot;shelters');
    expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('never passes markup from post text through ts_headline', async () => {
    const th = await thread(outsider, integration, 'Kiosk <i>plans</i>', 'Kiosk <img src=x onerror=alert(1)> downtown');
    const [hit] = (await search(member, 'q=kiosk')).items;
    expect(hit.thread.id).toBe(th.id);
    expect(hit.headlineHtml).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(hit.headlineHtml).not.toContain('<img');
    expect(hit.titleHtml).not.toContain('<i>');
    expect(hit.headlineHtml.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    expect(hit.titleHtml.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('matches thread titles and supports websearch syntax', async () => {
    const res = await search(outsider, 'q=clinics');
    expect(res.items.map((r) => r.thread.title)).toEqual(['Clinics for newcomers']);
    const phrase = await search(outsider, `q=${encodeURIComponent('"language café"')}`);
    expect(phrase.items).toHaveLength(1);
    const excluded = await search(outsider, `q=${encodeURIComponent('language -parents')}`);
    expect(excluded.items.map((r) => r.post.seq)).toEqual([1]);
  });

  it('never shows a private forum’s content to non-members', async () => {
    expect((await search(outsider, 'q=zeppelin')).items).toEqual([]);
    expect((await search(outsider, 'q=budget%20confidential')).items).toEqual([]);
    const denied = await http().get(`/api/search?q=zeppelin&forumId=${privateForum}`).set(outsider.auth).expect(404);
    expect(denied.body.code).toBe('NOT_FOUND');
    const mine = await search(member, 'q=zeppelin');
    expect(mine.items.map((r) => r.thread.id)).toEqual([privateThread.id]);
    expect(mine.items[0].forum).toMatchObject({ kind: 'partnership', partnershipTitle: 'Secret twinning' });
    expect((await search(admin, `q=zeppelin&forumId=${privateForum}`)).items).toHaveLength(1);
  });

  it('leaves out hidden and deleted posts', async () => {
    const th = await thread(member, integration, 'Temporary', 'Walrus sightings downtown');
    const hiddenId = await reply(member, th.id, 'Walrus walrus walrus');
    expect((await search(outsider, 'q=walrus')).items).toHaveLength(2);
    await http().post(`/api/posts/${hiddenId}/hide`).set(admin.auth).send({ reason: 'spam' }).expect(200);
    expect((await search(outsider, 'q=walrus')).items.map((r) => r.post.seq)).toEqual([1]);
    const firstId = (await search(outsider, 'q=walrus')).items[0].post.id;
    await http().delete(`/api/posts/${firstId}`).set(member.auth).expect(200);
    expect((await search(outsider, 'q=walrus')).items).toEqual([]);
    expect((await search(admin, 'q=walrus')).items).toEqual([]);
  });

  it('filters by forum and theme', async () => {
    expect((await search(outsider, `q=newcomers&forumId=${integration}`)).items.map((r) => r.thread.forumId)).toEqual([
      integration,
    ]);
    expect((await search(outsider, `q=newcomers&forumId=${health}`)).items.map((r) => r.thread.title)).toEqual([
      'Clinics for newcomers',
    ]);
    // the clinics thread lives in the health forum but carries the integration theme
    const themed = await search(outsider, 'q=newcomers&theme=integration');
    expect(themed.items.map((r) => r.thread.title).sort()).toEqual(['Clinics for newcomers', 'Language cafés']);
    expect((await search(outsider, 'q=newcomers&theme=employment')).items).toEqual([]);
  });

  it('pages with a cursor', async () => {
    const th = await thread(member, integration, 'Paging', 'Kumquat one');
    for (let i = 0; i < 4; i++) await reply(member, th.id, `Kumquat reply ${i}`);
    const first = await search(outsider, 'q=kumquat&limit=2');
    const second = await search(outsider, `q=kumquat&limit=2&cursor=${first.nextCursor}`);
    const third = await search(outsider, `q=kumquat&limit=2&cursor=${second.nextCursor}`);
    expect(third.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items, ...third.items].map((r) => r.post.id);
    expect(new Set(ids).size).toBe(5);
  });

  it('validates the query', async () => {
    const missing = await http().get('/api/search').set(outsider.auth).expect(400);
    expect(Object.keys(missing.body.fields)).toEqual(['q']);
    await http().get('/api/search?q=a').set(outsider.auth).expect(400);
    await http()
      .get(`/api/search?q=${'a'.repeat(201)}`)
      .set(outsider.auth)
      .expect(400);
    await http().get('/api/search?q=ok&theme=astrology&forumId=x').set(outsider.auth).expect(400);
    await http().get('/api/search?q=ok&cursor=bad').set(outsider.auth).expect(400);
    // only operators: a valid query that matches nothing
    expect((await search(outsider, `q=${encodeURIComponent('-- ""')}`)).items).toEqual([]);
  });

  it('turns only its own markers into <mark>', () => {
    expect(highlightToHtml('a \uE000<b>\uE001 & c')).toBe('a <mark>&lt;b&gt;</mark> &amp; c');
    expect(highlightToHtml('\uE001stray\uE000open')).toBe('stray<mark>open</mark>');
  });
});
