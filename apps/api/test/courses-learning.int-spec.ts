import type {
  CourseEnrolmentDto,
  CourseQuestionStatsDto,
  CourseQuizAttemptDto,
  CourseVersionDto,
} from '@twinning/contracts';
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

/** Learners: enrolment pinned to a version, progress, resume, server-side quiz grading, attempt limits. */
describe('courses: learners', () => {
  let t: TestApp;
  let c: ReturnType<typeof courseClient>;
  let author: TestUser;
  let reviewers: TestUser[];
  let learner: TestUser;
  let other: TestUser;

  async function publishVersion(v: CourseVersionDto): Promise<void> {
    await c.action(author, v.id, 'submit').expect(200);
    await c.action(reviewers[0], v.id, 'approve').expect(200);
    expect((await c.action(reviewers[1], v.id, 'approve').expect(200)).body.state).toBe('published');
  }

  beforeAll(async () => {
    t = await bootApp();
    await resetDatabase(t.dataSource);
    c = courseClient(t);
    author = await createUser(t, { roles: ['facilitator'] });
    reviewers = [await createUser(t, { roles: ['reviewer'] }), await createUser(t, { roles: ['reviewer'] })];
    learner = await createUser(t);
    other = await createUser(t);
  });
  afterAll(() => t.close());

  it('enrols on the published version, resumes, grades on the server, and keeps the learner on their version', async () => {
    const v1 = await c.create(author);
    const draftEnrol = await c.http().post(`/api/courses/${v1.courseId}/enrolment`).set(learner.auth);
    expect(draftEnrol.status).toBe(404); // nothing published yet
    await publishVersion(v1);

    const seen: unknown[] = []; // every answer the learner gets before submitting an attempt
    const as = async (user: TestUser, method: 'get' | 'post' | 'put', path: string, body?: object) => {
      const res = await c.http()[method](`/api/courses/${v1.courseId}${path}`).set(user.auth).send(body);
      if (user === learner) seen.push(res.body);
      return res;
    };
    const enrolled = await as(learner, 'post', '/enrolment');
    expect(enrolled.status).toBe(201);
    const e = enrolled.body as CourseEnrolmentDto;
    expect(e).toMatchObject({ versionId: v1.id, versionNumber: 1, newerVersionId: null, completed: false });
    expect(e.quizzes).toEqual([
      { quizId: v1.modules[0].quizzes[0].id, attemptsUsed: 0, attemptsLeft: 3, bestScore: null, passed: false },
    ]);
    expect((await as(learner, 'post', '/enrolment')).body.versionId).toBe(v1.id); // again: unchanged
    expect((await as(other, 'get', '/enrolment')).status).toBe(404);

    // progress and resume
    const [l1, l2] = v1.modules[0].lessons;
    const l3 = v1.modules[1].lessons[0];
    await as(learner, 'put', '/progress', { lessonKey: l1.key, completed: true });
    const resumed = (await as(learner, 'put', '/progress', { lessonKey: l2.key })).body as CourseEnrolmentDto;
    expect([resumed.lastLessonKey, resumed.completedLessonKeys]).toEqual([l2.key, [l1.key]]);
    const unknown = await as(learner, 'put', '/progress', { lessonKey: '00000000-0000-4000-8000-000000000000' });
    expect([unknown.status, Object.keys(unknown.body.fields)]).toEqual([400, ['lessonKey']]);

    // nothing the learner received so far says which options are right
    for (const body of seen) expect(keysOf(body).has('correct')).toBe(false);

    // grading: single (right = 0), multiple (right = 0 and 1)
    const quizId = v1.modules[0].quizzes[0].id;
    const attempt = (answers: unknown) => as(learner, 'post', `/quizzes/${quizId}/attempts`, { answers });
    const bad = await attempt([[0, 1], [0]]);
    expect([bad.status, Object.keys(bad.body.fields)]).toEqual([400, ['answers']]); // two options on a single-choice
    expect((await attempt([[0]])).status).toBe(400); // one answer for two questions
    expect((await attempt([[0], [7]])).status).toBe(400); // no such option
    const half = (await attempt([[0], [0]])).body as CourseQuizAttemptDto;
    expect(half).toMatchObject({ score: 50, passed: false, questions: [{ right: true }, { right: false }] });
    expect(half.status).toMatchObject({ attemptsUsed: 1, attemptsLeft: 2, bestScore: 50, passed: false });
    const full = (await attempt([[0], [1, 0]])).body as CourseQuizAttemptDto;
    expect(full).toMatchObject({ score: 100, passed: true });
    await attempt([[1], [2]]);
    const none = await attempt([[0], [0, 1]]);
    expect([none.status, none.body.code]).toEqual([409, 'INVALID_STATE']); // 3 attempts used
    expect((await as(other, 'post', `/quizzes/${quizId}/attempts`, { answers: [[0], [0]] })).status).toBe(404);

    // the authors see every learner's progress and which question people miss most; others may not
    await c.http().post(`/api/courses/${v1.courseId}/enrolment`).set(other.auth).expect(201);
    await as(other, 'post', `/quizzes/${quizId}/attempts`, { answers: [[1], [0, 1]] });
    const learners = (await c.http().get(`/api/courses/${v1.courseId}/learners`).set(author.auth).expect(200)).body;
    expect(learners).toEqual([
      expect.objectContaining({
        user: { id: learner.id, displayName: learner.displayName },
        lessonsDone: 1,
        lessonCount: 3,
        quizzesPassed: 1,
        quizCount: 1,
        lastLessonKey: l2.key,
      }),
      expect.objectContaining({
        user: { id: other.id, displayName: other.displayName },
        lessonsDone: 0,
        quizzesPassed: 0,
      }),
    ]);
    const stats = (await c.http().get(`/api/course-versions/${v1.id}/quiz-stats`).set(author.auth).expect(200))
      .body as CourseQuestionStatsDto[];
    // learner: [right, wrong], [right, right], [wrong, wrong]; other: [wrong, right]
    expect(Object.fromEntries(stats.map((s) => [s.question, [s.attempts, s.misses]]))).toEqual({
      1: [4, 2],
      2: [4, 2],
    });
    expect(stats[0]).toMatchObject({ quizId, quizTitle: 'Check your basics' });
    for (const u of [learner, reviewers[0]]) {
      expect((await c.http().get(`/api/courses/${v1.courseId}/learners`).set(u.auth)).status).toBe(403);
      expect((await c.http().get(`/api/course-versions/${v1.id}/quiz-stats`).set(u.auth)).status).toBe(403);
    }

    await as(learner, 'put', '/progress', { lessonKey: l2.key, completed: true });
    const done = (await as(learner, 'put', '/progress', { lessonKey: l3.key, completed: true }))
      .body as CourseEnrolmentDto;
    expect(done.completed).toBe(true);
    expect(done.quizzes[0]).toMatchObject({ bestScore: 100, passed: true, attemptsLeft: 0 });

    // version 2 is published: the learner stays on version 1 until they choose to move
    const v2body = courseBody({ title: 'Second edition' });
    v2body.modules[0].quizzes[0].maxAttempts = null;
    const v2 = (await c.saveDraft(author, v1.courseId, v2body).expect(200)).body as CourseVersionDto;
    await publishVersion(v2);
    const stayed = (await as(learner, 'get', '/enrolment')).body as CourseEnrolmentDto;
    expect([stayed.versionId, stayed.newerVersionId, stayed.completed]).toEqual([v1.id, v2.id, true]);
    // a learner on version 1 cannot attempt version 2's quiz; a new learner enrols on version 2
    expect(
      (await as(learner, 'post', `/quizzes/${v2.modules[0].quizzes[0].id}/attempts`, { answers: [[0], [0]] })).status,
    ).toBe(404);
    const late = await createUser(t);
    const lateEnrol = await c.http().post(`/api/courses/${v1.courseId}/enrolment`).set(late.auth).expect(201);
    expect(lateEnrol.body.versionId).toBe(v2.id);

    const moved = (await as(learner, 'post', '/enrolment/move')).body as CourseEnrolmentDto;
    expect(moved).toMatchObject({ versionId: v2.id, versionNumber: 2, newerVersionId: null, completed: false });
    expect(moved.quizzes[0]).toMatchObject({ attemptsUsed: 0, attemptsLeft: null });
    expect(keysOf(moved).has('correct')).toBe(false);
  });
});
