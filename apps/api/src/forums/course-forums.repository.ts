import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Courses' discussion forums (kind `course`): public like theme forums. The courses feature opens one
 * when a course is first published and renames it on each later publication; the forum keeps the
 * course's title so forum pages, search, flags and the audit log name it without reading courses.
 */
@Injectable()
export class CourseForumsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Creates the course's forum, or gives it the newly published title; returns its id. */
  async published(manager: EntityManager, courseId: string, title: string): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO forums (kind, course_id, course_title) VALUES ('course', $1, left($2, 200))
       ON CONFLICT (course_id) DO UPDATE SET course_title = EXCLUDED.course_title
       RETURNING id`,
      [courseId, title],
    );
    return row.id;
  }

  /** The forum of each of these courses that has one. */
  async ofCourses(courseIds: readonly string[], manager?: EntityManager): Promise<Map<string, string>> {
    const rows: { id: string; course_id: string }[] = await (manager ?? this.dataSource).query(
      `SELECT id, course_id FROM forums WHERE course_id = ANY($1::uuid[])`,
      [courseIds],
    );
    return new Map(rows.map((r) => [r.course_id, r.id]));
  }
}
