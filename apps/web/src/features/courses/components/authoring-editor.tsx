import {
  COURSE_DESCRIPTION_MAX_LENGTH,
  COURSE_ESTIMATED_HOURS_MAX,
  COURSE_MODULES_MAX,
  POST_LANGUAGES,
  UI_LANGUAGES,
  type CourseReviewCommentDto,
  type CourseVersionDto,
  type PostLanguage,
} from '@twinning/contracts';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { SelectField, TextField } from '../../../components/form-field';
import { StatusMessage } from '../../../components/status-message';
import { ThemeCheckboxes } from '../../../components/theme-checkboxes';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { describeError } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { useCreateCourse } from '../api/authoring-create-course';
import { useSaveDraft } from '../api/authoring-save-draft';
import { useSubmitForReview } from '../api/authoring-submit';
import {
  contentOf,
  draftFromVersion,
  emptyDraft,
  moved,
  newModule,
  replaced,
  without,
  type CourseDraft,
} from '../authoring-draft';
import { isShownPath, pathErrorsOf, PathErrorsContext } from '../authoring-errors';
import { AuthoringAnnounceContext } from './authoring-announce';
import { AuthoringCoAuthors } from './authoring-co-authors';
import { AuthoringItemTools } from './authoring-item-tools';
import { AuthoringMarkdownField } from './authoring-markdown-field';
import { AuthoringModule } from './authoring-module';
import '../authoring.css';

export interface AuthoringEditorProps {
  /** The draft being edited; absent for a new course. */
  version?: CourseVersionDto;
  /** The signed-in author (left out of the co-author search). */
  viewerId: string;
  /** A new course was created: its first draft. */
  onCreated?: (version: CourseVersionDto) => void;
  /** The draft was submitted for review. */
  onSubmitted?: (version: CourseVersionDto) => void;
}

/**
 * The course editor: the header (title, language, themes, description, hours), then modules of lessons and
 * quizzes, each added, removed and moved with buttons. Saving sends the whole draft; the API's field errors
 * appear next to the field they name. A draft can then be submitted for review.
 */
export function AuthoringEditor({ version, viewerId, onCreated, onSubmitted }: AuthoringEditorProps) {
  const { t, language, format } = useI18n();
  const [draft, setDraft] = useState<CourseDraft>(() =>
    version
      ? draftFromVersion(version)
      : emptyDraft((UI_LANGUAGES as readonly string[]).includes(language) ? language : 'en'),
  );
  const [status, setStatus] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const create = useCreateCourse();
  const save = useSaveDraft(version?.courseId ?? '');
  const submit = useSubmitForReview();
  const error = create.error ?? save.error ?? submit.error;
  const pathErrors = useMemo(() => pathErrorsOf(error, t, language), [error, t, language]);
  // Errors about fields the editor does not show are listed at the top, worded with their field's key.
  const unshown = Object.entries(pathErrorsOf(error, t, language, { keepFieldKeys: true })).filter(
    ([path]) => !isShownPath(path),
  );
  const busy = create.isPending || save.isPending || submit.isPending;

  const comments = useMemo(() => {
    const byLesson = new Map<string, CourseReviewCommentDto[]>();
    for (const comment of version?.comments ?? []) {
      byLesson.set(comment.lessonKey, [...(byLesson.get(comment.lessonKey) ?? []), comment]);
    }
    return byLesson;
  }, [version]);

  const languages = useMemo(
    () =>
      POST_LANGUAGES.filter((code) => code !== 'und')
        .map((code) => ({ code, name: format.languageName(code) }))
        .sort((a, b) => a.name.localeCompare(b.name, language)),
    [format, language],
  );

  const announce = (message: string) => setStatus(message);
  const change = (patch: Partial<CourseDraft>) => setDraft((current) => ({ ...current, ...patch }));
  /** Structure changes move fields around: the last save's errors no longer point at the right ones. */
  const changeModules = (modules: CourseDraft['modules']) => {
    save.reset();
    create.reset();
    change({ modules });
  };

  async function persist(): Promise<CourseVersionDto | null> {
    submit.reset();
    try {
      if (!version) {
        const created = await create.mutateAsync({
          ...contentOf(draft),
          coAuthorIds: draft.coAuthors.map((p) => p.id),
        });
        onCreated?.(created);
        return created;
      }
      const saved = await save.mutateAsync(contentOf(draft));
      return saved;
    } catch {
      focusFirstInvalid();
      setStatus('');
      return null;
    }
  }

  async function handleSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await persist();
    if (saved) setStatus(version ? t('courseAuthoring.saved') : t('courseAuthoring.created'));
  }

  async function handleSubmitForReview() {
    const saved = await persist();
    if (!saved) return;
    try {
      const submitted = await submit.mutateAsync(saved.id);
      setStatus(t('courseAuthoring.submitted'));
      onSubmitted?.(submitted);
    } catch {
      statusRef.current?.focus();
    }
  }

  return (
    <AuthoringAnnounceContext.Provider value={announce}>
      <PathErrorsContext.Provider value={pathErrors}>
        <form ref={formRef} className="form form--wide authoring-editor stack" noValidate onSubmit={handleSave}>
          <div ref={statusRef} tabIndex={-1} className="focus-target">
            {error ? (
              <div role="alert" className="alert alert--error">
                <p className="alert__text">{describeError(t, error)}</p>
                {unshown.length > 0 ? (
                  <ul className="alert__list">
                    {unshown.map(([path, messages]) => (
                      <li key={path}>{messages.join(' ')}</li>
                    ))}
                  </ul>
                ) : null}
              </div>
            ) : null}
          </div>
          <section className="stack" aria-labelledby="authoring-about">
            <h2 id="authoring-about">{t('courseAuthoring.about')}</h2>
            <TextField
              name="title"
              label={t('courseAuthoring.title')}
              value={draft.title}
              maxLength={200}
              dir="auto"
              errors={pathErrors['title']}
              onChange={(event) => change({ title: event.target.value })}
            />
            <SelectField
              name="language"
              label={t('courseAuthoring.language')}
              value={draft.language}
              errors={pathErrors['language']}
              onChange={(event) => change({ language: event.target.value as PostLanguage })}
            >
              {languages.map((option) => (
                <option key={option.code} value={option.code} lang={option.code}>
                  {option.name}
                </option>
              ))}
            </SelectField>
            <ThemeCheckboxes
              legend={t('courseAuthoring.themes')}
              hint={t('courseAuthoring.themesHint')}
              value={draft.themes}
              errors={pathErrors['themes']}
              onChange={(themes) => change({ themes })}
            />
            <AuthoringMarkdownField
              label={t('courseAuthoring.description')}
              value={draft.description}
              maxLength={COURSE_DESCRIPTION_MAX_LENGTH}
              rows={4}
              errors={pathErrors['description']}
              onChange={(description) => change({ description })}
            />
            <TextField
              name="estimatedHours"
              className="field--short"
              type="number"
              inputMode="decimal"
              min={0.5}
              max={COURSE_ESTIMATED_HOURS_MAX}
              step={0.5}
              label={t('courseAuthoring.estimatedHours')}
              value={draft.estimatedHours}
              errors={pathErrors['estimatedHours']}
              onChange={(event) => change({ estimatedHours: event.target.value })}
            />
            {version ? null : (
              <AuthoringCoAuthors
                value={draft.coAuthors}
                viewerId={viewerId}
                errors={pathErrors['coAuthorIds']}
                onChange={(coAuthors) => change({ coAuthors })}
              />
            )}
          </section>
          <section className="stack" aria-labelledby="authoring-modules">
            <h2 id="authoring-modules">{t('courseAuthoring.modules')}</h2>
            <ol className="authoring-list authoring-modules">
              {draft.modules.map((module, index) => {
                const name = t('courseAuthoring.moduleName', { n: index + 1 });
                return (
                  <li key={module.uid} className="authoring-item authoring-item--module">
                    <AuthoringModule
                      module={module}
                      index={index}
                      comments={comments}
                      onChange={(next) =>
                        setDraft((current) => ({ ...current, modules: replaced(current.modules, index, next) }))
                      }
                    />
                    <AuthoringItemTools
                      name={name}
                      index={index}
                      count={draft.modules.length}
                      removable={draft.modules.length > 1}
                      onMove={(step) => {
                        changeModules(moved(draft.modules, index, step));
                        announce(t('courseAuthoring.moved', { name, n: index + 1 + step }));
                      }}
                      onRemove={() => {
                        changeModules(without(draft.modules, index));
                        announce(t('courseAuthoring.removed', { name }));
                      }}
                    />
                  </li>
                );
              })}
            </ol>
            {pathErrors['modules'] ? <p className="field__error">{pathErrors['modules'].join(' ')}</p> : null}
            {draft.modules.length < COURSE_MODULES_MAX ? (
              <p>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    changeModules([...draft.modules, newModule()]);
                    announce(
                      t('courseAuthoring.added', {
                        name: t('courseAuthoring.moduleName', { n: draft.modules.length + 1 }),
                      }),
                    );
                  }}
                >
                  {t('courseAuthoring.addModule')}
                </button>
              </p>
            ) : null}
          </section>
          <div className="form__actions button-row">
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('common.saving') : version ? t('courseAuthoring.saveDraft') : t('courseAuthoring.create')}
            </button>
            {version ? (
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() => void handleSubmitForReview()}
              >
                {t('courseAuthoring.submitForReview')}
              </button>
            ) : null}
          </div>
          <StatusMessage>{status}</StatusMessage>
        </form>
      </PathErrorsContext.Provider>
    </AuthoringAnnounceContext.Provider>
  );
}
