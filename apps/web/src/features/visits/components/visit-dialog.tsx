import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface VisitDialogProps {
  title: string;
  /** Escape or a Cancel button: the parent then stops rendering the dialog. */
  onClose: () => void;
  children: ReactNode;
}

/**
 * A native modal `<dialog>`, rendered only while open: `showModal()` keeps focus inside, Escape closes
 * it, and on close focus goes back to the control that opened it.
 */
export function VisitDialog({ title, onClose, children }: VisitDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      if (opener?.isConnected && !opener.matches(':disabled')) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="visit-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="visit-dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
