import { useEffect, useId, useRef, type FormEvent } from 'react';
import { FormError } from '../../../components/form-error';
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
 * A native modal `<dialog>` asking to confirm one action, rendered only while open: `showModal()` makes the
 * rest of the page inert, Escape closes it, and focus goes back to the control that opened it.
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
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const fallbackRef = useRef(fallbackFocus);

  useEffect(() => {
    fallbackRef.current = fallbackFocus;
  }, [fallbackFocus]);

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      const usable = opener && opener.isConnected && !opener.matches(':disabled');
      (usable ? opener : fallbackRef.current?.())?.focus();
    };
  }, []);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!pending) onConfirm();
  }

  return (
    <dialog
      ref={ref}
      className="workshop-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="workshop-dialog__title">
        {title}
      </h2>
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
    </dialog>
  );
}
