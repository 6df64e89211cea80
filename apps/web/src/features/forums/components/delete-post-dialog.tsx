import type { PostDto } from '@twinning/contracts';
import { FormError } from '../../../components/form-error';
import { useT } from '../../../lib/i18n';
import { useDeletePost } from '../api/delete-post';
import { ModalDialog } from './modal-dialog';

export interface DeletePostDialogProps {
  post: PostDto;
  onClose: () => void;
  onDeleted: (tombstone: PostDto) => void;
  fallbackFocus?: () => HTMLElement | null;
}

/** Asks before deleting a post; the post is then replaced by a short notice in the thread. */
export function DeletePostDialog({ post, onClose, onDeleted, fallbackFocus }: DeletePostDialogProps) {
  const t = useT();
  const remove = useDeletePost();
  return (
    <ModalDialog title={t('post.deleteTitle', { seq: post.seq })} onClose={onClose} fallbackFocus={fallbackFocus}>
      <p>{t('post.deleteBody')}</p>
      <FormError error={remove.error} />
      <div className="button-row">
        <button
          type="button"
          className="button button--danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate(post.id, { onSuccess: onDeleted })}
        >
          {remove.isPending ? t('forums.sending') : t('post.deleteConfirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('forums.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}
