import { FLAG_REASONS, MODERATION_REASON_MAX_LENGTH, type FlagReason, type PostDto } from '@twinning/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { TextAreaField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { useT } from '../../../lib/i18n';
import { useFlagPost } from '../api/flag-post';
import { ModalDialog } from './modal-dialog';

export interface FlagDialogProps {
  post: PostDto;
  onClose: () => void;
  /** Called once the flag was received. */
  onFlagged: () => void;
  fallbackFocus?: () => HTMLElement | null;
}

/** Reports a post to the moderators with a reason and an optional note. */
export function FlagDialog({ post, onClose, onFlagged, fallbackFocus }: FlagDialogProps) {
  const t = useT();
  const id = useId();
  const fieldsetRef = useRef<HTMLFieldSetElement>(null);
  const flag = useFlagPost();
  const [reason, setReason] = useState<FlagReason | ''>('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason) {
      setMissing(true);
      fieldsetRef.current?.querySelector('input')?.focus();
      return;
    }
    setMissing(false);
    flag.mutate(
      { threadId: post.threadId, postId: post.id, reason, note: note.trim() || undefined },
      { onSuccess: onFlagged },
    );
  }

  const errorId = `${id}-reason-error`;
  return (
    <ModalDialog
      title={t('flagPost.title', { seq: post.seq, name: post.author.displayName })}
      onClose={onClose}
      fallbackFocus={fallbackFocus}
    >
      <form noValidate onSubmit={handleSubmit}>
        <p>{t('flagPost.intro')}</p>
        <FormError error={flag.error} shownFields={['note']} />
        <fieldset
          ref={fieldsetRef}
          className="fieldset"
          aria-describedby={missing ? errorId : undefined}
          aria-invalid={missing || undefined}
        >
          <legend>{t('flagPost.reason')}</legend>
          {missing ? (
            <p id={errorId} className="field__error">
              {t('flagPost.chooseReason')}
            </p>
          ) : null}
          <div className="forum-choices">
            {FLAG_REASONS.map((value) => (
              <div key={value} className="forum-choice">
                <input
                  type="radio"
                  id={`${id}-${value}`}
                  name="reason"
                  value={value}
                  checked={reason === value}
                  aria-describedby={`${id}-${value}-hint`}
                  onChange={() => setReason(value)}
                />
                <div>
                  <label htmlFor={`${id}-${value}`}>{t(`flagPost.reasons.${value}`)}</label>
                  <p id={`${id}-${value}-hint`} className="field__hint">
                    {t(`flagPost.reasonHints.${value}`)}
                  </p>
                </div>
              </div>
            ))}
          </div>
        </fieldset>
        <TextAreaField
          name="note"
          rows={3}
          maxLength={MODERATION_REASON_MAX_LENGTH}
          label={t('flagPost.note')}
          hint={t('flagPost.noteHint')}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={flag.isPending}>
            {flag.isPending ? t('forums.sending') : t('flagPost.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('forums.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
