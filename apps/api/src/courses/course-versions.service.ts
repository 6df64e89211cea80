import { Injectable } from '@nestjs/common';
import type {
  CourseModuleDto,
  CourseQuestionWithAnswersDto,
  CourseVersionDto,
  CourseVersionSummaryDto,
} from '@twinning/contracts';
import { AppError } from '../common/app-error';
import { hasRole, type AuthUser } from '../common/auth-user';
import { iso, isoOrNull } from '../common/sql';
import { CourseContentRepository } from './course-content.repository';
import { versionSummary } from './course-rules';
import { CoursesRepository, type VersionRow } from './courses.repository';

/**
 * Reading versions in full (answers, approvals, review comments): their authors, reviewers and admins only.
 * Anyone else gets 404, so unpublished work does not leak.
 */
@Injectable()
export class CourseVersionsService {
  constructor(
    private readonly courses: CoursesRepository,
    private readonly content: CourseContentRepository,
  ) {}

  async get(user: AuthUser, versionId: string): Promise<CourseVersionDto> {
    const row = await this.courses.version(undefined, versionId);
    if (!row || !(await this.maySee(user, row.course_id))) throw AppError.notFound('Course version');
    return this.full(row);
  }

  async history(user: AuthUser, courseId: string): Promise<CourseVersionSummaryDto[]> {
    const rows = await this.courses.versions(undefined, courseId);
    if (rows.length === 0 || !(await this.maySee(user, courseId))) throw AppError.notFound('Course');
    const authors = (await this.courses.authors([courseId])).get(courseId) ?? [];
    return rows.map((r) => versionSummary(r, authors));
  }

  /** A version just written, in full (no access check: the caller has just changed it). */
  async byId(versionId: string): Promise<CourseVersionDto> {
    const row = await this.courses.version(undefined, versionId);
    if (!row) throw AppError.notFound('Course version');
    return this.full(row);
  }

  /** The version in full, as its authors and reviewers see it. */
  async full(row: VersionRow): Promise<CourseVersionDto> {
    const [authors, content, approvals, comments] = await Promise.all([
      this.courses.authors([row.course_id]),
      this.content.load(null, [row.id], true),
      this.courses.approvals(row.id, row.review_round),
      this.courses.comments(row.id),
    ]);
    return {
      id: row.id,
      courseId: row.course_id,
      number: row.number,
      state: row.state,
      title: row.title,
      language: row.language,
      themes: row.themes,
      description: row.description,
      estimatedHours: Number(row.estimated_hours),
      authors: authors.get(row.course_id) ?? [],
      modules: (content.get(row.id) ?? []) as CourseModuleDto<CourseQuestionWithAnswersDto>[],
      approvals,
      comments,
      reviewRound: row.review_round,
      createdAt: iso(row.created_at),
      submittedAt: isoOrNull(row.submitted_at),
      publishedAt: isoOrNull(row.published_at),
    };
  }

  private async maySee(user: AuthUser, courseId: string): Promise<boolean> {
    if (hasRole(user, 'admin') || hasRole(user, 'reviewer')) return true;
    const authors = (await this.courses.authorIds(undefined, [courseId])).get(courseId) ?? [];
    return authors.includes(user.id);
  }
}
