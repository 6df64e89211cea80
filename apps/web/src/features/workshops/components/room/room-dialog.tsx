import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface RoomDialogProps {
  title: string;
  /** Escape or a Cancel button: the parent then stops rendering the dialog. */
  onClose: () => void;
  children: ReactNode;
  /** Where focus goes on close when the control that opened the dialog is gone. */
  fallbackFocus?: () => HTMLElement | null;
}

/**
 * A native modal `<dialog>`, rendered only while open: `showModal()` makes the rest of the page inert,
 * Escape closes it, and focus goes back to the control that opened it.
 */
export function RoomDialog({ title, onClose, children, fallbackFocus }: RoomDialogProps) {
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
      className="room-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="room-dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
