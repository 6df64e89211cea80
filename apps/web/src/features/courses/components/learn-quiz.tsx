import type { CourseQuizAttemptDto, CourseQuizDto, CourseQuizStatusDto } from '@twinning/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { FormError } from '../../../components/form-error';
import { useI18n } from '../../../lib/i18n';
import { useSubmitCourseQuiz } from '../api/submit-course-quiz';

export interface LearnQuizProps {
  courseId: string;
  quiz: CourseQuizDto;
  /** The learner's attempts so far (from the enrolment). */
  status: CourseQuizStatusDto | undefined;
  /** The course's language, for the questions' text. */
  lang: string | undefined;
}

/**
 * A quiz by keyboard: one radio group per single-choice question, checkboxes for multiple choice. The
 * browser never knows the right answers: which questions were right is shown only from the server's
 * grade of a submitted attempt, with the score, the pass mark and the attempts left.
 */
export function LearnQuiz({ courseId, quiz, status, lang }: LearnQuizProps) {
  const { t } = useI18n();
  const formId = useId();
  const resultRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const submit = useSubmitCourseQuiz(courseId, quiz.id);
  const [answers, setAnswers] = useState<number[][]>(() => quiz.questions.map(() => []));
  const [result, setResult] = useState<CourseQuizAttemptDto | null>(null);
  const [missing, setMissing] = useState<number[]>([]);

  const current = result?.status ?? status;
  const attemptsLeft = current ? current.attemptsLeft : quiz.maxAttempts;
  const noAttemptsLeft = attemptsLeft === 0;

  function choose(question: number, option: number, single: boolean, checked: boolean) {
    setResult(null);
    setMissing((list) => list.filter((q) => q !== question));
    setAnswers((list) =>
      list.map((chosen, index) => {
        if (index !== question) return chosen;
        if (single) return [option];
        return checked
          ? [...chosen.filter((o) => o !== option), option].sort((a, b) => a - b)
          : chosen.filter((o) => o !== option);
      }),
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const unanswered = answers.flatMap((chosen, index) => (chosen.length === 0 ? [index] : []));
    setMissing(unanswered);
    if (unanswered.length > 0) {
      formRef.current?.querySelector<HTMLInputElement>(`[data-question="${unanswered[0]}"]`)?.focus();
      return;
    }
    submit.mutate(answers, {
      onSuccess: (attempt) => {
        setResult(attempt);
        requestAnimationFrame(() => resultRef.current?.focus());
      },
    });
  }

  function tryAgain() {
    setResult(null);
    setAnswers(quiz.questions.map(() => []));
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLInputElement>('input')?.focus());
  }

  const rightCount = result ? result.questions.filter((q) => q.right).length : 0;

  return (
    <div className="learn-quiz stack">
      <ul className="learn-quiz__facts">
        <li>{t('courses.quiz.passMark', { mark: quiz.passMark })}</li>
        <li>
          {attemptsLeft === null
            ? t('courses.quiz.unlimited')
            : t('courses.quiz.attemptsLeft', { count: attemptsLeft, max: quiz.maxAttempts ?? attemptsLeft })}
        </li>
        {current?.bestScore !== null && current?.bestScore !== undefined ? (
          <li>{t('courses.quiz.best', { score: current.bestScore })}</li>
        ) : null}
      </ul>
      {current?.passed && !result ? <p className="status--success">{t('courses.quiz.alreadyPassed')}</p> : null}
      <div ref={resultRef} tabIndex={-1} className="focus-target" role="status">
        {result ? (
          <div
            className={`learn-quiz__result ${result.passed ? 'learn-quiz__result--passed' : 'learn-quiz__result--failed'}`}
          >
            <p className="learn-quiz__score">
              {result.passed
                ? t('courses.quiz.passed', { score: result.score })
                : t('courses.quiz.failed', { score: result.score, mark: quiz.passMark })}
            </p>
            <p>{t('courses.quiz.rightCount', { right: rightCount, total: result.questions.length })}</p>
          </div>
        ) : null}
      </div>
      <FormError error={submit.error} />
      <form
        ref={formRef}
        id={formId}
        className="learn-quiz__form stack"
        aria-label={t('courses.quiz.formLabel', { title: quiz.title })}
        onSubmit={handleSubmit}
        noValidate
      >
        {quiz.questions.map((question, qIndex) => {
          const single = question.kind === 'single';
          const graded = result?.questions[qIndex];
          const errorId = `${formId}-q${qIndex}-error`;
          const hintId = `${formId}-q${qIndex}-hint`;
          const invalid = missing.includes(qIndex);
          return (
            <fieldset
              key={qIndex}
              className={`learn-question${graded ? (graded.right ? ' learn-question--right' : ' learn-question--wrong') : ''}`}
              aria-describedby={[hintId, invalid ? errorId : ''].filter(Boolean).join(' ')}
              disabled={noAttemptsLeft}
            >
              <legend className="learn-question__prompt">
                <span className="learn-question__number">{t('courses.quiz.question', { number: qIndex + 1 })}</span>{' '}
                <span lang={lang} dir="auto">
                  {question.prompt}
                </span>
                {graded ? (
                  <span
                    className={`badge ${graded.right ? 'badge--approved' : 'badge--rejected'} learn-question__grade`}
                  >
                    {graded.right ? t('courses.quiz.right') : t('courses.quiz.wrong')}
                  </span>
                ) : null}
              </legend>
              <p id={hintId} className="field__hint">
                {single ? t('courses.quiz.chooseOne') : t('courses.quiz.chooseAll')}
              </p>
              <ul className="learn-question__options">
                {question.options.map((option, oIndex) => {
                  const inputId = `${formId}-q${qIndex}-o${oIndex}`;
                  return (
                    <li key={oIndex}>
                      <input
                        id={inputId}
                        type={single ? 'radio' : 'checkbox'}
                        name={`${formId}-q${qIndex}`}
                        value={oIndex}
                        data-question={oIndex === 0 ? qIndex : undefined}
                        checked={answers[qIndex]?.includes(oIndex) ?? false}
                        aria-invalid={invalid || undefined}
                        onChange={(event) => choose(qIndex, oIndex, single, event.target.checked)}
                      />{' '}
                      <label htmlFor={inputId} lang={lang} dir="auto">
                        {option.text}
                      </label>
                    </li>
                  );
                })}
              </ul>
              {invalid ? (
                <p id={errorId} className="field__error">
                  {t('courses.quiz.answerThis')}
                </p>
              ) : null}
            </fieldset>
          );
        })}
        {noAttemptsLeft ? (
          <p className="notice">{t('courses.quiz.noAttemptsLeft')}</p>
        ) : result?.passed ? null : result ? (
          <p>
            <button type="button" className="button button--secondary" onClick={tryAgain}>
              {t('courses.quiz.tryAgain')}
            </button>
          </p>
        ) : (
          <p>
            <button type="submit" className="button" disabled={submit.isPending}>
              {submit.isPending ? t('courses.quiz.submitting') : t('courses.quiz.submit')}
            </button>
          </p>
        )}
      </form>
    </div>
  );
}
