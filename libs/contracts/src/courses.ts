import type { Theme } from './domain';
import type { PostLanguage } from './forums';
import type { PageQuery } from './pagination';

/**
 * Online courses. A course's content belongs to a *version*: authors (facilitators) edit a draft, submit
 * it for review, and it is published when two reviewers who are not its authors approve it. Publishing
 * archives the previously published version; editing a published course starts a new draft copied from it.
 */
export const COURSE_VERSION_STATES = ['draft', 'in_review', 'published', 'archived'] as const;
export type CourseVersionState = (typeof COURSE_VERSION_STATES)[number];

/** Distinct reviewers (none of them an author) whose approvals publish a version. */
export const COURSE_APPROVALS_REQUIRED = 2;

export const COURSE_QUESTION_KINDS = ['single', 'multiple'] as const;
export type CourseQuestionKind = (typeof COURSE_QUESTION_KINDS)[number];

export const COURSE_TITLE_MAX_LENGTH = 200;
export const COURSE_DESCRIPTION_MAX_LENGTH = 5_000;
export const COURSE_LESSON_BODY_MAX_LENGTH = 50_000;
export const COURSE_THEMES_MAX = 5;
export const COURSE_MODULES_MAX = 30;
export const COURSE_LESSONS_MAX = 40;
export const COURSE_QUIZZES_MAX = 10;
export const COURSE_QUESTIONS_MAX = 50;
export const COURSE_OPTIONS_MAX = 10;
export const COURSE_ESTIMATED_HOURS_MAX = 500;
export const COURSE_COMMENT_MAX_LENGTH = 5_000;

// ---- Requests -------------------------------------------------------------------------------------

export interface CourseOptionInput {
  text: string;
  correct: boolean;
}

export interface CourseQuestionInput {
  kind: CourseQuestionKind;
  prompt: string;
  /** Single choice: exactly one correct option; multiple choice: at least one. */
  options: CourseOptionInput[];
}

export interface CourseQuizInput {
  title: string;
  /** Percentage of questions answered right needed to pass (0–100). */
  passMark: number;
  /** Attempts allowed; null: unlimited. */
  maxAttempts: number | null;
  questions: CourseQuestionInput[];
}

export interface CourseLessonInput {
  /** Stable across edits and versions (review comments refer to it); omitted for a new lesson. */
  key?: string;
  title: string;
  /** Markdown, rendered and sanitised on the server like posts. */
  body: string;
}

export interface CourseModuleInput {
  title: string;
  lessons: CourseLessonInput[];
  quizzes: CourseQuizInput[];
}

/** The whole content of a version: `PUT /courses/:id/draft` replaces the draft's content with it. */
export interface CourseContentRequest {
  title: string;
  language: PostLanguage;
  themes: Theme[];
  description: string;
  estimatedHours: number;
  modules: CourseModuleInput[];
}

export interface CreateCourseRequest extends CourseContentRequest {
  /** Other authors besides the creator: facilitators. */
  coAuthorIds?: string[];
}

export interface CourseCommentInput {
  lessonKey: string;
  body: string;
}

export interface CourseRequestChangesRequest {
  comments: CourseCommentInput[];
}

export interface CourseCatalogueQuery extends PageQuery {
  language?: PostLanguage;
  theme?: Theme;
}

// ---- Responses ------------------------------------------------------------------------------------

export interface CourseAuthorDto {
  id: string;
  displayName: string;
}

interface CourseHeader {
  title: string;
  language: PostLanguage;
  themes: Theme[];
  description: string;
  estimatedHours: number;
}

export interface CourseLessonDto {
  key: string;
  title: string;
  body: string;
  bodyHtml: string;
}

/** A question as learners see it: never says which options are correct. */
export interface CourseQuestionDto {
  kind: CourseQuestionKind;
  prompt: string;
  options: { text: string }[];
}

/** A question as its authors and reviewers see it. */
export interface CourseQuestionWithAnswersDto {
  kind: CourseQuestionKind;
  prompt: string;
  options: CourseOptionInput[];
}

export interface CourseQuizDto<Q = CourseQuestionDto> {
  id: string;
  title: string;
  passMark: number;
  maxAttempts: number | null;
  questions: Q[];
}

export interface CourseModuleDto<Q = CourseQuestionDto> {
  title: string;
  lessons: CourseLessonDto[];
  quizzes: CourseQuizDto<Q>[];
}

export interface CourseReviewCommentDto {
  id: string;
  lessonKey: string;
  reviewer: CourseAuthorDto;
  body: string;
  bodyHtml: string;
  /** The review round (1 for the first submission) the comment was made in. */
  round: number;
  createdAt: string;
}

/** A version in full, for its authors, reviewers and admins (correct answers included). */
export interface CourseVersionDto extends CourseHeader {
  id: string;
  courseId: string;
  number: number;
  state: CourseVersionState;
  authors: CourseAuthorDto[];
  modules: CourseModuleDto<CourseQuestionWithAnswersDto>[];
  /** Reviewers who approved in the current review round. */
  approvals: CourseAuthorDto[];
  comments: CourseReviewCommentDto[];
  reviewRound: number;
  createdAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
}

/** One version in a course's history, or in the review queue. */
export interface CourseVersionSummaryDto {
  id: string;
  courseId: string;
  number: number;
  state: CourseVersionState;
  title: string;
  language: PostLanguage;
  authors: CourseAuthorDto[];
  approvalCount: number;
  submittedAt: string | null;
  publishedAt: string | null;
}

/** A published course in the public catalogue. */
export interface CourseSummaryDto extends CourseHeader {
  id: string;
  versionId: string;
  versionNumber: number;
  authors: CourseAuthorDto[];
  lessonCount: number;
  quizCount: number;
  publishedAt: string;
}

/** A published course's page: lessons and quizzes, without correct answers. */
export interface CourseDto extends CourseSummaryDto {
  modules: CourseModuleDto[];
  /** The course's discussion forum (web route /forums/:id); created when the course is first published. */
  forum: { id: string } | null;
}

// ---- Learners ------------------------------------------------------------------------------------

export interface CourseProgressRequest {
  /** The lesson opened (remembered to resume on any device). */
  lessonKey: string;
  /** Marks the lesson done. */
  completed?: boolean;
}

export interface CourseQuizAttemptRequest {
  /** For each question, in order, the indexes of the options chosen (one for a single-choice question). */
  answers: number[][];
}

export interface CourseQuizStatusDto {
  quizId: string;
  attemptsUsed: number;
  /** Null: unlimited. */
  attemptsLeft: number | null;
  bestScore: number | null;
  passed: boolean;
}

/** A learner's enrolment: the version they are on (until they move), where they stopped, what they did. */
export interface CourseEnrolmentDto {
  courseId: string;
  versionId: string;
  versionNumber: number;
  /** The course's published version when it is newer than the learner's; null otherwise. */
  newerVersionId: string | null;
  lastLessonKey: string | null;
  completedLessonKeys: string[];
  quizzes: CourseQuizStatusDto[];
  /** Every lesson done and every quiz passed. */
  completed: boolean;
  /** The certificate completing the course issued (once per course, whichever version); null before. */
  certificate: CourseCertificateRefDto | null;
  /** The content of the learner's version, without correct answers. */
  modules: CourseModuleDto[];
}

/** The learner's certificate for a course: its verification page is `/verify/<verificationCode>`. */
export interface CourseCertificateRefDto {
  id: string;
  verificationCode: string;
  /** A revoked certificate no longer stands (the verification page says so). */
  revoked: boolean;
}

/** The grade of a submitted attempt; only now does the learner learn which questions were right. */
export interface CourseQuizAttemptDto {
  score: number;
  passed: boolean;
  questions: { right: boolean }[];
  status: CourseQuizStatusDto;
}

/** A learner of a course, as its authors see them. */
export interface CourseLearnerDto {
  user: CourseAuthorDto;
  versionNumber: number;
  lastLessonKey: string | null;
  enrolledAt: string;
  lessonsDone: number;
  lessonCount: number;
  quizzesPassed: number;
  quizCount: number;
}

/** How one question fared across every attempt: `misses` of `attempts` got it wrong. */
export interface CourseQuestionStatsDto {
  quizId: string;
  quizTitle: string;
  /** 1-based position of the question in its quiz. */
  question: number;
  prompt: string;
  attempts: number;
  misses: number;
}
