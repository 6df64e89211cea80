import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  COURSE_APPROVALS_REQUIRED,
  type CourseCommentInput,
  type CourseVersionDto,
  type CourseVersionSummaryDto,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { hasRole, type AuthUser } from '../common/auth-user';
import type { FieldIssues } from '../common/field-issues';
import { renderMarkdown } from '../common/markdown';
import { CourseForumsRepository } from '../forums';
import { CourseContentRepository } from './course-content.repository';
import { requireState, versionSummary } from './course-rules';
import { CourseVersionsService } from './course-versions.service';
import { CoursesRepository, type VersionRow } from './courses.repository';

/**
 * The advisory board: reviewers who are not authors of a course comment on its lessons, approve it, or send
 * it back to draft with their comments. A version is published once COURSE_APPROVALS_REQUIRED distinct
 * reviewers (none of them an author) approve it in the same review round; publishing archives the previous one.
 */
@Injectable()
export class CourseReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly courses: CoursesRepository,
    private readonly content: CourseContentRepository,
    private readonly versions: CourseVersionsService,
    private readonly forums: CourseForumsRepository,
  ) {}

  async queue(user: AuthUser): Promise<CourseVersionSummaryDto[]> {
    requireReviewer(user);
    const rows = await this.courses.reviewQueue(user.id);
    const authors = await this.courses.authors([...new Set(rows.map((r) => r.course_id))]);
    return rows.map((r) => versionSummary(r, authors.get(r.course_id) ?? []));
  }

  async comment(user: AuthUser, versionId: string, body: CourseCommentInput): Promise<CourseVersionDto> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.reviewable(manager, user, versionId);
      requireState(row, ['in_review'], 'a review comment');
      await this.insertComments(manager, user, row, [body], (i) => (i === 0 ? 'lessonKey' : ''));
    });
    return this.versions.byId(versionId);
  }

  /** Approves once per reviewer and round; the second distinct approval publishes the version. */
  async approve(user: AuthUser, versionId: string): Promise<CourseVersionDto> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.reviewable(manager, user, versionId);
      requireState(row, ['in_review'], 'published');
      const approvals = await this.courses.approve(manager, versionId, row.review_round, user.id);
      if (approvals >= COURSE_APPROVALS_REQUIRED) {
        await this.courses.archivePublished(manager, row.course_id);
        await this.courses.setState(manager, versionId, 'published', 'published');
        // the course's forum opens with its first publication and takes each new version's title
        await this.forums.published(manager, row.course_id, row.title);
      }
    });
    return this.versions.byId(versionId);
  }

  /** in_review → draft, with the reviewer's comments on lessons. */
  async requestChanges(user: AuthUser, versionId: string, comments: CourseCommentInput[]): Promise<CourseVersionDto> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.reviewable(manager, user, versionId);
      requireState(row, ['in_review'], 'draft');
      await this.insertComments(manager, user, row, comments, (i) => `comments.${i}.lessonKey`);
      await this.courses.setState(manager, versionId, 'draft');
    });
    return this.versions.byId(versionId);
  }

  /** Locks the version; the caller must be a reviewer who is not one of the course's authors. */
  private async reviewable(manager: EntityManager, user: AuthUser, versionId: string): Promise<VersionRow> {
    requireReviewer(user);
    const row = await this.courses.version(manager, versionId, true);
    if (!row) throw AppError.notFound('Course version');
    const authors = (await this.courses.authorIds(manager, [row.course_id])).get(row.course_id) ?? [];
    if (authors.includes(user.id)) throw AppError.forbidden('Authors cannot review their own course.');
    return row;
  }

  private async insertComments(
    manager: EntityManager,
    user: AuthUser,
    row: VersionRow,
    comments: CourseCommentInput[],
    fieldOf: (index: number) => string,
  ): Promise<void> {
    const keys = await this.content.lessonKeys(manager, row.id);
    const issues: FieldIssues = {};
    comments.forEach((c, i) => {
      const field = fieldOf(i);
      if (!keys.has(c.lessonKey)) issues[field] = [{ rule: 'unknownLesson', params: { field, value: c.lessonKey } }];
    });
    if (Object.keys(issues).length > 0) throw AppError.fromIssues(issues);
    await this.courses.insertComments(
      manager,
      row.id,
      row.review_round,
      user.id,
      comments.map((c) => ({ lessonKey: c.lessonKey, body: c.body, bodyHtml: renderMarkdown(c.body) })),
    );
  }
}

export function requireReviewer(user: AuthUser): void {
  if (!hasRole(user, 'reviewer')) throw AppError.forbidden('Only reviewers of the advisory board can do this.');
}
