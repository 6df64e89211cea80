import type { PostDto } from '@twinning/contracts';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { useI18n } from '../../../lib/i18n';
import { useRevisions } from '../api/get-revisions';
import { ModalDialog } from './modal-dialog';

export interface RevisionsDialogProps {
  post: PostDto;
  onClose: () => void;
  fallbackFocus?: () => HTMLElement | null;
}

/** Earlier versions of an edited post (its author and moderators). */
export function RevisionsDialog({ post, onClose, fallbackFocus }: RevisionsDialogProps) {
  const { t, format } = useI18n();
  const revisions = useRevisions(post.id);
  return (
    <ModalDialog
      title={t('post.historyTitle', { seq: post.seq })}
      onClose={onClose}
      fallbackFocus={fallbackFocus}
      className="forum-dialog--wide"
    >
      {revisions.isPending ? (
        <Loading label={t('post.historyLoading')} />
      ) : revisions.isError ? (
        <FormError error={revisions.error} />
      ) : revisions.data.length === 0 ? (
        <p className="empty">{t('post.historyEmpty')}</p>
      ) : (
        <ol className="revision-list">
          {revisions.data.map((revision) => (
            <li key={revision.id} className="revision">
              <h3 className="revision__heading">
                {t('post.revisionBy', { name: revision.editor.displayName })}{' '}
                <time dateTime={revision.createdAt} className="muted">
                  {format.dateTime(revision.createdAt)}
                </time>
              </h3>
              <div className="post-markdown" dangerouslySetInnerHTML={{ __html: revision.bodyHtml }} />
            </li>
          ))}
        </ol>
      )}
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('forums.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
