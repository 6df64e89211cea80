import type { CourseDto, CourseSummaryDto, CourseVersionDto, Page } from '@twinning/contracts';
import { createUser, type TestUser } from './support/factories';
import { courseBody, courseClient } from './support/courses';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

/** Every key of a JSON value, at any depth. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

describe('courses: public catalogue and validation', () => {
  let t: TestApp;
  let c: ReturnType<typeof courseClient>;
  let author: TestUser;
  let reviewers: TestUser[];
  let learner: TestUser;

  async function publish(overrides: Parameters<typeof c.create>[1]): Promise<CourseVersionDto> {
    const v = await c.create(author, overrides);
    await c.action(author, v.id, 'submit').expect(200);
    await c.action(reviewers[0], v.id, 'approve').expect(200);
    const res = await c.action(reviewers[1], v.id, 'approve').expect(200);
    expect(res.body.state).toBe('published');
    return res.body;
  }

  beforeAll(async () => {
    t = await bootApp();
    await resetDatabase(t.dataSource);
    c = courseClient(t);
    author = await createUser(t, { roles: ['facilitator'] });
    reviewers = [await createUser(t, { roles: ['reviewer'] }), await createUser(t, { roles: ['reviewer'] })];
    learner = await createUser(t);
  });
  afterAll(() => t.close());

  it('lists published courses only, filtered by language and theme, page by page, and never carries answers', async () => {
    const en = await publish({ title: 'Mediation', language: 'en', themes: ['integration', 'employment'] });
    const fr = await publish({ title: 'Médiation', language: 'fr', themes: ['integration'] });
    const fr2 = await publish({ title: 'Négociation', language: 'fr', themes: ['health'] });
    const draft = await c.create(author, { title: 'Unfinished' });
    const inReview = await c.create(author, { title: 'Waiting' });
    await c.action(author, inReview.id, 'submit').expect(200);

    const list = async (query: Record<string, string | number>, user?: TestUser) => {
      const req = c.http().get('/api/courses').query(query);
      const res = await (user ? req.set(user.auth) : req);
      expect(res.status).toBe(200);
      return res.body as Page<CourseSummaryDto>;
    };
    const titles = (page: Page<CourseSummaryDto>) => page.items.map((i) => i.title);

    const all = await list({});
    expect(titles(all)).toEqual(['Négociation', 'Médiation', 'Mediation']);
    expect(all.items.map((i) => i.id)).not.toContain(draft.courseId);
    expect(all.items.map((i) => i.id)).not.toContain(inReview.courseId);
    expect(all.items[2]).toMatchObject({
      id: en.courseId,
      versionId: en.id,
      versionNumber: 1,
      language: 'en',
      lessonCount: 3,
      quizCount: 1,
      estimatedHours: 3.5,
      authors: [{ id: author.id, displayName: author.displayName }],
    });
    expect(titles(await list({ language: 'fr' }))).toEqual(['Négociation', 'Médiation']);
    expect(titles(await list({ theme: 'integration' }))).toEqual(['Médiation', 'Mediation']);
    expect(titles(await list({ language: 'fr', theme: 'integration' }))).toEqual(['Médiation']);
    expect(titles(await list({ language: 'de' }))).toEqual([]);

    // two statements whatever the page holds (rows, then the authors of every course on it)
    const counted = await t.queries.measure(() => list({ limit: 50 }));
    expect([counted.result.items.length, counted.queries]).toEqual([3, 2]);
    const page = await t.queries.measure(() => c.http().get(`/api/courses/${en.courseId}`).expect(200));
    // the course, its authors, its content, its forum
    expect(page.queries).toBe(4);

    const first = await list({ limit: 2 }, learner);
    expect(titles(first)).toEqual(['Négociation', 'Médiation']);
    const second = await list({ limit: 2, cursor: String(first.nextCursor) });
    expect([titles(second), second.nextCursor]).toEqual([['Mediation'], null]);

    // the course page: lessons and quizzes, options without their correct flags, for anyone
    for (const user of [undefined, learner]) {
      const req = c.http().get(`/api/courses/${en.courseId}`);
      const res = await (user ? req.set(user.auth) : req);
      expect(res.status).toBe(200);
      const page = res.body as CourseDto;
      expect(page.modules[0].quizzes[0]).toEqual({
        id: en.modules[0].quizzes[0].id,
        title: 'Check your basics',
        passMark: 60,
        maxAttempts: 3,
        questions: [
          {
            kind: 'single',
            prompt: 'A mediator is…',
            options: [{ text: 'SECRET-RIGHT-neutral' }, { text: 'a judge' }],
          },
          {
            kind: 'multiple',
            prompt: 'Which help?',
            options: [
              { text: 'SECRET-RIGHT-paraphrasing' },
              { text: 'SECRET-RIGHT-summarising' },
              { text: 'interrupting' },
            ],
          },
        ],
      });
      expect(keysOf(page).has('correct')).toBe(false);
      expect(JSON.stringify(res.body)).not.toMatch(/"correct"|"answers"/);
    }
    expect(keysOf((await c.http().get('/api/courses').query({ limit: 50 })).body).has('correct')).toBe(false);
    expect((await c.http().get(`/api/courses/${fr.courseId}`)).body.language).toBe('fr');
    expect((await c.http().get(`/api/courses/${fr2.courseId}`)).status).toBe(200);
    expect((await c.http().get(`/api/courses/${draft.courseId}`)).status).toBe(404);
    expect((await c.http().get('/api/courses/not-an-id')).status).toBe(404);

    const badFilter = await c.http().get('/api/courses').query({ theme: 'cooking', language: 'xx' });
    expect([badFilter.status, Object.keys(badFilter.body.fields).sort()]).toEqual([400, ['language', 'theme']]);
    const badCursor = await c.http().get('/api/courses').query({ cursor: 'nope' });
    expect([badCursor.status, Object.keys(badCursor.body.fields)]).toEqual([400, ['cursor']]);
  });

  it('answers 400 naming each refused field, in the asker’s language', async () => {
    const body = courseBody({ title: '  ', language: 'xx' as 'en', estimatedHours: 0, themes: [] });
    body.modules[0].lessons[0].title = '';
    body.modules[0].quizzes[0].passMark = 120;
    const res = await c.http().post('/api/courses').set(author.auth).send(body);
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(Object.keys(res.body.fields).sort()).toEqual([
      'estimatedHours',
      'language',
      'modules.0.lessons.0.title',
      'modules.0.quizzes.0.passMark',
      'themes',
      'title',
    ]);
    const noModules = await c
      .http()
      .post('/api/courses')
      .set(author.auth)
      .send({ ...courseBody(), modules: [] });
    expect(Object.keys(noModules.body.fields)).toEqual(['modules']);
    const extra = await c
      .http()
      .post('/api/courses')
      .set(author.auth)
      .send({ ...courseBody(), state: 'published' });
    expect([extra.status, Object.keys(extra.body.fields)]).toEqual([400, ['state']]);

    // correct options must fit the question's kind (checked by the service, worded in four languages)
    const wrong = courseBody();
    wrong.modules[0].quizzes[0].questions[0].options[1].correct = true; // single choice with two right answers
    wrong.modules[0].quizzes[0].questions[1].options.forEach((o) => (o.correct = false)); // multiple with none
    for (const [lang, word] of [
      ['en', 'exactly one correct option'],
      ['fr', 'exactement une bonne réponse'],
      ['es', 'exactamente una opción correcta'],
      ['ar', 'خيارًا صحيحًا واحدًا'],
    ]) {
      const r = await c.http().post('/api/courses').set(author.auth).set('Accept-Language', lang).send(wrong);
      expect([r.status, Object.keys(r.body.fields)]).toEqual([
        400,
        ['modules.0.quizzes.0.questions.0.options', 'modules.0.quizzes.0.questions.1.options'],
      ]);
      expect(r.body.fields['modules.0.quizzes.0.questions.0.options'][0]).toContain(word);
    }

    // co-authors must be facilitators; lesson keys must be the draft's own, each once
    const stranger = await createUser(t);
    const co = await c
      .http()
      .post('/api/courses')
      .set(author.auth)
      .send(courseBody({ coAuthorIds: [stranger.id] }));
    expect([co.status, co.body.fields]).toEqual([
      400,
      { coAuthorIds: [`coAuthorIds: ${stranger.id} is not a facilitator`] },
    ]);
    const v = await c.create(author);
    const key = v.modules[0].lessons[0].key;
    const dup = courseBody();
    dup.modules[0].lessons[0].key = key;
    dup.modules[0].lessons[1].key = key;
    dup.modules[1].lessons[0].key = '00000000-0000-4000-8000-000000000000';
    const r = await c.saveDraft(author, v.courseId, dup);
    expect([r.status, Object.keys(r.body.fields)]).toEqual([
      400,
      ['modules.0.lessons.1.key', 'modules.1.lessons.0.key'],
    ]);
    // nothing was stored by the refused requests
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM course_versions WHERE course_id = $1`,
      [v.courseId],
    );
    expect(count).toBe(1);
  });
});
