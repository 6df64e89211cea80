import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CourseContentRequest,
  type CourseModuleDto,
  type CourseQuestionWithAnswersDto,
  type CourseVersionDto,
  type CourseVersionSummaryDto,
  type CreateCourseRequest,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { hasRole, type AuthUser } from '../common/auth-user';
import type { FieldIssues } from '../common/field-issues';
import { CourseContentRepository } from './course-content.repository';
import { header, prepareContent, requireState, storedFrom, versionSummary } from './course-rules';
import { CourseVersionsService } from './course-versions.service';
import { CoursesRepository, type VersionRow } from './courses.repository';

/**
 * Trainers (facilitators) author courses. Only a draft is edited; editing a course whose newest version is
 * published starts a new draft copied from it; a draft goes to review when its authors submit it.
 */
@Injectable()
export class CourseAuthoringService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly courses: CoursesRepository,
    private readonly content: CourseContentRepository,
    private readonly versions: CourseVersionsService,
  ) {}

  async create(user: AuthUser, body: CreateCourseRequest): Promise<CourseVersionDto> {
    requireTrainer(user);
    const modules = prepareContent(body, new Set());
    const versionId = await this.dataSource.transaction(async (manager) => {
      const coAuthors = await this.checkCoAuthors(manager, user, body.coAuthorIds ?? []);
      const courseId = await this.courses.insertCourse(manager, user.id, coAuthors);
      const id = await this.courses.insertVersion(manager, courseId, 1, header(body));
      await this.content.replace(manager, id, modules);
      return id;
    });
    return this.versions.byId(versionId);
  }

  /** Courses the caller authors, each with its newest version. */
  async authored(user: AuthUser): Promise<CourseVersionSummaryDto[]> {
    requireTrainer(user);
    const rows = await this.courses.authoredLatest(user.id);
    const authors = await this.courses.authors(rows.map((r) => r.course_id));
    return rows.map((r) => versionSummary(r, authors.get(r.course_id) ?? []));
  }

  /**
   * Replaces the draft's content. With no draft and the newest version published, a new draft (the next
   * number) is started from it; a version in review (or nothing editable) is a 409 naming the states.
   */
  async saveDraft(user: AuthUser, courseId: string, body: CourseContentRequest): Promise<CourseVersionDto> {
    const versionId = await this.dataSource.transaction(async (manager) => {
      const newest = await this.authorsNewest(manager, user, courseId);
      if (newest.state === 'draft') {
        const modules = prepareContent(body, await this.content.lessonKeys(manager, newest.id));
        await this.courses.updateHeader(manager, newest.id, header(body));
        await this.content.replace(manager, newest.id, modules);
        return newest.id;
      }
      requireState(newest, ['draft', 'published'], 'draft');
      const modules = prepareContent(body, await this.content.lessonKeys(manager, newest.id));
      const id = await this.courses.insertVersion(manager, courseId, newest.number + 1, header(body));
      await this.content.replace(manager, id, modules);
      return id;
    });
    return this.versions.byId(versionId);
  }

  /** A new draft copied from the published version (header, lessons with their keys, quizzes). */
  async newDraft(user: AuthUser, courseId: string): Promise<CourseVersionDto> {
    const versionId = await this.dataSource.transaction(async (manager) => {
      const newest = await this.authorsNewest(manager, user, courseId);
      requireState(newest, ['published'], 'a new draft');
      const loaded = await this.content.load(manager, [newest.id], true);
      const modules = storedFrom((loaded.get(newest.id) ?? []) as CourseModuleDto<CourseQuestionWithAnswersDto>[]);
      const id = await this.courses.insertVersion(manager, courseId, newest.number + 1, {
        title: newest.title,
        language: newest.language,
        themes: newest.themes,
        description: newest.description,
        estimatedHours: Number(newest.estimated_hours),
      });
      await this.content.replace(manager, id, modules);
      return id;
    });
    return this.versions.byId(versionId);
  }

  /** draft → in_review (a new review round: approvals of earlier rounds no longer count). */
  async submit(user: AuthUser, versionId: string): Promise<CourseVersionDto> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.courses.version(manager, versionId, true);
      if (!row) throw AppError.notFound('Course version');
      await this.requireAuthor(manager, user, row.course_id);
      requireState(row, ['draft'], 'in_review');
      await this.courses.setState(manager, versionId, 'in_review', 'submitted');
    });
    return this.versions.byId(versionId);
  }

  /** Locks the course, checks the caller is one of its authors, and answers its newest version. */
  private async authorsNewest(manager: EntityManager, user: AuthUser, courseId: string): Promise<VersionRow> {
    requireTrainer(user);
    if (!(await this.courses.lockCourse(manager, courseId))) throw AppError.notFound('Course');
    await this.requireAuthor(manager, user, courseId);
    const [newest] = await this.courses.versions(manager, courseId);
    return newest;
  }

  private async requireAuthor(manager: EntityManager, user: AuthUser, courseId: string): Promise<void> {
    requireTrainer(user);
    const authors = (await this.courses.authorIds(manager, [courseId])).get(courseId) ?? [];
    if (!authors.includes(user.id)) throw AppError.forbidden('Only the authors of this course can change it.');
  }

  /** Co-authors must exist and be facilitators; the creator is an author anyway. */
  private async checkCoAuthors(manager: EntityManager, user: AuthUser, ids: string[]): Promise<string[]> {
    const wanted = ids.filter((id) => id !== user.id);
    if (wanted.length === 0) return [];
    const found = new Map((await this.courses.users(manager, wanted)).map((u) => [u.id, u]));
    const issues: FieldIssues = {};
    const field = 'coAuthorIds';
    for (const id of wanted) {
      const u = found.get(id);
      const problem = !u ? 'unknownUser' : !u.roles.includes('facilitator') ? 'notFacilitatorRole' : null;
      if (problem) issues[field] = [...(issues[field] ?? []), { rule: problem, params: { field, value: id } }];
    }
    if (Object.keys(issues).length > 0) throw AppError.fromIssues(issues);
    return wanted;
  }
}

/** Trainers: facilitators author courses. */
export function requireTrainer(user: AuthUser): void {
  if (!hasRole(user, 'facilitator')) throw AppError.forbidden('Only facilitators can author courses.');
}
