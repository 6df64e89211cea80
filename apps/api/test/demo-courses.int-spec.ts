import type {
  CertificateDto,
  CertificateVerificationDto,
  CourseDto,
  CourseEnrolmentDto,
  CourseSummaryDto,
  CourseVersionDto,
  CourseVersionSummaryDto,
} from '@twinning/contracts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { bufferParser } from './support/body-parsers';
import { CertificatesService } from '../src/certificates/certificates.service';
import { DEMO_PASSWORD } from '../src/database/seed/demo-data';
import { DEMO_GRADUATE, DEMO_GRADUATE_HAN, DEMO_HALFWAY } from '../src/database/seed/demo-courses';
import { MEDIATION_COURSE } from '../src/database/seed/demo-course-mediation';
import { DATA_COURSE, WELCOMING_COURSE } from '../src/database/seed/demo-course-welcoming';
import { seedDemo } from '../src/database/seed/demo-seed';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

/** The PDF's text as pdftotext (poppler-utils) extracts it, NFC, without direction marks, spaces collapsed. */
function pdfText(pdf: Buffer): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'twinning-demo-pdf-')), 'certificate.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .normalize('NFC')
    .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, '')
    .replace(/\s+/g, ' ');
}

/** The demo courses as the API shows them to the demo accounts the README sends people to. */
describe('demo courses: catalogue, review queue, a learner halfway, a certificate that verifies', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const auth: Record<string, { Authorization: string }> = {};
  const logs: string[] = [];

  const seed = () =>
    t.dataSource.transaction((manager) =>
      seedDemo(manager, (m) => logs.push(m), { certificates: t.app.get(CertificatesService) }),
    );

  async function signIn(email: string): Promise<{ Authorization: string }> {
    if (!auth[email]) {
      const res = await http().post('/api/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200);
      auth[email] = { Authorization: `Bearer ${res.body.accessToken}` };
    }
    return auth[email];
  }

  async function catalogue(query = ''): Promise<CourseSummaryDto[]> {
    const res = await http().get(`/api/courses${query}`).expect(200);
    return res.body.items;
  }

  async function courseId(title: string): Promise<string> {
    const found = (await catalogue()).find((c) => c.title === title);
    if (!found) throw new Error(`not in the catalogue: ${title}`);
    return found.id;
  }

  beforeAll(async () => {
    t = await bootApp();
    await resetDatabase(t.dataSource);
    await seed();
  });

  afterAll(() => t?.close());

  it('publishes the English and the French course, each approved by both reviewers and not by its author', async () => {
    const items = await catalogue();
    expect(items.map((c) => c.title).sort()).toEqual([MEDIATION_COURSE.title, WELCOMING_COURSE.title].sort());
    expect((await catalogue('?language=fr')).map((c) => c.title)).toEqual([MEDIATION_COURSE.title]);
    expect((await catalogue('?theme=intercultural_dialogue')).map((c) => c.title)).toEqual([MEDIATION_COURSE.title]);

    const reviewer = await signIn('reviewer@twinning.demo');
    for (const item of items) {
      expect(item).toMatchObject({ versionNumber: 1, authors: [{ displayName: 'Lucía Fernández' }] });
      expect(item.lessonCount).toBeGreaterThanOrEqual(5);
      expect(item.quizCount).toBe(1);
      const version: CourseVersionDto = (
        await http().get(`/api/course-versions/${item.versionId}`).set(reviewer).expect(200)
      ).body;
      expect(version.state).toBe('published');
      expect(version.approvals.map((a) => a.displayName).sort()).toEqual(['Hélène Dubois', 'Kwame Mensah']);
      const quiz = version.modules.flatMap((m) => m.quizzes)[0];
      expect(new Set(quiz.questions.map((q) => q.kind))).toEqual(new Set(['single', 'multiple']));
      expect(quiz.passMark).toBeGreaterThan(0);
      // substantial lessons, rendered as the API renders Markdown
      for (const lesson of version.modules.flatMap((m) => m.lessons)) {
        expect(lesson.body.length).toBeGreaterThan(600);
        expect(lesson.bodyHtml).toMatch(/<(h2|ol|ul|table)>/);
      }
    }

    // the public course page carries no answers
    const page: CourseDto = (await http().get(`/api/courses/${items[0].id}`).expect(200)).body;
    expect(JSON.stringify(page)).not.toMatch(/"correct"/);
    // each published course has its discussion forum, as a publication through the review service opens one
    for (const item of items) {
      const course: CourseDto = (await http().get(`/api/courses/${item.id}`).expect(200)).body;
      expect(course.forum).toEqual({ id: expect.any(String) });
    }
  });

  it('leaves one course in review with one approval, in the other reviewer’s queue', async () => {
    const helene = await signIn('facilitator.reviewer@twinning.demo');
    const queue: CourseVersionSummaryDto[] = (await http().get('/api/course-reviews').set(helene).expect(200)).body;
    expect(queue.map((v) => [v.title, v.state, v.approvalCount])).toEqual([[DATA_COURSE.title, 'in_review', 1]]);
    const version: CourseVersionDto = (await http().get(`/api/course-versions/${queue[0].id}`).set(helene).expect(200))
      .body;
    expect(version.approvals.map((a) => a.displayName)).toEqual(['Kwame Mensah']);
    expect(version.comments).toHaveLength(1);
    expect(version.comments[0].lessonKey).toBe(version.modules[0].lessons[0].key);

    // her approval publishes it
    const approved = await http().post(`/api/course-versions/${queue[0].id}/approve`).set(helene).expect(200);
    expect(approved.body.state).toBe('published');
    expect((await catalogue()).map((c) => c.title)).toContain(DATA_COURSE.title);
  });

  it('has a learner halfway through the French course: three lessons done, the fourth open, no quiz taken', async () => {
    const marie = await signIn(DEMO_HALFWAY.learner);
    const id = await courseId(DEMO_HALFWAY.course);
    const e: CourseEnrolmentDto = (await http().get(`/api/courses/${id}/enrolment`).set(marie).expect(200)).body;
    const keys = e.modules.flatMap((m) => m.lessons.map((l) => l.key));
    expect(keys).toHaveLength(5);
    expect(e.completedLessonKeys).toEqual(keys.slice(0, 3));
    expect(e.lastLessonKey).toBe(keys[3]);
    expect(e.quizzes).toEqual([expect.objectContaining({ attemptsUsed: 0, passed: false })]);
    expect(e.completed).toBe(false);

    // the author sees her among the learners
    const lucia = await signIn('facilitator@twinning.demo');
    const learners = (await http().get(`/api/courses/${id}/learners`).set(lucia).expect(200)).body;
    expect(learners).toEqual([
      expect.objectContaining({ user: expect.objectContaining({ displayName: 'Marie Tremblay' }), lessonsDone: 3 }),
    ]);
  });

  it('has a learner with a Vietnamese name who completed the English course and holds a certificate that verifies', async () => {
    const anh = await signIn(DEMO_GRADUATE.learner);
    const id = await courseId(DEMO_GRADUATE.course);
    const e: CourseEnrolmentDto = (await http().get(`/api/courses/${id}/enrolment`).set(anh).expect(200)).body;
    expect(e.completed).toBe(true);

    const mine: CertificateDto[] = (await http().get('/api/certificates').set(anh).expect(200)).body;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      learnerName: 'Trần Minh Anh',
      title: WELCOMING_COURSE.title,
      sourceKind: 'course',
      sourceId: id,
      hours: WELCOMING_COURSE.estimatedHours,
      revoked: null,
    });
    const verified: CertificateVerificationDto = (
      await http().get(`/api/verify/${mine[0].verificationCode}`).expect(200)
    ).body;
    expect(verified).toMatchObject({ status: 'valid', learnerName: 'Trần Minh Anh', title: WELCOMING_COURSE.title });
    expect(verified.credentialJwt.split('.')).toHaveLength(3);

    const pdf = await http()
      .get(`/api/certificates/${mine[0].id}/pdf`)
      .set(anh)
      .buffer(true)
      .parse(bufferParser)
      .expect(200);
    expect(pdf.headers['content-type']).toMatch(/application\/pdf/);
    // the name as her profile writes it, Vietnamese diacritics intact
    expect(pdfText(pdf.body as Buffer)).toContain('Trần Minh Anh'.normalize('NFC'));
  });

  it('has a graduate whose name is written in Chinese characters, printed on her certificate in Noto Sans SC', async () => {
    const meiLing = await signIn(DEMO_GRADUATE_HAN.learner);
    const id = await courseId(DEMO_GRADUATE_HAN.course);
    const mine: CertificateDto[] = (await http().get('/api/certificates').set(meiLing).expect(200)).body;
    expect(mine).toEqual([
      expect.objectContaining({ learnerName: '林美玲 Lim Mei Ling', sourceKind: 'course', sourceId: id }),
    ]);
    const pdf = await http()
      .get(`/api/certificates/${mine[0].id}/pdf`)
      .set(meiLing)
      .buffer(true)
      .parse(bufferParser)
      .expect(200);
    expect(execFileSync('pdffonts', ['-'], { input: pdf.body as Buffer, encoding: 'utf8' })).toMatch(/NotoSansSC-/);
    expect(pdfText(pdf.body as Buffer)).toContain('林美玲 Lim Mei Ling');
  });

  it('seeding again adds nothing', async () => {
    const counts = () =>
      t.dataSource.query(
        `SELECT (SELECT count(*) FROM courses)::int AS courses, (SELECT count(*) FROM course_versions)::int AS versions,
                (SELECT count(*) FROM course_approvals)::int AS approvals,
                (SELECT count(*) FROM course_enrolments)::int AS enrolments,
                (SELECT count(*) FROM course_lesson_progress)::int AS progress,
                (SELECT count(*) FROM course_quiz_attempts)::int AS attempts,
                (SELECT count(*) FROM certificates)::int AS certificates`,
      );
    const before = await counts();
    await seed();
    expect(await counts()).toEqual(before);
    expect(before[0]).toMatchObject({ courses: 3, certificates: 2, enrolments: 3 });
    expect(logs.at(-1)).toContain('0 new courses, 0 new certificates');
  });
});
