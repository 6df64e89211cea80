import type { PostDto, ThreadDto } from '@twinning/contracts';
import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { FormError } from '../../../components/form-error';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { useCreatePost } from '../api/create-post';
import { MarkdownEditor } from './markdown-editor';
import { PostLanguageSelect, useDefaultPostLanguage } from './post-language-select';

const DRAFT_PREFIX = 'twinning.draft.thread.';

function readDraft(threadId: string): string {
  try {
    return globalThis.localStorage?.getItem(DRAFT_PREFIX + threadId) ?? '';
  } catch {
    return '';
  }
}

function writeDraft(threadId: string, body: string): void {
  try {
    if (body.trim()) globalThis.localStorage?.setItem(DRAFT_PREFIX + threadId, body);
    else globalThis.localStorage?.removeItem(DRAFT_PREFIX + threadId);
  } catch {
    // Storage may be disabled; the draft then lasts as long as the page.
  }
}

export interface ReplyComposerProps {
  thread: ThreadDto;
  /** The post being replied to with a quote, if any. */
  quote: PostDto | null;
  onClearQuote: () => void;
  /** Called with the new post once it is in the thread. */
  onPosted: (post: PostDto) => void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
}

/**
 * The reply form at the end of a thread. It keeps an unsent reply as a draft on this device. When the
 * viewer may not reply (locked thread, silenced), the form stays visible but disabled, with the reason.
 */
export function ReplyComposer({ thread, quote, onClearQuote, onPosted, textareaRef }: ReplyComposerProps) {
  const { t, format, language } = useI18n();
  const headingId = useId();
  const reasonId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const createPost = useCreatePost();
  const [body, setBody] = useState(() => readDraft(thread.id));
  const [missing, setMissing] = useState(false);
  const [postLanguage, setPostLanguage] = useState(useDefaultPostLanguage());

  useEffect(() => {
    writeDraft(thread.id, body);
  }, [thread.id, body]);

  const { canReply, canModerate, silencedUntil } = thread.viewer;
  let reason: string | null = null;
  if (silencedUntil) reason = t('composer.silenced', { until: format.dateTime(silencedUntil) });
  else if (!canReply && thread.locked) reason = t('composer.locked');
  else if (!canReply) reason = t('composer.cannotReply');
  const lockedButModerator = canReply && thread.locked && canModerate;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!body.trim()) {
      setMissing(true);
      focusFirstInvalid();
      return;
    }
    setMissing(false);
    createPost.mutate(
      { threadId: thread.id, body, quotePostId: quote?.id, language: postLanguage },
      {
        onSuccess: (post) => {
          setBody('');
          onClearQuote();
          onPosted(post);
        },
        onError: () => focusFirstInvalid(),
      },
    );
  }

  const fieldErrors = localizedFieldErrors(createPost.error, t, language);
  const serverErrors = fieldErrors['body'];
  const errors = missing ? [t('validation.required')] : serverErrors;

  return (
    <section aria-labelledby={headingId} className="section composer">
      <h2 id={headingId}>{t('composer.heading')}</h2>
      {reason ? (
        <p id={reasonId} className="notice">
          {reason}
        </p>
      ) : null}
      {lockedButModerator ? <p className="notice">{t('composer.lockedModerator')}</p> : null}
      <form ref={formRef} className="form form--wide" noValidate onSubmit={handleSubmit}>
        <fieldset disabled={!canReply} className="composer__fieldset">
          <legend className="visually-hidden">{t('composer.heading')}</legend>
          {quote ? (
            <div className="composer__quote">
              <p>{t('composer.quoting', { seq: quote.seq, name: quote.author.displayName })}</p>
              <button type="button" className="button button--secondary button--small" onClick={onClearQuote}>
                {t('composer.removeQuote')}
              </button>
            </div>
          ) : null}
          <FormError error={createPost.error} shownFields={['body', 'language']} />
          <MarkdownEditor
            name="body"
            label={t('composer.label')}
            value={body}
            onChange={setBody}
            mentionThreadId={thread.id}
            hint={t('mdEditor.hint')}
            errors={errors}
            required
            rows={6}
            describedBy={reason ? reasonId : undefined}
            textareaRef={textareaRef}
          />
          <div className="form__actions form__actions--post">
            <PostLanguageSelect value={postLanguage} onChange={setPostLanguage} errors={fieldErrors['language']} />
            <button type="submit" className="button" disabled={createPost.isPending}>
              {createPost.isPending ? t('composer.posting') : t('composer.submit')}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
