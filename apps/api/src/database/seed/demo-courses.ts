import {
  COURSE_APPROVALS_REQUIRED,
  type CourseModuleDto,
  type CourseQuestionWithAnswersDto,
  type CreateCourseRequest,
} from '@twinning/contracts';
import type { EntityManager } from 'typeorm';
import type { CertificatesService } from '../../certificates';
import {
  CourseContentRepository,
  CourseLearningRepository,
  CoursesRepository,
  header,
  prepareContent,
} from '../../courses';
import { renderMarkdown } from '../../common/markdown';
import { CourseForumsRepository } from '../../forums';
import { MEDIATION_COURSE } from './demo-course-mediation';
import { DATA_COURSE, WELCOMING_COURSE } from './demo-course-welcoming';

/** Users are named by the local part of their demo email, as in demo-partnerships.ts. */
const email = (local: string) => `${local}@twinning.demo`;

/** Issues certificates in the seed's transaction: the real service, so code and credential are real. */
export type DemoCertificateIssuer = Pick<CertificatesService, 'issue'>;

/** The facilitator who authors every demo course; the two reviewers of the advisory board approve them. */
export const DEMO_COURSE_AUTHOR = email('facilitator');
export const DEMO_REVIEWERS = [email('reviewer'), email('facilitator.reviewer')];

interface DemoCourse {
  body: CreateCourseRequest;
  /** Reviewers who approve it, in order; COURSE_APPROVALS_REQUIRED of them publish it. */
  approvedBy: string[];
  /** Days ago it was submitted (and, when approved by enough reviewers, published a day later). */
  submittedDaysAgo: number;
  /** A review comment on its first lesson by the first approver. */
  comment?: string;
}

export const DEMO_COURSES: DemoCourse[] = [
  {
    body: WELCOMING_COURSE,
    approvedBy: DEMO_REVIEWERS,
    submittedDaysAgo: 21,
    comment: 'Clear and practical. The exercise at the end works well as a warm-up for a team meeting.',
  },
  { body: MEDIATION_COURSE, approvedBy: [...DEMO_REVIEWERS].reverse(), submittedDaysAgo: 12 },
  {
    body: DATA_COURSE,
    approvedBy: [email('reviewer')],
    submittedDaysAgo: 2,
    comment: 'Please add an example table showing how small cells are merged before publishing.',
  },
];

/** A learner halfway through the French course: three of five lessons done, the fourth opened, no quiz yet. */
export const DEMO_HALFWAY = { learner: email('official.toronto'), course: MEDIATION_COURSE.title, lessonsDone: 3 };
/** A learner who finished the English course (every lesson, the quiz passed) and holds its certificate. */
export const DEMO_GRADUATE = { learner: email('coordinator.danang'), course: WELCOMING_COURSE.title };
/** Another graduate of it, whose profile writes her name in Chinese characters too (林美玲 Lim Mei Ling). */
export const DEMO_GRADUATE_HAN = { learner: email('official.penang'), course: WELCOMING_COURSE.title };

/**
 * Demo courses, written through the courses' own repositories and content rules (the SQL the API runs):
 * two published courses approved by both reviewers, one in review with one approval, a learner halfway
 * through a course and two who completed a course with a certificate issued by the certificates service.
 * Idempotent: a course is matched by its first version's title; learners and the certificate are only added
 * where missing. Without `certificates` (no signing key at hand), the certificates are left out.
 */
export async function seedDemoCourses(
  manager: EntityManager,
  certificates?: DemoCertificateIssuer,
): Promise<{ courses: number; certificates: number }> {
  const courses = new CoursesRepository(manager.connection);
  const content = new CourseContentRepository(manager.connection);
  const learning = new CourseLearningRepository(manager.connection);
  const forums = new CourseForumsRepository(manager.connection);
  const users = await userIds(manager);
  const author = users.get(DEMO_COURSE_AUTHOR);
  if (!author) return { courses: 0, certificates: 0 };

  let created = 0;
  for (const course of DEMO_COURSES) {
    const existing = await manager.query(`SELECT 1 FROM course_versions WHERE number = 1 AND title = $1`, [
      course.body.title,
    ]);
    if (existing.length > 0) continue;
    created += 1;
    const courseId = await courses.insertCourse(manager, author, []);
    const versionId = await courses.insertVersion(manager, courseId, 1, header(course.body));
    await content.replace(manager, versionId, prepareContent(course.body, new Set()));
    await courses.setState(manager, versionId, 'in_review', 'submitted');
    const round = 1;
    const commenter = users.get(course.approvedBy[0]);
    const lessonKey = await firstLessonKey(manager, versionId);
    if (course.comment && commenter && lessonKey) {
      await courses.insertComments(manager, versionId, round, commenter, [
        { lessonKey, body: course.comment, bodyHtml: renderMarkdown(course.comment) },
      ]);
    }
    for (const reviewer of course.approvedBy) {
      const reviewerId = users.get(reviewer);
      if (!reviewerId || reviewerId === author) continue;
      const approvals = await courses.approve(manager, versionId, round, reviewerId);
      if (approvals >= COURSE_APPROVALS_REQUIRED) {
        await courses.archivePublished(manager, courseId);
        await courses.setState(manager, versionId, 'published', 'published');
        // as the review service does: the first publication opens the course's forum
        await forums.published(manager, courseId, course.body.title);
      }
    }
    // The seed runs in one transaction (one now()): spread the review history over the past weeks.
    await manager.query(
      `UPDATE course_versions SET created_at = now() - make_interval(days => $2 + 5),
              submitted_at = now() - make_interval(days => $2),
              published_at = CASE WHEN published_at IS NOT NULL THEN now() - make_interval(days => $2 - 1) END
        WHERE id = $1`,
      [versionId, course.submittedDaysAgo],
    );
    for (const table of ['course_approvals', 'course_review_comments']) {
      await manager.query(
        `UPDATE ${table} SET created_at = now() - make_interval(days => $2 - 1) WHERE version_id = $1`,
        [versionId, course.submittedDaysAgo],
      );
    }
  }

  await seedHalfway(manager, learning, content, users);
  let issued = 0;
  for (const graduate of [DEMO_GRADUATE, DEMO_GRADUATE_HAN]) {
    issued += await seedGraduate(manager, learning, content, users, graduate, certificates);
  }
  return { courses: created, certificates: issued };
}

async function userIds(manager: EntityManager): Promise<Map<string, string>> {
  const rows: { id: string; email: string }[] = await manager.query(
    `SELECT id, email FROM users WHERE email LIKE '%@twinning.demo'`,
  );
  return new Map(rows.map((r) => [r.email, r.id]));
}

async function firstLessonKey(manager: EntityManager, versionId: string): Promise<string | undefined> {
  const [row]: { key: string }[] = await manager.query(
    `SELECT l.key FROM course_lessons l JOIN course_modules m ON m.id = l.module_id
      WHERE l.version_id = $1 ORDER BY m.position, l.position LIMIT 1`,
    [versionId],
  );
  return row?.key;
}

/** The published version of the course whose first version carries `title`, with its content and answers. */
async function published(manager: EntityManager, content: CourseContentRepository, title: string) {
  const [row]: { course_id: string; id: string; title: string; estimated_hours: string }[] = await manager.query(
    `SELECT p.course_id, p.id, p.title, p.estimated_hours
       FROM course_versions first JOIN course_versions p ON p.course_id = first.course_id AND p.state = 'published'
      WHERE first.number = 1 AND first.title = $1`,
    [title],
  );
  if (!row) return null;
  const modules = ((await content.load(manager, [row.id], true)).get(row.id) ??
    []) as CourseModuleDto<CourseQuestionWithAnswersDto>[];
  return { ...row, modules, lessonKeys: modules.flatMap((m) => m.lessons.map((l) => l.key)) };
}

/** Enrols the learner (unless enrolled already) and answers their enrolment, or null when they were enrolled. */
async function enrolOnce(
  manager: EntityManager,
  learning: CourseLearningRepository,
  courseId: string,
  versionId: string,
  userId: string,
  daysAgo: number,
) {
  if (await learning.enrolment(manager, courseId, userId)) return null;
  await learning.enrol(manager, courseId, versionId, [userId]);
  await manager.query(
    `UPDATE course_enrolments SET enrolled_at = now() - make_interval(days => $3) WHERE course_id = $1 AND user_id = $2`,
    [courseId, userId, daysAgo],
  );
  return learning.enrolment(manager, courseId, userId);
}

/** Marks lessons done (a day apart, oldest first), as PUT /courses/:id/progress with completed: true does. */
async function completeLessons(
  manager: EntityManager,
  learning: CourseLearningRepository,
  e: NonNullable<Awaited<ReturnType<CourseLearningRepository['enrolment']>>>,
  userId: string,
  keys: string[],
): Promise<void> {
  for (const [i, key] of keys.entries()) {
    await learning.recordProgress(manager, e, userId, key, true);
    await manager.query(
      `UPDATE course_lesson_progress SET completed_at = now() - make_interval(days => $4)
        WHERE user_id = $1 AND version_id = $2 AND lesson_key = $3`,
      [userId, e.version_id, key, keys.length - i],
    );
  }
}

async function seedHalfway(
  manager: EntityManager,
  learning: CourseLearningRepository,
  content: CourseContentRepository,
  users: Map<string, string>,
): Promise<void> {
  const userId = users.get(DEMO_HALFWAY.learner);
  const course = await published(manager, content, DEMO_HALFWAY.course);
  if (!userId || !course) return;
  const e = await enrolOnce(manager, learning, course.course_id, course.id, userId, 6);
  if (!e) return;
  await completeLessons(manager, learning, e, userId, course.lessonKeys.slice(0, DEMO_HALFWAY.lessonsDone));
  // the next lesson is open where they stopped
  await learning.recordProgress(manager, e, userId, course.lessonKeys[DEMO_HALFWAY.lessonsDone], false);
}

async function seedGraduate(
  manager: EntityManager,
  learning: CourseLearningRepository,
  content: CourseContentRepository,
  users: Map<string, string>,
  graduate: { learner: string; course: string },
  certificates: DemoCertificateIssuer | undefined,
): Promise<number> {
  const userId = users.get(graduate.learner);
  const course = await published(manager, content, graduate.course);
  if (!userId || !course) return 0;
  const e = await enrolOnce(manager, learning, course.course_id, course.id, userId, 10);
  if (e) {
    await completeLessons(manager, learning, e, userId, course.lessonKeys);
    for (const quiz of course.modules.flatMap((m) => m.quizzes)) {
      const answers = quiz.questions.map((q) => q.options.flatMap((o, i) => (o.correct ? [i] : [])));
      await learning.insertAttempt(
        manager,
        quiz.id,
        userId,
        answers,
        answers.map(() => true),
        100,
        true,
      );
    }
  }
  if (!certificates) return 0;
  const [held] = await manager.query(
    `SELECT 1 FROM certificates WHERE user_id = $1 AND source_kind = 'course' AND source_id = $2`,
    [userId, course.course_id],
  );
  if (held) return 0;
  await certificates.issue(manager, {
    userId,
    sourceKind: 'course',
    sourceId: course.course_id,
    title: course.title,
    hours: Number(course.estimated_hours),
  });
  return 1;
}
