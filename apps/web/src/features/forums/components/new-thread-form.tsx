import {
  THEMES,
  THREAD_TITLE_MAX_LENGTH,
  THREAD_TITLE_MIN_LENGTH,
  type ForumDto,
  type Theme,
  type ThreadDto,
} from '@twinning/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { TextField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { useCreateThread } from '../api/create-thread';
import { MarkdownEditor } from './markdown-editor';
import { PostLanguageSelect, useDefaultPostLanguage } from './post-language-select';
import '../forums.css';

export interface NewThreadFormProps {
  forum: ForumDto;
  onCreated: (thread: ThreadDto) => void;
}

/** "New thread", folded until opened: title, Markdown body with preview, and theme tags. */
export function NewThreadForm({ forum, onCreated }: NewThreadFormProps) {
  const { t, format, language } = useI18n();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const create = useCreateThread();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [themes, setThemes] = useState<Theme[]>(forum.theme ? [forum.theme] : []);
  const [threadLanguage, setThreadLanguage] = useState(useDefaultPostLanguage());
  const [problems, setProblems] = useState<{ title?: string; body?: string }>({});

  if (!forum.viewer.canPost) {
    return (
      <p className="notice">
        {forum.viewer.silencedUntil
          ? t('forums.silencedUntil', { until: format.dateTime(forum.viewer.silencedUntil) })
          : t('forums.cannotPost')}
      </p>
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: { title?: string; body?: string } = {};
    const trimmed = title.trim();
    if (trimmed.length < THREAD_TITLE_MIN_LENGTH || trimmed.length > THREAD_TITLE_MAX_LENGTH) {
      found.title = t('forums.titleLength', { min: THREAD_TITLE_MIN_LENGTH, max: THREAD_TITLE_MAX_LENGTH });
    }
    if (!body.trim()) found.body = t('validation.required');
    setProblems(found);
    if (found.title || found.body) {
      focusFirstInvalid();
      return;
    }
    create.mutate(
      { forumId: forum.id, title: trimmed, body, themes, language: threadLanguage },
      { onSuccess: onCreated, onError: focusFirstInvalid },
    );
  }

  const serverErrors = localizedFieldErrors(create.error, t, language);
  return (
    <details className="forum-disclosure">
      <summary className="button forum-disclosure__summary">{t('forums.newThread')}</summary>
      <form ref={formRef} className="form form--wide forum-disclosure__body" noValidate onSubmit={handleSubmit}>
        <FormError error={create.error} shownFields={['title', 'body', 'themes', 'language']} />
        <TextField
          name="title"
          required
          maxLength={THREAD_TITLE_MAX_LENGTH}
          label={t('forums.threadTitle')}
          value={title}
          errors={problems.title ? [problems.title] : serverErrors['title']}
          onChange={(event) => setTitle(event.target.value)}
        />
        <MarkdownEditor
          name="body"
          label={t('forums.threadBody')}
          value={body}
          onChange={setBody}
          hint={t('forums.threadBodyHint')}
          errors={problems.body ? [problems.body] : serverErrors['body']}
          required
          rows={8}
        />
        <fieldset className="fieldset" aria-describedby={`${id}-themes-hint`}>
          <legend>{t('forums.threadThemes')}</legend>
          <p id={`${id}-themes-hint`} className="field__hint">
            {t('forums.threadThemesHint')}
          </p>
          <div className="checkbox-grid">
            {THEMES.map((theme) => (
              <label key={theme} className="checkbox">
                <input
                  type="checkbox"
                  name="themes"
                  value={theme}
                  checked={themes.includes(theme)}
                  onChange={(event) =>
                    setThemes((current) =>
                      event.target.checked ? [...current, theme] : current.filter((value) => value !== theme),
                    )
                  }
                />
                <span>{t(`themes.${theme}`)}</span>
              </label>
            ))}
          </div>
          {serverErrors['themes'] ? <p className="field__error">{serverErrors['themes'].join(' ')}</p> : null}
        </fieldset>
        <div className="form__actions form__actions--post">
          <PostLanguageSelect value={threadLanguage} onChange={setThreadLanguage} errors={serverErrors['language']} />
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? t('forums.creatingThread') : t('forums.createThread')}
          </button>
        </div>
      </form>
    </details>
  );
}
