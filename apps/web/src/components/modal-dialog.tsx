import { useEffect, useId, useRef, type ReactNode } from 'react';
import './modal-dialog.css';

export interface ModalDialogProps {
  title: string;
  /** Escape or a Cancel button: the parent then stops rendering the dialog. */
  onClose: () => void;
  children: ReactNode;
  /** Where focus goes on close when the control that opened the dialog is gone or disabled. */
  fallbackFocus?: () => HTMLElement | null;
  /** CSS block name of the dialog (its title gets `<block>__title`). */
  block?: string;
  className?: string;
  /** Id of the element that says what the dialog is about (`aria-describedby`). */
  describedBy?: string;
}

/**
 * The one modal dialog: a native `<dialog>`, rendered only while open. `showModal()` makes the rest of
 * the page inert, so focus stays inside; Escape closes it; on close, focus goes back to the control that
 * opened it (or to `fallbackFocus` when that control is gone or disabled).
 */
export function ModalDialog({
  title,
  onClose,
  children,
  fallbackFocus,
  block = 'modal-dialog',
  className,
  describedBy,
}: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
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

  return (
    <dialog
      ref={ref}
      className={[block, className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className={`${block}__title`}>
        {title}
      </h2>
      {children}
    </dialog>
  );
}
