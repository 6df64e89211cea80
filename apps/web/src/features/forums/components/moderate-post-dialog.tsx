import { MODERATION_REASON_MAX_LENGTH, type PostDto } from '@twinning/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { TextAreaField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { useHidePost } from '../api/hide-post';
import { useRestorePost } from '../api/restore-post';
import { ModalDialog } from './modal-dialog';

export interface ModeratePostDialogProps {
  post: PostDto;
  /** Hide a visible post, or restore a hidden one. */
  action: 'hide' | 'restore';
  onClose: () => void;
  onDone: (post: PostDto) => void;
  fallbackFocus?: () => HTMLElement | null;
}

/** Hides a post from everyone but moderators, or shows it again; the reason goes to the audit log. */
export function ModeratePostDialog({ post, action, onClose, onDone, fallbackFocus }: ModeratePostDialogProps) {
  const { t, language } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const hide = useHidePost();
  const restore = useRestorePost();
  const mutation = action === 'hide' ? hide : restore;
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      focusFirstInvalid();
      return;
    }
    setMissing(false);
    mutation.mutate({ postId: post.id, reason: reason.trim() }, { onSuccess: onDone, onError: focusFirstInvalid });
  }

  const errors = missing ? [t('validation.required')] : localizedFieldErrors(mutation.error, t, language)['reason'];
  return (
    <ModalDialog
      title={
        action === 'hide'
          ? t('post.hideTitle', { seq: post.seq, name: post.author.displayName })
          : t('post.restoreTitle', { seq: post.seq, name: post.author.displayName })
      }
      onClose={onClose}
      fallbackFocus={fallbackFocus}
    >
      <form ref={formRef} noValidate onSubmit={handleSubmit}>
        <p>{action === 'hide' ? t('post.hideBody') : t('post.restoreBody')}</p>
        <FormError error={mutation.error} shownFields={['reason']} />
        <TextAreaField
          name="reason"
          rows={3}
          required
          maxLength={MODERATION_REASON_MAX_LENGTH}
          label={t('forums.reason')}
          hint={t('forums.reasonAuditHint')}
          value={reason}
          errors={errors}
          onChange={(event) => setReason(event.target.value)}
        />
        <div className="button-row">
          <button
            type="submit"
            className={action === 'hide' ? 'button button--danger' : 'button'}
            disabled={mutation.isPending}
          >
            {mutation.isPending ? t('forums.sending') : action === 'hide' ? t('post.hide') : t('post.restore')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('forums.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
