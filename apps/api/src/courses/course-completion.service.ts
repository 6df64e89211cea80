import { Injectable } from '@nestjs/common';
import type { CourseCertificateRefDto } from '@twinning/contracts';
import type { EntityManager } from 'typeorm';
import { CertificatesService, type CertificateRow } from '../certificates';
import { NotificationsService, type CreatedNotifications } from '../notifications';
import { CourseContentRepository } from './course-content.repository';
import { CourseLearningRepository, type EnrolmentRow } from './course-learning.repository';

const NONE: CreatedNotifications = { items: [] };

export function certificateRef(row: CertificateRow | undefined): CourseCertificateRefDto | null {
  return row ? { id: row.id, verificationCode: row.verification_code, revoked: row.revoked_at !== null } : null;
}

/**
 * Completing a course: once every lesson of the learner's version is done and every quiz passed, the write
 * that completed it issues the course's certificate in its own transaction and notifies the learner. The
 * caller holds the enrolment's row lock, so two completing writes of one learner run one after the other
 * (the second finds the certificate); the certificates' one-per-source constraint backs this up. A learner
 * gets one certificate per course, whichever version they completed.
 */
@Injectable()
export class CourseCompletionService {
  constructor(
    private readonly content: CourseContentRepository,
    private readonly learning: CourseLearningRepository,
    private readonly certificates: CertificatesService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Issues the certificate if the enrolment is complete now and has none; the notifications to publish. */
  async completeIfDone(manager: EntityManager, e: EnrolmentRow, userId: string): Promise<CreatedNotifications> {
    if (!(await this.isComplete(manager, e.version_id, userId))) return NONE;
    if (await this.certificates.forSource(manager, userId, 'course', e.course_id)) return NONE;
    const header = await this.learning.versionHeader(manager, e.version_id);
    if (!header) return NONE;
    const row = await this.certificates.issue(manager, {
      userId,
      sourceKind: 'course',
      sourceId: e.course_id,
      title: header.title,
      hours: header.hours,
    });
    return this.notifications.create(manager, [
      {
        userId,
        kind: 'course.completed',
        payload: {
          course: { id: e.course_id, title: header.title },
          certificate: { id: row.id, verificationCode: row.verification_code },
        },
      },
    ]);
  }

  /** Every lesson of the version done and every quiz passed (a version without either is never complete). */
  async isComplete(manager: EntityManager, versionId: string, userId: string): Promise<boolean> {
    // one after the other: they share the transaction's connection
    const lessons = await this.content.lessonKeys(manager, versionId);
    const done = await this.learning.completedLessons(versionId, userId, manager);
    const quizzes = await this.learning.quizStatus(manager, versionId, userId);
    if (lessons.size === 0 && quizzes.length === 0) return false;
    const finished = new Set(done);
    return [...lessons].every((key) => finished.has(key)) && quizzes.every((q) => q.passed);
  }

  async certificate(userId: string, courseId: string): Promise<CourseCertificateRefDto | null> {
    return certificateRef(await this.certificates.forSource(undefined, userId, 'course', courseId));
  }
}
