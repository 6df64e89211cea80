import {
  COURSE_LESSON_BODY_MAX_LENGTH,
  COURSE_LESSONS_MAX,
  COURSE_QUIZZES_MAX,
  type CourseReviewCommentDto,
} from '@twinning/contracts';
import { useId } from 'react';
import { TextField } from '../../../components/form-field';
import { useI18n } from '../../../lib/i18n';
import { moved, newLesson, newQuiz, replaced, without, type DraftLesson, type DraftModule } from '../authoring-draft';
import { usePathErrors } from '../authoring-errors';
import { useAuthoringAnnounce } from './authoring-announce';
import { AuthoringItemTools } from './authoring-item-tools';
import { AuthoringMarkdownField } from './authoring-markdown-field';
import { AuthoringQuiz } from './authoring-quiz';

export interface AuthoringModuleProps {
  module: DraftModule;
  index: number;
  /** Reviewers' comments, by lesson key. */
  comments: ReadonlyMap<string, CourseReviewCommentDto[]>;
  onChange: (module: DraftModule) => void;
}

/** One module: its title, its lessons (Markdown with preview) and its quizzes. */
export function AuthoringModule({ module, index, comments, onChange }: AuthoringModuleProps) {
  const { t } = useI18n();
  const announce = useAuthoringAnnounce();
  const errorsAt = usePathErrors();
  const headingId = useId();
  const path = `modules.${index}`;
  const moduleName = t('courseAuthoring.moduleName', { n: index + 1 });
  const set = (patch: Partial<DraftModule>) => onChange({ ...module, ...patch });
  const setLesson = (i: number, lesson: DraftLesson) => set({ lessons: replaced(module.lessons, i, lesson) });
  const lessonsError = errorsAt(`${path}.lessons`);
  const quizzesError = errorsAt(`${path}.quizzes`);

  return (
    <section className="authoring-module stack" aria-labelledby={headingId}>
      <h3 id={headingId}>{module.title.trim() ? `${moduleName}: ${module.title}` : moduleName}</h3>
      <TextField
        name="module-title"
        label={t('courseAuthoring.moduleTitle')}
        value={module.title}
        maxLength={200}
        dir="auto"
        errors={errorsAt(`${path}.title`)}
        onChange={(event) => set({ title: event.target.value })}
      />
      <h4>{t('courseAuthoring.lessons')}</h4>
      <ol className="authoring-list" aria-label={t('courseAuthoring.lessonsOf', { name: moduleName })}>
        {module.lessons.map((lesson, i) => {
          const lessonPath = `${path}.lessons.${i}`;
          const name = t('courseAuthoring.lessonName', { n: i + 1 });
          const lessonComments = lesson.key ? (comments.get(lesson.key) ?? []) : [];
          return (
            <li key={lesson.uid} className="authoring-item">
              <fieldset className="fieldset">
                <legend>{lesson.title.trim() ? `${name}: ${lesson.title}` : name}</legend>
                <TextField
                  name="lesson-title"
                  label={t('courseAuthoring.lessonTitle')}
                  value={lesson.title}
                  maxLength={200}
                  dir="auto"
                  errors={errorsAt(`${lessonPath}.title`) ?? errorsAt(`${lessonPath}.key`)}
                  onChange={(event) => setLesson(i, { ...lesson, title: event.target.value })}
                />
                <AuthoringMarkdownField
                  label={t('courseAuthoring.lessonBody')}
                  hint={t('courseAuthoring.lessonBodyHint')}
                  value={lesson.body}
                  maxLength={COURSE_LESSON_BODY_MAX_LENGTH}
                  errors={errorsAt(`${lessonPath}.body`)}
                  onChange={(body) => setLesson(i, { ...lesson, body })}
                />
                {lessonComments.length > 0 ? <LessonComments comments={lessonComments} /> : null}
              </fieldset>
              <AuthoringItemTools
                name={name}
                index={i}
                count={module.lessons.length}
                removable={module.lessons.length > 1}
                onMove={(step) => {
                  set({ lessons: moved(module.lessons, i, step) });
                  announce(t('courseAuthoring.moved', { name, n: i + 1 + step }));
                }}
                onRemove={() => {
                  set({ lessons: without(module.lessons, i) });
                  announce(t('courseAuthoring.removed', { name }));
                }}
              />
            </li>
          );
        })}
      </ol>
      {lessonsError ? <p className="field__error">{lessonsError.join(' ')}</p> : null}
      {module.lessons.length < COURSE_LESSONS_MAX ? (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              set({ lessons: [...module.lessons, newLesson()] });
              announce(
                t('courseAuthoring.added', { name: t('courseAuthoring.lessonName', { n: module.lessons.length + 1 }) }),
              );
            }}
          >
            {t('courseAuthoring.addLessonTo', { name: moduleName })}
          </button>
        </p>
      ) : null}
      <h4>{t('courseAuthoring.quizzes')}</h4>
      {module.quizzes.length === 0 ? <p className="muted">{t('courseAuthoring.noQuiz')}</p> : null}
      <ol className="authoring-list" aria-label={t('courseAuthoring.quizzesOf', { name: moduleName })}>
        {module.quizzes.map((quiz, i) => {
          const name = t('courseAuthoring.quizName', { n: i + 1 });
          return (
            <li key={quiz.uid} className="authoring-item">
              <fieldset className="fieldset">
                <legend>{quiz.title.trim() ? `${name}: ${quiz.title}` : name}</legend>
                <AuthoringQuiz
                  quiz={quiz}
                  path={`${path}.quizzes.${i}`}
                  name={`${name}, ${moduleName}`}
                  onChange={(next) => set({ quizzes: replaced(module.quizzes, i, next) })}
                />
              </fieldset>
              <AuthoringItemTools
                name={name}
                index={i}
                count={module.quizzes.length}
                onMove={(step) => {
                  set({ quizzes: moved(module.quizzes, i, step) });
                  announce(t('courseAuthoring.moved', { name, n: i + 1 + step }));
                }}
                onRemove={() => {
                  set({ quizzes: without(module.quizzes, i) });
                  announce(t('courseAuthoring.removed', { name }));
                }}
              />
            </li>
          );
        })}
      </ol>
      {quizzesError ? <p className="field__error">{quizzesError.join(' ')}</p> : null}
      {module.quizzes.length < COURSE_QUIZZES_MAX ? (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              set({ quizzes: [...module.quizzes, newQuiz()] });
              announce(
                t('courseAuthoring.added', { name: t('courseAuthoring.quizName', { n: module.quizzes.length + 1 }) }),
              );
            }}
          >
            {t('courseAuthoring.addQuizTo', { name: moduleName })}
          </button>
        </p>
      ) : null}
    </section>
  );
}

/** Reviewers' comments on a lesson, newest round first. */
function LessonComments({ comments }: { comments: CourseReviewCommentDto[] }) {
  const { t, format } = useI18n();
  const sorted = [...comments].sort((a, b) => b.round - a.round || b.createdAt.localeCompare(a.createdAt));
  return (
    <div className="authoring-comments">
      <h5 className="authoring-comments__heading">{t('courseAuthoring.reviewerComments')}</h5>
      <ul className="plain-list">
        {sorted.map((comment) => (
          <li key={comment.id} className="plain-list__item plain-list__item--stacked">
            <p className="muted">
              {t('courseAuthoring.commentBy', {
                name: comment.reviewer.displayName,
                round: comment.round,
                date: format.date(comment.createdAt),
              })}
            </p>
            <div className="post-markdown" dir="auto" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
          </li>
        ))}
      </ul>
    </div>
  );
}
