import type {
  CertificateDto,
  CertificateVerificationDto,
  CourseEnrolmentDto,
  CourseVersionDto,
} from '@twinning/contracts';
import { NotificationMailService } from '../src/notifications/notification-mail.service';
import { createUser, type TestUser } from './support/factories';
import { courseClient } from './support/courses';
import { createMailUser, setDelivery } from './support/mail-users';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

/** Completing a course issues its certificate once, in the completing write's transaction, and tells the learner. */
describe('courses: completion issues a certificate', () => {
  let t: TestApp;
  let c: ReturnType<typeof courseClient>;
  let author: TestUser;
  let reviewers: TestUser[];
  let v1: CourseVersionDto;

  const certificatesOf = (user: TestUser): Promise<{ id: string; source_id: string; title: string; hours: string }[]> =>
    t.dataSource.query(`SELECT id, source_id, title, hours FROM certificates WHERE user_id = $1`, [user.id]);
  const notesOf = (user: TestUser): Promise<{ id: string; payload: Record<string, unknown> }[]> =>
    t.dataSource.query(`SELECT id, payload FROM notifications WHERE user_id = $1 AND kind = 'course.completed'`, [
      user.id,
    ]);

  beforeAll(async () => {
    t = await bootApp({
      MAIL_IMMEDIATE_DELAY_SECONDS: '3600',
      PUBLIC_URL: 'https://twinning.example.org',
      VERIFY_RATE_LIMIT_PER_IP: '1000',
    });
    await resetDatabase(t.dataSource);
    c = courseClient(t);
    author = await createUser(t, { roles: ['facilitator'] });
    reviewers = [await createUser(t, { roles: ['reviewer'] }), await createUser(t, { roles: ['reviewer'] })];
    v1 = await c.create(author, { estimatedHours: 3.5, title: 'Mediation for city officials' });
    await c.action(author, v1.id, 'submit').expect(200);
    await c.action(reviewers[0], v1.id, 'approve').expect(200);
    await c.action(reviewers[1], v1.id, 'approve').expect(200);
  });
  afterAll(() => t.close());

  const lessons = () => v1.modules.flatMap((m) => m.lessons.map((l) => l.key));
  const quizId = () => v1.modules[0].quizzes[0].id;
  const RIGHT = [[0], [0, 1]];
  const WRONG = [[1], [2]];

  async function enrol(user: TestUser): Promise<CourseEnrolmentDto> {
    return (await c.http().post(`/api/courses/${v1.courseId}/enrolment`).set(user.auth).expect(201)).body;
  }
  const done = (user: TestUser, lessonKey: string) =>
    c.http().put(`/api/courses/${v1.courseId}/progress`).set(user.auth).send({ lessonKey, completed: true });
  const attempt = (user: TestUser, answers: number[][]) =>
    c.http().post(`/api/courses/${v1.courseId}/quizzes/${quizId()}/attempts`).set(user.auth).send({ answers });

  it('issues one certificate when the last lesson is done, says so in the enrolment, notifies and mails the learner', async () => {
    const learner = await createMailUser(t, { lang: 'fr', displayName: 'Amina Haddad' });
    expect((await enrol(learner)).certificate).toBeNull();
    expect((await attempt(learner, RIGHT).expect(201)).body.passed).toBe(true);
    const [first, second, last] = lessons();
    await done(learner, first).expect(200);
    const almost = (await done(learner, second).expect(200)).body as CourseEnrolmentDto;
    expect([almost.completed, almost.certificate]).toEqual([false, null]);
    expect(await certificatesOf(learner)).toEqual([]);

    const complete = (await done(learner, last).expect(200)).body as CourseEnrolmentDto;
    expect(complete.completed).toBe(true);
    const [cert] = await certificatesOf(learner);
    expect(cert).toMatchObject({ source_id: v1.courseId, title: 'Mediation for city officials', hours: '3.50' });
    expect(complete.certificate).toEqual({ id: cert.id, verificationCode: expect.any(String), revoked: false });
    const code = complete.certificate?.verificationCode ?? '';

    // marking lessons done again, reading the enrolment: still the same one certificate
    await done(learner, last).expect(200);
    const again = (await c.http().get(`/api/courses/${v1.courseId}/enrolment`).set(learner.auth).expect(200))
      .body as CourseEnrolmentDto;
    expect(again.certificate).toEqual(complete.certificate);
    expect(await certificatesOf(learner)).toHaveLength(1);

    // it is among the learner's certificates and verifies publicly
    const mine = (await c.http().get('/api/certificates').set(learner.auth).expect(200)).body as CertificateDto[];
    expect(mine).toEqual([
      expect.objectContaining({ id: cert.id, sourceKind: 'course', sourceId: v1.courseId, hours: 3.5 }),
    ]);
    const verified = (await c.http().get(`/api/verify/${code}`).expect(200)).body as CertificateVerificationDto;
    expect(verified).toMatchObject({
      status: 'valid',
      learnerName: 'Amina Haddad',
      title: 'Mediation for city officials',
      sourceKind: 'course',
      hours: 3.5,
      verificationCode: code,
    });

    // one notification, mailed (the learner's default is immediately) in French
    const notes = await notesOf(learner);
    expect(notes).toEqual([
      {
        id: expect.any(String),
        payload: {
          course: { id: v1.courseId, title: 'Mediation for city officials' },
          certificate: { id: cert.id, verificationCode: code },
        },
      },
    ]);
    await t.app
      .get(NotificationMailService)
      .deliver({ userId: learner.id, threadId: null, notificationId: notes[0].id });
    const mails: { subject: string; text: string }[] = await t.dataSource.query(
      `SELECT subject, text FROM mail_messages WHERE user_id = $1 AND category = 'notification.course.completed'`,
      [learner.id],
    );
    expect(mails).toEqual([expect.objectContaining({ subject: 'Cours terminé : « Mediation for city officials »' })]);
    expect(mails[0].text).toContain(`https://twinning.example.org/courses/${v1.courseId}/learn`);
  });

  it('issues it when passing the quiz completes the course; a learner who turned that mail off gets no mail', async () => {
    const learner = await createMailUser(t);
    await setDelivery(t, learner, 'course.completed', 'off');
    await enrol(learner);
    for (const key of lessons()) await done(learner, key).expect(200);
    expect(await certificatesOf(learner)).toEqual([]);
    expect((await attempt(learner, WRONG).expect(201)).body.passed).toBe(false);
    expect(await certificatesOf(learner)).toEqual([]);
    expect((await attempt(learner, RIGHT).expect(201)).body.passed).toBe(true);
    expect(await certificatesOf(learner)).toHaveLength(1);
    const enrolment = (await c.http().get(`/api/courses/${v1.courseId}/enrolment`).set(learner.auth).expect(200))
      .body as CourseEnrolmentDto;
    expect(enrolment.certificate).not.toBeNull();
    const [note] = await notesOf(learner);
    await t.app.get(NotificationMailService).deliver({ userId: learner.id, threadId: null, notificationId: note.id });
    expect(await t.dataSource.query(`SELECT 1 FROM mail_messages WHERE user_id = $1`, [learner.id])).toEqual([]);
    // a later pass does not issue another
    expect((await attempt(learner, RIGHT).expect(201)).body.passed).toBe(true);
    expect(await certificatesOf(learner)).toHaveLength(1);
    expect(await notesOf(learner)).toHaveLength(1);
  });

  it('issues exactly one certificate when several completing requests arrive at once', async () => {
    const learner = await createUser(t);
    await enrol(learner);
    const keys = lessons();
    await done(learner, keys[0]).expect(200);
    await done(learner, keys[1]).expect(200);
    // the last lesson (three times) and the passing attempt (twice) race each other
    const results = await Promise.all([
      done(learner, keys[2]),
      attempt(learner, RIGHT),
      done(learner, keys[2]),
      attempt(learner, RIGHT),
      done(learner, keys[2]),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 201, 200, 201, 200]);
    expect(await certificatesOf(learner)).toHaveLength(1);
    expect(await notesOf(learner)).toHaveLength(1);
  });

  it('issues nothing to a learner who has not done every lesson', async () => {
    const learner = await createUser(t);
    await enrol(learner);
    const keys = lessons();
    await done(learner, keys[0]).expect(200);
    await done(learner, keys[2]).expect(200);
    expect((await attempt(learner, RIGHT).expect(201)).body.passed).toBe(true);
    const enrolment = (await c.http().get(`/api/courses/${v1.courseId}/enrolment`).set(learner.auth).expect(200))
      .body as CourseEnrolmentDto;
    expect([enrolment.completed, enrolment.certificate]).toEqual([false, null]);
    expect(await certificatesOf(learner)).toEqual([]);
    expect(await notesOf(learner)).toEqual([]);
    // opening a lesson without marking it done completes nothing either
    await c
      .http()
      .put(`/api/courses/${v1.courseId}/progress`)
      .set(learner.auth)
      .send({ lessonKey: keys[1] })
      .expect(200);
    expect(await certificatesOf(learner)).toEqual([]);
  });
});
