import type { AttendeeCertificateDto } from '@twinning/contracts';
import { useId, useState, type FormEvent } from 'react';
import { FormError } from '../../../components/form-error';
import { TextField } from '../../../components/form-field';
import { ModalDialog } from '../../../components/modal-dialog';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { useSetAttendance } from '../api/set-attendance';

export interface AttendanceDialogProps {
  workshopId: string;
  participant: AttendeeCertificateDto;
  liveMinutes: number;
  /** Saved (or reset): the parent closes the dialog and says so. */
  onDone: (message: string) => void;
  onClose: () => void;
  fallbackFocus?: () => HTMLElement | null;
}

/**
 * Correcting one participant's attendance: present or absent (the facilitator's word decides who may get a
 * certificate), optionally with the minutes attended; or back to what presence in the room measured.
 */
export function AttendanceDialog({
  workshopId,
  participant,
  liveMinutes,
  onDone,
  onClose,
  fallbackFocus,
}: AttendanceDialogProps) {
  const { t, language } = useI18n();
  const id = useId();
  const leadId = useId();
  const name = participant.user.displayName;
  const [present, setPresent] = useState(participant.override?.present ?? participant.eligible);
  const [minutes, setMinutes] = useState(participant.override?.minutes?.toString() ?? '');
  const [minutesError, setMinutesError] = useState<string | null>(null);
  const save = useSetAttendance();
  const serverMinutesErrors = localizedFieldErrors(save.error, t, language)['minutes'];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    const trimmed = minutes.trim();
    const value = trimmed === '' ? null : Number(trimmed);
    if (value !== null && (!Number.isInteger(value) || value < 0 || value > liveMinutes)) {
      setMinutesError(t('workshops.attendance.minutesInvalid', { max: liveMinutes }));
      return;
    }
    setMinutesError(null);
    save.mutate(
      { workshopId, userId: participant.user.id, override: { present, minutes: value } },
      { onSuccess: () => onDone(t('workshops.attendance.corrected', { name })) },
    );
  }

  function reset() {
    if (save.isPending) return;
    save.mutate(
      { workshopId, userId: participant.user.id, override: null },
      { onSuccess: () => onDone(t('workshops.attendance.resetDone', { name })) },
    );
  }

  return (
    <ModalDialog
      title={t('workshops.attendance.correctTitle', { name })}
      onClose={onClose}
      fallbackFocus={fallbackFocus}
      block="workshop-dialog"
      describedBy={leadId}
    >
      <form onSubmit={handleSubmit} noValidate>
        <p id={leadId}>
          {t('workshops.attendance.measured', {
            minutes: participant.measuredMinutes,
            percent: participant.measuredPercent,
          })}
        </p>
        <FormError error={save.error} shownFields={['minutes']} />
        <fieldset className="fieldset">
          <legend>{t('workshops.attendance.presentLegend', { name })}</legend>
          <div className="attendance-choices">
            {([true, false] as const).map((value) => (
              <div key={String(value)} className="attendance-choice">
                <input
                  type="radio"
                  id={`${id}-${String(value)}`}
                  name="present"
                  checked={present === value}
                  onChange={() => setPresent(value)}
                />
                <label htmlFor={`${id}-${String(value)}`}>
                  {value ? t('workshops.attendance.markPresent') : t('workshops.attendance.markAbsent')}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <TextField
          label={t('workshops.attendance.minutesLabel')}
          hint={t('workshops.attendance.minutesHint', { max: liveMinutes })}
          errors={minutesError ? [minutesError] : serverMinutesErrors}
          name="minutes"
          className="field--short"
          type="number"
          inputMode="numeric"
          min={0}
          max={liveMinutes}
          step={1}
          value={minutes}
          onChange={(event) => setMinutes(event.target.value)}
        />
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('workshops.cancel')}
          </button>
          {participant.override ? (
            <button type="button" className="button button--secondary" disabled={save.isPending} onClick={reset}>
              {t('workshops.attendance.useMeasured')}
            </button>
          ) : null}
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? t('workshops.attendance.saving') : t('workshops.attendance.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
