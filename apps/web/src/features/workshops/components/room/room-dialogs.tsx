import { WORKSHOP_LIMITS } from '@twinning/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../../../lib/i18n';
import { RoomDialog } from './room-dialog';

export interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  /** Ask for an optional reason (for instance when removing a participant). */
  reasonLabel?: string;
  danger?: boolean;
  onConfirm: (reason: string) => Promise<string | null>;
  onClose: () => void;
  fallbackFocus?: () => HTMLElement | null;
}

/** Confirms a consequential action; shows the refusal in the dialog if the server says no. */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  reasonLabel,
  danger = true,
  onConfirm,
  onClose,
  fallbackFocus,
}: ConfirmDialogProps) {
  const t = useT();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const failure = await onConfirm(reason.trim());
    setBusy(false);
    if (failure) setError(failure);
    else onClose();
  }

  return (
    <RoomDialog title={title} onClose={onClose} fallbackFocus={fallbackFocus}>
      <form className="form" onSubmit={(event) => void handleSubmit(event)}>
        <p>{body}</p>
        {reasonLabel ? (
          <div className="field">
            <label htmlFor={reasonId}>{reasonLabel}</label>
            <textarea
              id={reasonId}
              rows={2}
              dir="auto"
              maxLength={WORKSHOP_LIMITS.reportReasonMax}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
        ) : null}
        {error ? (
          <p role="alert" className="alert alert--error">
            {error}
          </p>
        ) : null}
        <div className="button-row">
          <button type="submit" className={danger ? 'button button--danger' : 'button'} disabled={busy}>
            {confirmLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('room.dialog.cancel')}
          </button>
        </div>
      </form>
    </RoomDialog>
  );
}

export interface ReportDialogProps {
  authorName: string;
  onReport: (reason: string) => Promise<string | null>;
  onClose: () => void;
  fallbackFocus?: () => HTMLElement | null;
}

/** Reports a message to the facilitators, with a reason (required). */
export function ReportDialog({ authorName, onReport, onClose, fallbackFocus }: ReportDialogProps) {
  const t = useT();
  const reasonId = useId();
  const hintId = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = reason.trim();
    if (text === '') return;
    setBusy(true);
    setError(null);
    const failure = await onReport(text);
    setBusy(false);
    if (failure) setError(failure);
    else onClose();
  }

  return (
    <RoomDialog title={t('room.report.title', { name: authorName })} onClose={onClose} fallbackFocus={fallbackFocus}>
      <form className="form" onSubmit={(event) => void handleSubmit(event)}>
        <div className="field">
          <label htmlFor={reasonId}>{t('room.report.reason')}</label>
          <p id={hintId} className="field__hint">
            {t('room.report.hint')}
          </p>
          <textarea
            id={reasonId}
            rows={3}
            dir="auto"
            required
            maxLength={WORKSHOP_LIMITS.reportReasonMax}
            aria-describedby={hintId}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        {error ? (
          <p role="alert" className="alert alert--error">
            {error}
          </p>
        ) : null}
        <div className="button-row">
          <button type="submit" className="button" disabled={busy || reason.trim() === ''}>
            {t('room.report.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('room.dialog.cancel')}
          </button>
        </div>
      </form>
    </RoomDialog>
  );
}
