import { useId, type FormEvent } from 'react';
import { FormError } from '../../../components/form-error';
import { ModalDialog } from '../../../components/modal-dialog';
import { useT } from '../../../lib/i18n';

export interface ConfirmDialogProps {
  title: string;
  /** What will happen, said before it does. */
  body: string;
  confirmLabel: string;
  pendingLabel: string;
  danger?: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  /** Escape or Cancel: the parent then stops rendering the dialog. */
  onClose: () => void;
  /** Where focus goes on close when the control that opened the dialog is gone or disabled. */
  fallbackFocus?: () => HTMLElement | null;
}

/**
 * The shared modal dialog asking to confirm one action (the safe choice first).
 */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  pendingLabel,
  danger = false,
  pending,
  error,
  onConfirm,
  onClose,
  fallbackFocus,
}: ConfirmDialogProps) {
  const t = useT();
  const bodyId = useId();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!pending) onConfirm();
  }

  return (
    <ModalDialog
      title={title}
      onClose={onClose}
      fallbackFocus={fallbackFocus}
      block="workshop-dialog"
      describedBy={bodyId}
    >
      <form onSubmit={handleSubmit}>
        <p id={bodyId}>{body}</p>
        <FormError error={error} />
        <div className="button-row">
          {/* The safe choice comes first, so Enter on an opened dialog does not end anything by accident. */}
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('workshops.cancel')}
          </button>
          <button type="submit" className={danger ? 'button button--danger' : 'button'} disabled={pending}>
            {pending ? pendingLabel : confirmLabel}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
