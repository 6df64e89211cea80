import type {
  CourseContentRequest,
  CourseQuestionKind,
  CourseVersionDto,
  PostLanguage,
  Theme,
  UserSummary,
} from '@twinning/contracts';

/**
 * The editor's working copy of a course version. Every list item carries a `uid` so React keeps rows (and
 * focus) stable while items are added, removed and moved; numbers stay text until they are sent.
 */
export interface DraftOption {
  uid: string;
  text: string;
  correct: boolean;
}
export interface DraftQuestion {
  uid: string;
  kind: CourseQuestionKind;
  prompt: string;
  options: DraftOption[];
}
export interface DraftQuiz {
  uid: string;
  title: string;
  passMark: string;
  /** False: unlimited attempts. */
  limited: boolean;
  maxAttempts: string;
  questions: DraftQuestion[];
}
export interface DraftLesson {
  uid: string;
  /** The stored lesson's key (review comments refer to it); absent for a new lesson. */
  key?: string;
  title: string;
  body: string;
}
export interface DraftModule {
  uid: string;
  title: string;
  lessons: DraftLesson[];
  quizzes: DraftQuiz[];
}
export interface CourseDraft {
  title: string;
  language: PostLanguage;
  themes: Theme[];
  description: string;
  estimatedHours: string;
  modules: DraftModule[];
  coAuthors: UserSummary[];
}

let nextUid = 0;
export const uid = (): string => `d${(nextUid += 1)}`;

export const newOption = (correct = false): DraftOption => ({ uid: uid(), text: '', correct });
export const newQuestion = (): DraftQuestion => ({
  uid: uid(),
  kind: 'single',
  prompt: '',
  options: [newOption(true), newOption()],
});
export const newQuiz = (): DraftQuiz => ({
  uid: uid(),
  title: '',
  passMark: '70',
  limited: false,
  maxAttempts: '3',
  questions: [newQuestion()],
});
export const newLesson = (): DraftLesson => ({ uid: uid(), title: '', body: '' });
export const newModule = (): DraftModule => ({ uid: uid(), title: '', lessons: [newLesson()], quizzes: [] });

export function emptyDraft(language: PostLanguage): CourseDraft {
  return {
    title: '',
    language,
    themes: [],
    description: '',
    estimatedHours: '1',
    modules: [newModule()],
    coAuthors: [],
  };
}

/** A stored version as a working copy (lesson keys kept). */
export function draftFromVersion(version: CourseVersionDto): CourseDraft {
  return {
    title: version.title,
    language: version.language,
    themes: [...version.themes],
    description: version.description,
    estimatedHours: String(version.estimatedHours),
    coAuthors: [],
    modules: version.modules.map((m) => ({
      uid: uid(),
      title: m.title,
      lessons: m.lessons.map((l) => ({ uid: uid(), key: l.key, title: l.title, body: l.body })),
      quizzes: m.quizzes.map((z) => ({
        uid: uid(),
        title: z.title,
        passMark: String(z.passMark),
        limited: z.maxAttempts !== null,
        maxAttempts: z.maxAttempts === null ? '3' : String(z.maxAttempts),
        questions: z.questions.map((q) => ({
          uid: uid(),
          kind: q.kind,
          prompt: q.prompt,
          options: q.options.map((o) => ({ uid: uid(), text: o.text, correct: o.correct })),
        })),
      })),
    })),
  };
}

/** A number typed in a field: the number, or NaN (sent as is, so the API names the field). */
const toNumber = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/** The request body for the API: what the author typed, unchanged, so the API's field errors match. */
export function contentOf(draft: CourseDraft): CourseContentRequest {
  return {
    title: draft.title,
    language: draft.language,
    themes: draft.themes,
    description: draft.description,
    estimatedHours: toNumber(draft.estimatedHours),
    modules: draft.modules.map((m) => ({
      title: m.title,
      lessons: m.lessons.map((l) =>
        l.key ? { key: l.key, title: l.title, body: l.body } : { title: l.title, body: l.body },
      ),
      quizzes: m.quizzes.map((z) => ({
        title: z.title,
        passMark: toNumber(z.passMark),
        // a limit that is not a number goes as 0, which the API refuses naming the field
        maxAttempts: z.limited ? toNumber(z.maxAttempts) || 0 : null,
        questions: z.questions.map((q) => ({
          kind: q.kind,
          prompt: q.prompt,
          options: q.options.map((o) => ({ text: o.text, correct: o.correct })),
        })),
      })),
    })),
  };
}

/** The list without item `index`. */
export function without<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

/** The list with item `index` moved by `step` (−1 up, +1 down); unchanged at the ends. */
export function moved<T>(items: readonly T[], index: number, step: -1 | 1): T[] {
  const target = index + step;
  if (target < 0 || target >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}

/** The list with item `index` replaced by `item`. */
export function replaced<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((current, i) => (i === index ? item : current));
}
