import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CourseModuleDto, CourseQuestionKind, CourseQuestionWithAnswersDto } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';

/** A version's content ready to store: lesson keys chosen, Markdown rendered, correct options as indexes. */
export interface StoredModule {
  title: string;
  lessons: { key: string; title: string; body: string; bodyHtml: string }[];
  quizzes: {
    title: string;
    passMark: number;
    maxAttempts: number | null;
    questions: { kind: CourseQuestionKind; prompt: string; options: string[]; correct: number[] }[];
  }[];
}

/** Modules → lessons and quizzes → questions of course versions, written and read in one statement each. */
@Injectable()
export class CourseContentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Replaces the version's content (modules cascade to lessons, quizzes and questions). */
  async replace(manager: EntityManager, versionId: string, modules: StoredModule[]): Promise<void> {
    await manager.query(`DELETE FROM course_modules WHERE version_id = $1`, [versionId]);
    await manager.query(
      `WITH src AS (
         SELECT e, o::int AS o FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(e, o)),
       m AS (
         INSERT INTO course_modules (version_id, position, title)
         SELECT $1, o, e->>'title' FROM src RETURNING id, position),
       l AS (
         INSERT INTO course_lessons (module_id, version_id, key, position, title, body, body_html)
         SELECT m.id, $1, (l->>'key')::uuid, lo, l->>'title', l->>'body', l->>'bodyHtml'
           FROM m JOIN src ON src.o = m.position,
                jsonb_array_elements(src.e->'lessons') WITH ORDINALITY AS lt(l, lo)
         RETURNING id),
       z AS (
         INSERT INTO course_quizzes (module_id, position, title, pass_mark, max_attempts)
         SELECT m.id, zo, z->>'title', (z->>'passMark')::int, (z->>'maxAttempts')::int
           FROM m JOIN src ON src.o = m.position,
                jsonb_array_elements(src.e->'quizzes') WITH ORDINALITY AS zt(z, zo)
         RETURNING id, module_id, position)
       INSERT INTO course_questions (quiz_id, position, kind, prompt, options, correct)
       SELECT z.id, qo, q->>'kind', q->>'prompt',
              ARRAY(SELECT jsonb_array_elements_text(q->'options')),
              ARRAY(SELECT jsonb_array_elements_text(q->'correct')::int)
         FROM z JOIN m ON m.id = z.module_id JOIN src ON src.o = m.position,
              LATERAL (SELECT zz FROM jsonb_array_elements(src.e->'quizzes') WITH ORDINALITY AS zt(zz, zo)
                        WHERE zo = z.position) AS quiz,
              jsonb_array_elements(quiz.zz->'questions') WITH ORDINALITY AS qt(q, qo)`,
      [versionId, JSON.stringify(modules)],
    );
  }

  /**
   * The content of each version, in order. Without `withAnswers` the correct options are not even read:
   * what learners and the public see cannot carry them.
   */
  async load(
    manager: EntityManager | null,
    versionIds: string[],
    withAnswers: boolean,
  ): Promise<Map<string, CourseModuleDto<CourseQuestionWithAnswersDto>[] | CourseModuleDto[]>> {
    const options = withAnswers
      ? `(SELECT json_agg(json_build_object('text', opt, 'correct', (i - 1) = ANY(q.correct)) ORDER BY i)
            FROM unnest(q.options) WITH ORDINALITY AS u(opt, i))`
      : `(SELECT json_agg(json_build_object('text', opt) ORDER BY i) FROM unnest(q.options) WITH ORDINALITY AS u(opt, i))`;
    const rows: { id: string; modules: CourseModuleDto<CourseQuestionWithAnswersDto>[] }[] = await (
      manager ?? this.dataSource
    ).query(
      `SELECT v.id, coalesce((
         SELECT json_agg(json_build_object(
                  'title', m.title,
                  'lessons', (SELECT coalesce(json_agg(json_build_object('key', l.key, 'title', l.title, 'body', l.body,
                                                                        'bodyHtml', l.body_html) ORDER BY l.position), '[]')
                                FROM course_lessons l WHERE l.module_id = m.id),
                  'quizzes', (SELECT coalesce(json_agg(json_build_object(
                                  'id', z.id, 'title', z.title, 'passMark', z.pass_mark, 'maxAttempts', z.max_attempts,
                                  'questions', (SELECT coalesce(json_agg(json_build_object(
                                                  'kind', q.kind, 'prompt', q.prompt, 'options', ${options})
                                                  ORDER BY q.position), '[]')
                                                  FROM course_questions q WHERE q.quiz_id = z.id)) ORDER BY z.position), '[]')
                                FROM course_quizzes z WHERE z.module_id = m.id)) ORDER BY m.position)
           FROM course_modules m WHERE m.version_id = v.id), '[]') AS modules
         FROM course_versions v WHERE v.id = ANY($1::uuid[])`,
      [versionIds],
    );
    return new Map(rows.map((r) => [r.id, r.modules]));
  }

  /** The lesson keys of a version. */
  async lessonKeys(manager: EntityManager, versionId: string): Promise<Set<string>> {
    const rows: { key: string }[] = await manager.query(`SELECT key FROM course_lessons WHERE version_id = $1`, [
      versionId,
    ]);
    return new Set(rows.map((r) => r.key));
  }
}
