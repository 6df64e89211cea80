import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { TextAreaField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { useT } from '../../../lib/i18n';

export interface ConfirmWithNoteProps {
  /** The button that opens the confirmation. */
  label: string;
  /** A fuller name for that button when several are on the page ("Withdraw the invitation of Penang"). */
  accessibleLabel?: string;
  /** What the action does, shown before confirming. */
  explanation: string;
  confirmLabel: string;
  pendingLabel: string;
  noteLabel: string;
  danger?: boolean;
  pending: boolean;
  error: unknown;
  /** Runs the action; resolves when it succeeded. */
  onConfirm: (note: string | undefined) => Promise<unknown>;
}

/** An action that asks for confirmation, with an optional note, before it is carried out. */
export function ConfirmWithNote({
  label,
  accessibleLabel,
  explanation,
  confirmLabel,
  pendingLabel,
  noteLabel,
  danger = false,
  pending,
  error,
  onConfirm,
}: ConfirmWithNoteProps) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const triggerRef = useRef<HTMLButtonElement>(null);
  const noteId = `${id}-note`;
  /** Set when the reader opens the form, so that focus moves into it then (and not on first render). */
  const focusNote = useRef(false);

  useEffect(() => {
    if (!open || !focusNote.current) return;
    focusNote.current = false;
    document.getElementById(noteId)?.focus();
  }, [open, noteId]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onConfirm(note.trim() || undefined).then(
      () => {
        setOpen(false);
        setNote('');
      },
      () => undefined, // The error is shown in the form.
    );
  }

  return (
    <div className="confirm">
      <button
        ref={triggerRef}
        type="button"
        className={['button', danger ? 'button--danger' : 'button--secondary'].join(' ')}
        aria-label={accessibleLabel}
        aria-expanded={open}
        aria-controls={`${id}-form`}
        onClick={() => {
          focusNote.current = !open;
          setOpen(!open);
        }}
      >
        {label}
      </button>
      <form id={`${id}-form`} className="confirm__form" hidden={!open} onSubmit={handleSubmit}>
        <p>{explanation}</p>
        <FormError error={error} shownFields={['note']} />
        <TextAreaField
          id={noteId}
          name="note"
          rows={3}
          maxLength={2000}
          label={noteLabel}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <div className="button-row">
          <button type="submit" className={['button', danger ? 'button--danger' : ''].join(' ')} disabled={pending}>
            {pending ? pendingLabel : confirmLabel}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setOpen(false);
              triggerRef.current?.focus();
            }}
          >
            {t('partnership.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
