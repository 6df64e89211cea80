import { FormError } from '../../../components/form-error';
import { useT } from '../../../lib/i18n';
import { VisitDialog } from './visit-dialog';

export interface ConfirmDialogProps {
  title: string;
  /** What happens if the reader confirms. */
  body: string;
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  danger?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Are you sure?" before an action that cannot be taken back. */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  pending,
  error,
  danger = false,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const t = useT();
  return (
    <VisitDialog title={title} onClose={onClose}>
      <p>{body}</p>
      <FormError error={error} />
      <div className="button-row">
        <button
          type="button"
          className={danger ? 'button button--danger' : 'button'}
          disabled={pending}
          onClick={onConfirm}
        >
          {pending ? t('common.saving') : confirmLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('visits.dialog.back')}
        </button>
      </div>
    </VisitDialog>
  );
}
