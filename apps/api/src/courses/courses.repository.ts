import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CourseAuthorDto,
  CourseReviewCommentDto,
  CourseVersionState,
  PlatformRole,
  PostLanguage,
  Theme,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { exactTime, iso } from '../common/sql';

export interface VersionRow {
  id: string;
  course_id: string;
  number: number;
  state: CourseVersionState;
  title: string;
  language: PostLanguage;
  themes: Theme[];
  description: string;
  estimated_hours: string;
  review_round: number;
  created_at: Date;
  submitted_at: Date | null;
  published_at: Date | null;
  approval_count: number;
}

export interface CatalogueRow extends VersionRow {
  published_at: Date;
  lesson_count: number;
  quiz_count: number;
  published_key: string;
}

export interface VersionHeader {
  title: string;
  language: PostLanguage;
  themes: Theme[];
  description: string;
  estimatedHours: number;
}

const VERSION_COLUMNS = `v.id, v.course_id, v.number, v.state, v.title, v.language, v.themes, v.description,
  v.estimated_hours, v.review_round, v.created_at, v.submitted_at, v.published_at,
  (SELECT count(*)::int FROM course_approvals a WHERE a.version_id = v.id AND a.round = v.review_round) AS approval_count`;

/** Courses, their authors and versions, and the reviews of those versions. */
@Injectable()
export class CoursesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager): EntityManager | DataSource {
    return manager ?? this.dataSource;
  }

  async users(manager: EntityManager, ids: string[]): Promise<{ id: string; roles: PlatformRole[] }[]> {
    return manager.query(`SELECT id, roles FROM users WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** A new course with its authors (the owner first). */
  async insertCourse(manager: EntityManager, ownerId: string, authorIds: string[]): Promise<string> {
    const [{ id }]: { id: string }[] = await manager.query(`INSERT INTO courses (owner_id) VALUES ($1) RETURNING id`, [
      ownerId,
    ]);
    await manager.query(
      `INSERT INTO course_authors (course_id, user_id, added_at)
       SELECT $1, u.id, clock_timestamp() + make_interval(secs => u.n / 1000000.0)
         FROM unnest($2::uuid[]) WITH ORDINALITY AS u(id, n)`,
      [id, [ownerId, ...authorIds.filter((a) => a !== ownerId)]],
    );
    return id;
  }

  /** Locks the course (serialises its version moves); false when there is no such course. */
  async lockCourse(manager: EntityManager, courseId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT id FROM courses WHERE id = $1 FOR UPDATE`, [courseId]);
    return rows.length > 0;
  }

  /** Author ids of each course, in the order they were added. */
  async authorIds(manager: EntityManager | undefined, courseIds: string[]): Promise<Map<string, string[]>> {
    const rows: { course_id: string; user_id: string }[] = await this.db(manager).query(
      `SELECT course_id, user_id FROM course_authors WHERE course_id = ANY($1::uuid[]) ORDER BY added_at`,
      [courseIds],
    );
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.course_id, [...(out.get(r.course_id) ?? []), r.user_id]);
    return out;
  }

  /** Authors of each course with their names. */
  async authors(courseIds: string[]): Promise<Map<string, CourseAuthorDto[]>> {
    const rows: { course_id: string; id: string; display_name: string }[] = await this.dataSource.query(
      `SELECT ca.course_id, u.id, u.display_name FROM course_authors ca JOIN users u ON u.id = ca.user_id
        WHERE ca.course_id = ANY($1::uuid[]) ORDER BY ca.added_at`,
      [courseIds],
    );
    const out = new Map<string, CourseAuthorDto[]>();
    for (const r of rows) {
      out.set(r.course_id, [...(out.get(r.course_id) ?? []), { id: r.id, displayName: r.display_name }]);
    }
    return out;
  }

  async insertVersion(manager: EntityManager, courseId: string, number: number, h: VersionHeader): Promise<string> {
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO course_versions (course_id, number, title, language, themes, description, estimated_hours)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [courseId, number, h.title, h.language, h.themes, h.description, h.estimatedHours],
    );
    return id;
  }

  async updateHeader(manager: EntityManager, versionId: string, h: VersionHeader): Promise<void> {
    await manager.query(
      `UPDATE course_versions SET title = $2, language = $3, themes = $4, description = $5, estimated_hours = $6
        WHERE id = $1`,
      [versionId, h.title, h.language, h.themes, h.description, h.estimatedHours],
    );
  }

  /** One version; `lock` takes its row lock (and the course's, so moves of one course are serialised). */
  async version(manager: EntityManager | undefined, versionId: string, lock = false): Promise<VersionRow | null> {
    if (lock && manager) {
      await manager.query(
        `SELECT c.id FROM courses c JOIN course_versions v ON v.course_id = c.id WHERE v.id = $1 FOR UPDATE OF c`,
        [versionId],
      );
    }
    const rows: VersionRow[] = await this.db(manager).query(
      `SELECT ${VERSION_COLUMNS} FROM course_versions v WHERE v.id = $1`,
      [versionId],
    );
    return rows[0] ?? null;
  }

  /** Every version of a course, newest first. */
  async versions(manager: EntityManager | undefined, courseId: string): Promise<VersionRow[]> {
    return this.db(manager).query(
      `SELECT ${VERSION_COLUMNS} FROM course_versions v WHERE v.course_id = $1 ORDER BY v.number DESC`,
      [courseId],
    );
  }

  /** Courses the user authors: each course's newest version. */
  async authoredLatest(userId: string): Promise<VersionRow[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (v.course_id) ${VERSION_COLUMNS}
         FROM course_versions v JOIN course_authors ca ON ca.course_id = v.course_id AND ca.user_id = $1
        ORDER BY v.course_id, v.number DESC`,
      [userId],
    );
  }

  /** Versions in review whose course the reviewer does not author, oldest submission first. */
  async reviewQueue(reviewerId: string): Promise<VersionRow[]> {
    return this.dataSource.query(
      `SELECT ${VERSION_COLUMNS} FROM course_versions v
        WHERE v.state = 'in_review'
          AND NOT EXISTS (SELECT 1 FROM course_authors ca WHERE ca.course_id = v.course_id AND ca.user_id = $1)
        ORDER BY v.submitted_at, v.id`,
      [reviewerId],
    );
  }

  async setState(
    manager: EntityManager,
    versionId: string,
    state: CourseVersionState,
    extra: 'submitted' | 'published' | null = null,
  ): Promise<void> {
    const set =
      extra === 'submitted'
        ? `, submitted_at = now(), review_round = review_round + 1`
        : extra === 'published'
          ? `, published_at = now()`
          : '';
    await manager.query(`UPDATE course_versions SET state = $2${set} WHERE id = $1`, [versionId, state]);
  }

  /** Archives the course's published version, if any. */
  async archivePublished(manager: EntityManager, courseId: string): Promise<void> {
    await manager.query(
      `UPDATE course_versions SET state = 'archived', archived_at = now() WHERE course_id = $1 AND state = 'published'`,
      [courseId],
    );
  }

  /** Records the approval (once per reviewer and round) and answers how many distinct non-authors approved. */
  async approve(manager: EntityManager, versionId: string, round: number, reviewerId: string): Promise<number> {
    await manager.query(
      `INSERT INTO course_approvals (version_id, round, reviewer_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [versionId, round, reviewerId],
    );
    const [{ count }]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM course_approvals a JOIN course_versions v ON v.id = a.version_id
        WHERE a.version_id = $1 AND a.round = $2
          AND NOT EXISTS (SELECT 1 FROM course_authors ca WHERE ca.course_id = v.course_id AND ca.user_id = a.reviewer_id)`,
      [versionId, round],
    );
    return count;
  }

  async approvals(versionId: string, round: number): Promise<CourseAuthorDto[]> {
    const rows: { id: string; display_name: string }[] = await this.dataSource.query(
      `SELECT u.id, u.display_name FROM course_approvals a JOIN users u ON u.id = a.reviewer_id
        WHERE a.version_id = $1 AND a.round = $2 ORDER BY a.created_at`,
      [versionId, round],
    );
    return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
  }

  async insertComments(
    manager: EntityManager,
    versionId: string,
    round: number,
    reviewerId: string,
    comments: { lessonKey: string; body: string; bodyHtml: string }[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO course_review_comments (version_id, round, lesson_key, reviewer_id, body, body_html, created_at)
       SELECT $1, $2, (c->>'lessonKey')::uuid, $3, c->>'body', c->>'bodyHtml', clock_timestamp() + make_interval(secs => n / 1000000.0)
         FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS t(c, n)`,
      [versionId, round, reviewerId, JSON.stringify(comments)],
    );
  }

  async comments(versionId: string): Promise<CourseReviewCommentDto[]> {
    const rows: {
      id: string;
      lesson_key: string;
      reviewer_id: string;
      display_name: string;
      body: string;
      body_html: string;
      round: number;
      created_at: Date;
    }[] = await this.dataSource.query(
      `SELECT c.id, c.lesson_key, c.reviewer_id, u.display_name, c.body, c.body_html, c.round, c.created_at
         FROM course_review_comments c JOIN users u ON u.id = c.reviewer_id
        WHERE c.version_id = $1 ORDER BY c.created_at, c.id`,
      [versionId],
    );
    return rows.map((r) => ({
      id: r.id,
      lessonKey: r.lesson_key,
      reviewer: { id: r.reviewer_id, displayName: r.display_name },
      body: r.body,
      bodyHtml: r.body_html,
      round: r.round,
      createdAt: iso(r.created_at),
    }));
  }

  /** Published versions, newest publication first, after the keyset `after` ([published_at, id]). */
  async catalogue(
    filters: { language?: PostLanguage; theme?: Theme; courseId?: string },
    after: [string, string] | null,
    limit: number,
  ): Promise<CatalogueRow[]> {
    const params: unknown[] = [];
    const where = [`v.state = 'published'`];
    const add = (value: unknown) => `$${params.push(value)}`;
    if (filters.language) where.push(`v.language = ${add(filters.language)}`);
    if (filters.theme) where.push(`${add(filters.theme)} = ANY(v.themes)`);
    if (filters.courseId) where.push(`v.course_id = ${add(filters.courseId)}`);
    if (after) where.push(`(v.published_at, v.id) < (${add(after[0])}::timestamptz, ${add(after[1])}::uuid)`);
    return this.dataSource.query(
      `SELECT ${VERSION_COLUMNS}, ${exactTime('v.published_at')} AS published_key,
              (SELECT count(*)::int FROM course_lessons l WHERE l.version_id = v.id) AS lesson_count,
              (SELECT count(*)::int FROM course_quizzes z JOIN course_modules m ON m.id = z.module_id
                WHERE m.version_id = v.id) AS quiz_count
         FROM course_versions v
        WHERE ${where.join(' AND ')}
        ORDER BY v.published_at DESC, v.id DESC
        LIMIT ${limit + 1}`,
      params,
    );
  }
}
