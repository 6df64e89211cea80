import { SEARCH_RANK_LIMIT, type SearchPage, type ThreadDto } from '@twinning/contracts';
import request from 'supertest';
import { THREAD_RATE_LIMIT } from '../src/forums/forums.service';
import { SearchRepository, searchQueries } from '../src/forums/search.repository';
import { RateLimitService } from '../src/rate-limit/rate-limit.service';
import { createUser, themeForumId, type TestUser } from './support/factories';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

describe('search in several languages', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  let english: TestUser;
  let french: TestUser;
  let forum: string;

  async function thread(user: TestUser, title: string, body: string, language?: string) {
    await t.app.get(RateLimitService).reset(THREAD_RATE_LIMIT, user.id);
    const res = await http()
      .post(`/api/forums/${forum}/threads`)
      .set(user.auth)
      .send({ title, body, ...(language ? { language } : {}) })
      .expect(201);
    return res.body as ThreadDto;
  }

  const search = async (query: string): Promise<SearchPage> =>
    (
      await http()
        .get(`/api/search?q=${encodeURIComponent(query)}`)
        .set(english.auth)
        .expect(200)
    ).body;
  const titles = async (query: string) => (await search(query)).items.map((r) => r.thread.title);

  beforeAll(async () => {
    t = await bootApp({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
    await resetDatabase(t.dataSource);
    english = await createUser(t, { displayName: 'Erin English' });
    french = await createUser(t, { displayName: 'Fanny Français' });
    await t.dataSource.query(`UPDATE users SET preferred_language = 'fr' WHERE id = $1`, [french.id]);
    forum = await themeForumId(t.dataSource, 'employment');

    await thread(english, 'Pilots across cities', 'Three pilots started in spring.');
    await thread(english, 'A pilot for newcomers', 'One pilot, one city.');
    await thread(english, 'Meeting local employers', 'Employers asked about permits.');
    // no language given: the author's interface language (French)
    await thread(french, 'Arrivées récentes', 'Les nouveaux arrivants trouvent un logement.');
    await thread(english, 'Trabajo', 'Los trabajadores migrantes encontraron empleo.', 'es');
    await thread(english, 'التعليم', 'المعلمون يساعدون الأطفال الجدد في المدرسة', 'ar');
  });
  afterAll(() => t.close());

  it('finds stemmed forms in English', async () => {
    expect((await titles('pilot')).sort()).toEqual(['A pilot for newcomers', 'Pilots across cities']);
    expect((await titles('pilots')).sort()).toEqual(['A pilot for newcomers', 'Pilots across cities']);
    expect(await titles('employer')).toEqual(['Meeting local employers']);
  });

  it('finds stemmed forms in French, Spanish and Arabic', async () => {
    expect(await titles('nouveau')).toEqual(['Arrivées récentes']);
    expect(await titles('trabajador')).toEqual(['Trabajo']);
    expect(await titles('المعلم')).toEqual(['التعليم']);
  });

  it('ranks the exact word above its stemmed forms', async () => {
    const pilot = (await search('pilot')).items;
    expect(pilot.map((r) => r.thread.title)).toEqual(['A pilot for newcomers', 'Pilots across cities']);
    expect(pilot[0].rank).toBeGreaterThan(pilot[1].rank);
    const pilots = (await search('pilots')).items;
    expect(pilots.map((r) => r.thread.title)).toEqual(['Pilots across cities', 'A pilot for newcomers']);
    expect(pilots[0].rank).toBeGreaterThan(pilots[1].rank);
  });

  it('highlights stemmed matches in the snippet', async () => {
    const [hit] = (await search('nouveau')).items;
    expect(hit.headlineHtml).toContain('<mark>nouveaux</mark>');
    const [employers] = (await search('employer')).items;
    expect(employers.titleHtml).toBe('Meeting local <mark>employers</mark>');
  });

  it("takes the author's interface language unless the writer chooses one", async () => {
    expect((await search('nouveau')).items[0].post.language).toBe('fr');
    expect((await search('trabajador')).items[0].post.language).toBe('es');
    expect((await search('employer')).items[0].post.language).toBe('en');
    const res = await http()
      .post(`/api/forums/${forum}/threads`)
      .set(english.auth)
      .send({ title: 'Klingon', body: 'tlhIngan Hol', language: 'tlh' })
      .expect(400);
    expect(Object.keys(res.body.fields)).toEqual(['language']);
    const reply = await http()
      .post(`/api/threads/${(await search('employer')).items[0].thread.id}/posts`)
      .set(english.auth)
      .send({ body: 'Les employeurs aussi', language: 'fr' })
      .expect(201);
    const [row] = await t.dataSource.query(`SELECT language FROM posts WHERE id = $1`, [reply.body.id]);
    expect(row.language).toBe('fr');
  });

  it('shows snippets as plain text: no Markdown, no HTML', async () => {
    await thread(
      english,
      'Zanzibar <script>alert(1)</script>',
      'See **the zanzibar plan** in [our notes](https://example.org/x) or `code`.\n\n' +
        '<script>alert("zanzibar")</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))',
    );
    const [hit] = (await search('zanzibar')).items;
    const text = hit.headlineHtml.replace(/<\/?mark>/g, '');
    expect(text).not.toMatch(/[<>]/);
    expect(text).not.toContain('**');
    expect(text).not.toContain('`');
    expect(text).not.toContain('https://example.org');
    expect(hit.headlineHtml).toContain('<mark>zanzibar</mark> plan in our notes or code');
    expect(hit.headlineHtml).not.toMatch(/<(script|img)/);
    expect(hit.headlineHtml).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(hit.titleHtml).toBe('<mark>Zanzibar</mark> &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('builds its queries without repeating alternatives, with the exact words weighted A', () => {
    expect(searchQueries(["'integr'", "'integr'", "'integration'", "'integration'"], "'integration'")).toEqual({
      match: "( 'integr' ) | ( 'integration' )",
      rank: "( 'integration':A ) | ( 'integr':B ) | ( 'integration':B )",
    });
    expect(searchQueries(['', "'pilot':*"], "'pilots' & !'x'")?.rank).toBe("( 'pilots':A & !'x':A ) | ( 'pilot':*B )");
    expect(searchQueries(['', '', '', ''], '')).toBeNull();
  });

  describe(`beyond ${SEARCH_RANK_LIMIT} matches`, () => {
    let oldThread: string;
    beforeAll(async () => {
      // an old post that would rank first, then SEARCH_RANK_LIMIT + 10 newer, weaker matches
      oldThread = (await thread(english, 'Quokka quokka quokka', 'Quokka quokka quokka quokka quokka.')).id;
      await t.dataSource.query(`UPDATE posts SET created_at = now() - interval '1 year' WHERE thread_id = $1`, [
        oldThread,
      ]);
      await t.dataSource.query(
        `INSERT INTO posts (thread_id, seq, author_id, body, body_html, created_at)
         SELECT $1, 100 + n, $2, 'a quokka and ' || n || ' other animals', '<p>a quokka</p>', now() - n * interval '1 second'
           FROM generate_series(1, $3::int) AS n`,
        [(await search('employer')).items[0].thread.id, english.id, SEARCH_RANK_LIMIT + 10],
      );
    });

    it('ranks only the newest ones, and says so', async () => {
      const repository = t.app.get(SearchRepository);
      // fewer posts than the window: one pass over everything; a window holding more than the limit:
      // one pass over it; a window holding fewer: a second pass over everything
      for (const [window, passes] of [
        [100_000, 1],
        [SEARCH_RANK_LIMIT + 15, 1],
        [500, 2],
      ]) {
        await repository.moveWindow(window);
        const pass = jest.spyOn(repository as unknown as { searchPass: () => unknown }, 'searchPass');
        const res = await search('quokka');
        expect(pass).toHaveBeenCalledTimes(passes);
        pass.mockRestore();
        expect(res.capped).toBe(true);
        expect(res.items).toHaveLength(20);
        expect(res.items.map((r) => r.thread.id)).not.toContain(oldThread);
      }
      expect((await search('zanzibar')).capped).toBe(false);
    });

    it('ranks every match up to the limit', async () => {
      await t.dataSource.query(`DELETE FROM posts WHERE body ~ '^a quokka and ([1-9]|1[01]) other'`);
      const res = await search('quokka');
      expect(res.capped).toBe(false);
      expect(res.items[0].thread.id).toBe(oldThread);
    });
  });
});
