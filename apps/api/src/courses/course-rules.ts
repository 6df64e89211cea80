import {
  ErrorCode,
  type CourseContentRequest,
  type CourseVersionState,
  type CourseVersionSummaryDto,
  type CourseAuthorDto,
  type CourseModuleDto,
  type CourseQuestionWithAnswersDto,
} from '@twinning/contracts';
import { randomUUID } from 'node:crypto';
import { AppError } from '../common/app-error';
import type { FieldIssues } from '../common/field-issues';
import { renderMarkdown } from '../common/markdown';
import { isoOrNull } from '../common/sql';
import type { StoredModule } from './course-content.repository';
import type { VersionHeader, VersionRow } from './courses.repository';

/** Refuses a move unless the version is in one of `from`; the error names the state it is in and the one asked for. */
export function requireState(row: Pick<VersionRow, 'state' | 'number'>, from: CourseVersionState[], to: string): void {
  if (!from.includes(row.state)) {
    throw new AppError(
      ErrorCode.INVALID_STATE,
      `Version ${row.number} is ${row.state}: it cannot move to ${to} (only from ${from.join(' or ')}).`,
    );
  }
}

export function header(body: CourseContentRequest): VersionHeader {
  return {
    title: body.title,
    language: body.language,
    themes: body.themes,
    description: body.description,
    estimatedHours: body.estimatedHours,
  };
}

/**
 * The content to store: lesson keys kept when they name a lesson of `knownKeys` (the version being edited or
 * copied), new ones otherwise; Markdown rendered; correct options as indexes. Throws 400 naming each field:
 * an unknown or repeated lesson key, a question whose correct options do not fit its kind.
 */
export function prepareContent(body: CourseContentRequest, knownKeys: ReadonlySet<string>): StoredModule[] {
  const issues: FieldIssues = {};
  const seen = new Set<string>();
  const modules = body.modules.map((m, mi) => ({
    title: m.title,
    lessons: m.lessons.map((l, li) => {
      const field = `modules.${mi}.lessons.${li}.key`;
      if (l.key !== undefined) {
        if (!knownKeys.has(l.key)) issues[field] = [{ rule: 'unknownLesson', params: { field, value: l.key } }];
        else if (seen.has(l.key)) issues[field] = [{ rule: 'listedTwice', params: { field, value: l.key } }];
        seen.add(l.key);
      }
      return { key: l.key ?? randomUUID(), title: l.title, body: l.body, bodyHtml: renderMarkdown(l.body) };
    }),
    quizzes: m.quizzes.map((z, zi) => ({
      title: z.title,
      passMark: z.passMark,
      maxAttempts: z.maxAttempts ?? null,
      questions: z.questions.map((q, qi) => {
        const correct = q.options.flatMap((o, i) => (o.correct ? [i] : []));
        if (q.kind === 'single' ? correct.length !== 1 : correct.length < 1) {
          const field = `modules.${mi}.quizzes.${zi}.questions.${qi}.options`;
          issues[field] = [{ rule: 'correctOptions', params: { field } }];
        }
        return { kind: q.kind, prompt: q.prompt, options: q.options.map((o) => o.text), correct };
      }),
    })),
  }));
  if (Object.keys(issues).length > 0) throw AppError.fromIssues(issues);
  return modules;
}

/** A loaded version's content (answers included) in the shape to store again: copying it into a new draft. */
export function storedFrom(modules: CourseModuleDto<CourseQuestionWithAnswersDto>[]): StoredModule[] {
  return modules.map((m) => ({
    title: m.title,
    lessons: m.lessons,
    quizzes: m.quizzes.map((z) => ({
      ...z,
      questions: z.questions.map((q) => ({
        kind: q.kind,
        prompt: q.prompt,
        options: q.options.map((o) => o.text),
        correct: q.options.flatMap((o, i) => (o.correct ? [i] : [])),
      })),
    })),
  }));
}

export function versionSummary(row: VersionRow, authors: CourseAuthorDto[]): CourseVersionSummaryDto {
  return {
    id: row.id,
    courseId: row.course_id,
    number: row.number,
    state: row.state,
    title: row.title,
    language: row.language,
    authors,
    approvalCount: row.approval_count,
    submittedAt: isoOrNull(row.submitted_at),
    publishedAt: isoOrNull(row.published_at),
  };
}
