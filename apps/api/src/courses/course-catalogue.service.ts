import { Injectable } from '@nestjs/common';
import type { CourseCatalogueQuery, CourseDto, CourseModuleDto, CourseSummaryDto, Page } from '@twinning/contracts';
import { AppError } from '../common/app-error';
import { CourseForumsRepository } from '../forums';
import { decodeCursor, keysetPage } from '../common/cursor';
import { iso } from '../common/sql';
import { CourseContentRepository } from './course-content.repository';
import { CoursesRepository, type CatalogueRow } from './courses.repository';

/** The public catalogue of published courses, and a course's page: content without the correct answers. */
@Injectable()
export class CourseCatalogueService {
  constructor(
    private readonly courses: CoursesRepository,
    private readonly content: CourseContentRepository,
    private readonly forums: CourseForumsRepository,
  ) {}

  async list(query: CourseCatalogueQuery): Promise<Page<CourseSummaryDto>> {
    const limit = query.limit ?? 20;
    const after = decodeCursor<[string, string]>(query.cursor, 2);
    const rows = await this.courses.catalogue({ language: query.language, theme: query.theme }, after, limit);
    const authors = await this.courses.authors(rows.map((r) => r.course_id));
    return keysetPage(
      rows,
      limit,
      (r) => summary(r, authors.get(r.course_id) ?? []),
      (r) => [r.published_key, r.id],
    );
  }

  async course(courseId: string): Promise<CourseDto> {
    const [row] = await this.courses.catalogue({ courseId }, null, 1);
    if (!row) throw AppError.notFound('Course');
    const [authors, content, forums] = await Promise.all([
      this.courses.authors([courseId]),
      this.content.load(null, [row.id], false),
      this.forums.ofCourses([courseId]),
    ]);
    const forumId = forums.get(courseId);
    return {
      ...summary(row, authors.get(courseId) ?? []),
      modules: (content.get(row.id) ?? []) as CourseModuleDto[],
      forum: forumId ? { id: forumId } : null,
    };
  }
}

function summary(r: CatalogueRow, authors: CourseSummaryDto['authors']): CourseSummaryDto {
  return {
    id: r.course_id,
    versionId: r.id,
    versionNumber: r.number,
    title: r.title,
    language: r.language,
    themes: r.themes,
    description: r.description,
    estimatedHours: Number(r.estimated_hours),
    authors,
    lessonCount: r.lesson_count,
    quizCount: r.quiz_count,
    publishedAt: iso(r.published_at),
  };
}
