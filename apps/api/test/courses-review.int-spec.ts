import type { CourseVersionDto, CourseVersionSummaryDto } from '@twinning/contracts';
import { createUser, type TestUser } from './support/factories';
import { courseBody, courseClient } from './support/courses';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

/** Course versions through review: the two-reviewer rule, change requests with comments, illegal moves, roles. */
describe('courses: authoring, review and versions', () => {
  let t: TestApp;
  let c: ReturnType<typeof courseClient>;
  let author: TestUser; // facilitator
  let coAuthor: TestUser; // facilitator and reviewer, co-author of the course
  let reviewer1: TestUser;
  let reviewer2: TestUser;
  let reviewer3: TestUser;
  let member: TestUser;
  let otherFacilitator: TestUser;

  beforeAll(async () => {
    t = await bootApp();
    await resetDatabase(t.dataSource);
    c = courseClient(t);
    author = await createUser(t, { roles: ['facilitator'] });
    coAuthor = await createUser(t, { roles: ['facilitator', 'reviewer'] });
    reviewer1 = await createUser(t, { roles: ['reviewer'] });
    reviewer2 = await createUser(t, { roles: ['reviewer'] });
    reviewer3 = await createUser(t, { roles: ['reviewer', 'admin'] });
    member = await createUser(t);
    otherFacilitator = await createUser(t, { roles: ['facilitator'] });
  });
  afterAll(() => t.close());

  const expectState = (res: { status: number; body: CourseVersionDto }, state: string) => {
    expect([res.status, res.body.state]).toEqual([200, state]);
  };

  it('publishes only when two distinct non-author reviewers approve; a second approval by the same one counts once', async () => {
    const v1 = await c.create(author, { coAuthorIds: [coAuthor.id] });
    expect(v1).toMatchObject({ number: 1, state: 'draft', reviewRound: 0 });
    expect(v1.authors.map((a) => a.id)).toEqual([author.id, coAuthor.id]);
    // lesson Markdown is rendered and sanitised like posts
    const [first, second] = v1.modules[0].lessons;
    expect(first.bodyHtml).toContain('<em>neutral</em>');
    expect(first.bodyHtml).not.toContain('<script');
    expect(second.bodyHtml).toContain('href="https://example.org"');
    expect(second.bodyHtml).not.toContain('href="javascript');

    // approving a draft is an illegal move naming both states
    const early = await c.action(reviewer1, v1.id, 'approve');
    expect([early.status, early.body.code]).toEqual([409, 'INVALID_STATE']);
    expect(early.body.message).toMatch(/draft/);
    expect(early.body.message).toMatch(/published/);

    expectState(await c.action(author, v1.id, 'submit'), 'in_review');
    const again = await c.action(author, v1.id, 'submit');
    expect([again.status, again.body.code]).toEqual([409, 'INVALID_STATE']);
    expect(again.body.message).toMatch(/in_review.*in_review|in_review/);

    // the queue: reviewers who are not authors see it; the co-author (also a reviewer) does not
    const queue = async (u: TestUser) =>
      ((await c.http().get('/api/course-reviews').set(u.auth).expect(200)).body as CourseVersionSummaryDto[]).map(
        (v) => v.id,
      );
    expect(await queue(reviewer1)).toContain(v1.id);
    expect(await queue(coAuthor)).not.toContain(v1.id);

    // authors cannot approve their own course, even holding the reviewer role
    const own = await c.action(coAuthor, v1.id, 'approve');
    expect([own.status, own.body.code]).toEqual([403, 'FORBIDDEN']);

    const a1 = await c.action(reviewer1, v1.id, 'approve');
    expectState(a1, 'in_review');
    expect(a1.body.approvals.map((a: { id: string }) => a.id)).toEqual([reviewer1.id]);
    const a1again = await c.action(reviewer1, v1.id, 'approve');
    expectState(a1again, 'in_review');
    expect(a1again.body.approvals).toHaveLength(1);

    const a2 = await c.action(reviewer2, v1.id, 'approve');
    expectState(a2, 'published');
    expect(a2.body.publishedAt).not.toBeNull();

    // published: no more approvals, no comments, no edits of this version
    const late = await c.action(reviewer3, v1.id, 'approve');
    expect([late.status, late.body.code]).toEqual([409, 'INVALID_STATE']);
    expect(late.body.message).toMatch(/published/);
    const submitPublished = await c.action(author, v1.id, 'submit');
    expect(submitPublished.status).toBe(409);
    expect(submitPublished.body.message).toMatch(/published.*in_review/);

    // editing the published course starts version 2 (a draft); version 1 stays published
    const lessonKey = v1.modules[0].lessons[0].key;
    const edited = courseBody({ title: 'Mediation for city officials, second edition' });
    edited.modules[0].lessons[0] = { key: lessonKey, title: 'What mediation is', body: 'Rewritten.' };
    const v2res = await c.saveDraft(author, v1.courseId, edited);
    expect(v2res.status).toBe(200);
    const v2 = v2res.body as CourseVersionDto;
    expect(v2).toMatchObject({ number: 2, state: 'draft', courseId: v1.courseId });
    expect(v2.id).not.toBe(v1.id);
    expect(v2.modules[0].lessons[0]).toMatchObject({ key: lessonKey, body: 'Rewritten.' });
    expect((await c.http().get(`/api/courses/${v1.courseId}`).expect(200)).body).toMatchObject({
      versionId: v1.id,
      title: 'Mediation for city officials',
    });
    // editing the draft again keeps version 2
    const v2b = await c.saveDraft(author, v1.courseId, edited);
    expect([v2b.status, v2b.body.id, v2b.body.number]).toEqual([200, v2.id, 2]);

    // a new draft while one exists: 409 naming both states
    const twice = await c.http().post(`/api/courses/${v1.courseId}/versions`).set(author.auth);
    expect([twice.status, twice.body.code]).toEqual([409, 'INVALID_STATE']);
    expect(twice.body.message).toMatch(/draft/);

    // approvals of a new round are counted afresh: v2 needs two approvals of its own
    expectState(await c.action(coAuthor, v2.id, 'submit'), 'in_review');
    const edit409 = await c.saveDraft(author, v1.courseId, edited);
    expect([edit409.status, edit409.body.code]).toEqual([409, 'INVALID_STATE']);
    expect(edit409.body.message).toMatch(/in_review.*draft/);
    expectState(await c.action(reviewer1, v2.id, 'approve'), 'in_review');
    expectState(await c.action(reviewer3, v2.id, 'approve'), 'published');

    // publishing v2 archived v1
    const history = (await c.http().get(`/api/courses/${v1.courseId}/versions`).set(author.auth).expect(200))
      .body as CourseVersionSummaryDto[];
    expect(history.map((v) => [v.number, v.state])).toEqual([
      [2, 'published'],
      [1, 'archived'],
    ]);
    expect((await c.http().get(`/api/courses/${v1.courseId}`).expect(200)).body.versionId).toBe(v2.id);

    // an explicit new draft copies the published version, lesson keys and answers included
    const v3 = await c.http().post(`/api/courses/${v1.courseId}/versions`).set(author.auth);
    expect(v3.status).toBe(201);
    expect(v3.body).toMatchObject({ number: 3, state: 'draft', title: edited.title });
    // (quizzes are new rows of the new version: their ids differ, nothing else)
    const withoutQuizIds = (modules: CourseVersionDto['modules']) =>
      modules.map((m) => ({ ...m, quizzes: m.quizzes.map(({ id: _id, ...quiz }) => quiz) }));
    expect(withoutQuizIds(v3.body.modules)).toEqual(withoutQuizIds(v2b.body.modules));
  });

  it('a change request sends the version back to draft with per-lesson comments; resubmitting starts a new round', async () => {
    const v = await c.create(author);
    const [lessonA, lessonB] = v.modules[0].lessons;
    await c.action(author, v.id, 'submit').expect(200);

    expectState(await c.action(reviewer1, v.id, 'approve'), 'in_review');
    const commented = await c.action(reviewer2, v.id, 'comments', {
      lessonKey: lessonA.key,
      body: 'Cite a **source**.',
    });
    expect(commented.status).toBe(201);
    expect(commented.body.comments[0]).toMatchObject({
      lessonKey: lessonA.key,
      bodyHtml: '<p>Cite a <strong>source</strong>.</p>',
    });

    const unknown = await c.action(reviewer2, v.id, 'request-changes', {
      comments: [{ lessonKey: '00000000-0000-4000-8000-000000000000', body: 'Where?' }],
    });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(Object.keys(unknown.body.fields)).toEqual(['comments.0.lessonKey']);

    const back = await c.action(reviewer2, v.id, 'request-changes', {
      comments: [{ lessonKey: lessonB.key, body: 'Shorter, please.' }],
    });
    expectState(back, 'draft');
    const seen = (await c.http().get(`/api/course-versions/${v.id}`).set(author.auth).expect(200))
      .body as CourseVersionDto;
    expect(seen.comments.map((x) => [x.lessonKey, x.reviewer.id, x.body, x.round])).toEqual([
      [lessonA.key, reviewer2.id, 'Cite a **source**.', 1],
      [lessonB.key, reviewer2.id, 'Shorter, please.', 1],
    ]);
    expect(seen.approvals.map((a) => a.id)).toEqual([reviewer1.id]); // round 1's, until a resubmission starts round 2

    // a second change request on a draft is illegal
    const twice = await c.action(reviewer2, v.id, 'request-changes', {
      comments: [{ lessonKey: lessonB.key, body: 'x' }],
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'INVALID_STATE']);
    expect(twice.body.message).toMatch(/draft/);

    // the author edits (same version, keys kept) and resubmits: round 2, earlier approvals no longer count
    const body = courseBody();
    body.modules[0].lessons = [
      { key: lessonA.key, title: 'What mediation is', body: 'See Moore (2014).' },
      { key: lessonB.key, title: 'Listening', body: 'Short.' },
    ];
    const saved = await c.saveDraft(author, v.courseId, body);
    expect([saved.status, saved.body.id, saved.body.number]).toEqual([200, v.id, 1]);
    const round2 = await c.action(author, v.id, 'submit');
    expect([round2.status, round2.body.reviewRound, round2.body.approvals]).toEqual([200, 2, []]);
    expectState(await c.action(reviewer1, v.id, 'approve'), 'in_review');
    expectState(await c.action(reviewer2, v.id, 'approve'), 'published');
  });

  it('refuses non-trainers (403), non-authors (403), non-reviewers (403) and hides drafts from outsiders (404)', async () => {
    const v = await c.create(author);
    const denied = async (res: Promise<{ status: number; body: { code: string } }>) => {
      const r = await res;
      expect([r.status, r.body.code]).toEqual([403, 'FORBIDDEN']);
    };
    await denied(c.http().post('/api/courses').set(member.auth).send(courseBody()));
    await denied(c.http().post('/api/courses').set(reviewer1.auth).send(courseBody()));
    await denied(c.http().get('/api/courses/authored').set(member.auth));
    await denied(c.saveDraft(otherFacilitator, v.courseId, courseBody()));
    await denied(c.saveDraft(member, v.courseId, courseBody()));
    await denied(c.action(otherFacilitator, v.id, 'submit'));
    await c.action(author, v.id, 'submit').expect(200);
    await denied(c.action(otherFacilitator, v.id, 'approve'));
    await denied(c.action(member, v.id, 'approve'));
    await denied(c.action(author, v.id, 'approve'));
    await denied(
      c.action(member, v.id, 'request-changes', { comments: [{ lessonKey: v.modules[0].lessons[0].key, body: 'x' }] }),
    );
    await denied(c.http().get('/api/course-reviews').set(author.auth));
    await denied(c.http().get('/api/course-reviews').set(member.auth));

    for (const u of [member, otherFacilitator]) {
      expect((await c.http().get(`/api/course-versions/${v.id}`).set(u.auth)).status).toBe(404);
      expect((await c.http().get(`/api/courses/${v.courseId}/versions`).set(u.auth)).status).toBe(404);
    }
    expect((await c.http().get(`/api/courses/${v.courseId}`)).status).toBe(404); // not published yet
    expect((await c.http().get(`/api/course-versions/${v.id}`).set(reviewer1.auth)).status).toBe(200);
    expect((await c.http().get(`/api/course-versions/${v.id}`)).status).toBe(401);

    // the author's list shows the newest version of each course they author
    const mine = (await c.http().get('/api/courses/authored').set(author.auth).expect(200))
      .body as CourseVersionSummaryDto[];
    expect(mine.find((x) => x.courseId === v.courseId)).toMatchObject({ state: 'in_review', number: 1 });
    expect((await c.http().get('/api/courses/authored').set(otherFacilitator.auth).expect(200)).body).toEqual([]);
  });
});
