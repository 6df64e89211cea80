import { COURSE_OPTIONS_MAX, COURSE_QUESTIONS_MAX, type CourseQuestionKind } from '@twinning/contracts';
import { useId } from 'react';
import { SelectField, TextAreaField, TextField } from '../../../components/form-field';
import { useT } from '../../../lib/i18n';
import {
  moved,
  newOption,
  newQuestion,
  replaced,
  without,
  type DraftQuestion,
  type DraftQuiz,
} from '../authoring-draft';
import { usePathErrors } from '../authoring-errors';
import { AuthoringItemTools } from './authoring-item-tools';
import { useAuthoringAnnounce } from './authoring-announce';

export interface AuthoringQuizProps {
  quiz: DraftQuiz;
  /** The quiz's path in the API's terms: `modules.0.quizzes.1`. */
  path: string;
  /** "Quiz 2 of module 1". */
  name: string;
  onChange: (quiz: DraftQuiz) => void;
}

/** One quiz: title, pass mark, attempts, and its questions with their options and correct answers. */
export function AuthoringQuiz({ quiz, path, name, onChange }: AuthoringQuizProps) {
  const t = useT();
  const announce = useAuthoringAnnounce();
  const errorsAt = usePathErrors();
  const attemptsId = useId();
  const questionsError = errorsAt(`${path}.questions`);
  const set = (patch: Partial<DraftQuiz>) => onChange({ ...quiz, ...patch });
  const setQuestion = (index: number, question: DraftQuestion) =>
    set({ questions: replaced(quiz.questions, index, question) });

  return (
    <div className="authoring-quiz stack">
      <TextField
        name="quiz-title"
        label={t('courseAuthoring.quizTitle')}
        value={quiz.title}
        maxLength={200}
        errors={errorsAt(`${path}.title`)}
        onChange={(event) => set({ title: event.target.value })}
      />
      <div className="authoring-row">
        <TextField
          name="pass-mark"
          className="field--short"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          label={t('courseAuthoring.passMark')}
          hint={t('courseAuthoring.passMarkHint')}
          value={quiz.passMark}
          errors={errorsAt(`${path}.passMark`)}
          onChange={(event) => set({ passMark: event.target.value })}
        />
        <fieldset className="fieldset authoring-attempts">
          <legend>{t('courseAuthoring.attempts')}</legend>
          <label className="checkbox">
            <input
              type="radio"
              name={`${attemptsId}-limited`}
              checked={!quiz.limited}
              onChange={() => set({ limited: false })}
            />{' '}
            {t('courseAuthoring.attemptsUnlimited')}
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name={`${attemptsId}-limited`}
              checked={quiz.limited}
              onChange={() => set({ limited: true })}
            />{' '}
            {t('courseAuthoring.attemptsLimited')}
          </label>
          {quiz.limited ? (
            <TextField
              name="max-attempts"
              className="field--short"
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              label={t('courseAuthoring.maxAttempts')}
              value={quiz.maxAttempts}
              errors={errorsAt(`${path}.maxAttempts`)}
              onChange={(event) => set({ maxAttempts: event.target.value })}
            />
          ) : null}
        </fieldset>
      </div>
      <ol className="authoring-list" aria-label={t('courseAuthoring.questionsOf', { name })}>
        {quiz.questions.map((question, index) => (
          <li key={question.uid} className="authoring-item">
            <AuthoringQuestion
              question={question}
              path={`${path}.questions.${index}`}
              name={t('courseAuthoring.questionName', { n: index + 1 })}
              onChange={(next) => setQuestion(index, next)}
            />
            <AuthoringItemTools
              name={t('courseAuthoring.questionName', { n: index + 1 })}
              index={index}
              count={quiz.questions.length}
              removable={quiz.questions.length > 1}
              onMove={(step) => {
                set({ questions: moved(quiz.questions, index, step) });
                announce(
                  t('courseAuthoring.moved', {
                    name: t('courseAuthoring.questionName', { n: index + 1 }),
                    n: index + 1 + step,
                  }),
                );
              }}
              onRemove={() => {
                set({ questions: without(quiz.questions, index) });
                announce(t('courseAuthoring.removed', { name: t('courseAuthoring.questionName', { n: index + 1 }) }));
              }}
            />
          </li>
        ))}
      </ol>
      {questionsError ? <p className="field__error">{questionsError.join(' ')}</p> : null}
      {quiz.questions.length < COURSE_QUESTIONS_MAX ? (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              set({ questions: [...quiz.questions, newQuestion()] });
              announce(
                t('courseAuthoring.added', {
                  name: t('courseAuthoring.questionName', { n: quiz.questions.length + 1 }),
                }),
              );
            }}
          >
            {t('courseAuthoring.addQuestion')}
          </button>
        </p>
      ) : null}
    </div>
  );
}

interface AuthoringQuestionProps {
  question: DraftQuestion;
  path: string;
  name: string;
  onChange: (question: DraftQuestion) => void;
}

/** One question: kind, prompt, and options each with a "correct" mark (radio for single, checkbox for multiple). */
function AuthoringQuestion({ question, path, name, onChange }: AuthoringQuestionProps) {
  const t = useT();
  const announce = useAuthoringAnnounce();
  const errorsAt = usePathErrors();
  const groupId = useId();
  const optionsError = errorsAt(`${path}.options`);
  const set = (patch: Partial<DraftQuestion>) => onChange({ ...question, ...patch });

  function setKind(kind: CourseQuestionKind) {
    // Going to single choice keeps only the first correct option.
    const first = question.options.findIndex((o) => o.correct);
    const options =
      kind === 'single'
        ? question.options.map((o, i) => ({ ...o, correct: i === Math.max(first, 0) }))
        : question.options;
    set({ kind, options });
  }

  function setCorrect(index: number, checked: boolean) {
    set({
      options: question.options.map((o, i) =>
        question.kind === 'single' ? { ...o, correct: i === index } : i === index ? { ...o, correct: checked } : o,
      ),
    });
  }

  return (
    <fieldset className="fieldset authoring-question">
      <legend>{name}</legend>
      <SelectField
        name="kind"
        label={t('courseAuthoring.questionKind')}
        value={question.kind}
        errors={errorsAt(`${path}.kind`)}
        onChange={(event) => setKind(event.target.value as CourseQuestionKind)}
      >
        <option value="single">{t('courseAuthoring.kind.single')}</option>
        <option value="multiple">{t('courseAuthoring.kind.multiple')}</option>
      </SelectField>
      <TextAreaField
        name="prompt"
        rows={2}
        maxLength={2000}
        dir="auto"
        label={t('courseAuthoring.prompt')}
        value={question.prompt}
        errors={errorsAt(`${path}.prompt`)}
        onChange={(event) => set({ prompt: event.target.value })}
      />
      <div
        role="group"
        aria-labelledby={`${groupId}-label`}
        aria-describedby={optionsError ? `${groupId}-error` : undefined}
      >
        <p id={`${groupId}-label`} className="authoring-options__label">
          {question.kind === 'single' ? t('courseAuthoring.optionsSingle') : t('courseAuthoring.optionsMultiple')}
        </p>
        <ol className="authoring-options">
          {question.options.map((option, index) => {
            const optionName = t('courseAuthoring.optionName', { n: index + 1 });
            return (
              <li key={option.uid} className="authoring-option">
                <label className="checkbox authoring-option__correct">
                  <input
                    type={question.kind === 'single' ? 'radio' : 'checkbox'}
                    name={`${groupId}-correct`}
                    checked={option.correct}
                    aria-invalid={optionsError ? true : undefined}
                    onChange={(event) => setCorrect(index, event.target.checked)}
                  />{' '}
                  {t('courseAuthoring.correctNamed', { name: optionName })}
                </label>
                <TextField
                  name="option"
                  label={optionName}
                  value={option.text}
                  maxLength={500}
                  errors={errorsAt(`${path}.options.${index}.text`)}
                  onChange={(event) =>
                    set({ options: replaced(question.options, index, { ...option, text: event.target.value }) })
                  }
                />
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-disabled={question.options.length <= 2 || undefined}
                  aria-label={t('courseAuthoring.removeNamed', { name: optionName })}
                  onClick={() => {
                    if (question.options.length <= 2) return;
                    set({ options: without(question.options, index) });
                    announce(t('courseAuthoring.removed', { name: optionName }));
                  }}
                >
                  {t('courseAuthoring.remove')}
                </button>
              </li>
            );
          })}
        </ol>
        {optionsError ? (
          <p id={`${groupId}-error`} className="field__error">
            {optionsError.join(' ')}
          </p>
        ) : null}
      </div>
      {question.options.length < COURSE_OPTIONS_MAX ? (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            set({ options: [...question.options, newOption()] });
            announce(
              t('courseAuthoring.added', { name: t('courseAuthoring.optionName', { n: question.options.length + 1 }) }),
            );
          }}
        >
          {t('courseAuthoring.addOption')}
        </button>
      ) : null}
    </fieldset>
  );
}
