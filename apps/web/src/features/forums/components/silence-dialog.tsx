import {
  MODERATION_REASON_MAX_LENGTH,
  SILENCE_MAX_MINUTES,
  type SilenceDto,
  type UserSummary,
} from '@twinning/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { TextAreaField, TextField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { useSilenceUser } from '../api/silence-user';
import { ModalDialog } from './modal-dialog';

const PRESETS = [
  { value: '60', label: 'silence.hour' },
  { value: '1440', label: 'silence.day' },
  { value: '10080', label: 'silence.week' },
  { value: 'custom', label: 'silence.custom' },
] as const;

type Preset = (typeof PRESETS)[number]['value'];

export interface SilenceDialogProps {
  forumId: string;
  user: UserSummary;
  onClose: () => void;
  onSilenced: (silence: SilenceDto) => void;
  fallbackFocus?: () => HTMLElement | null;
}

/** Stops someone from posting in this forum for a while (moderators). */
export function SilenceDialog({ forumId, user, onClose, onSilenced, fallbackFocus }: SilenceDialogProps) {
  const { t, language } = useI18n();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const silence = useSilenceUser();
  const [preset, setPreset] = useState<Preset>('1440');
  const [custom, setCustom] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ minutes?: string; reason?: string }>({});

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const minutes = preset === 'custom' ? Number(custom) : Number(preset);
    const found: { minutes?: string; reason?: string } = {};
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > SILENCE_MAX_MINUTES) {
      found.minutes = t('silence.minutesInvalid', { max: SILENCE_MAX_MINUTES });
    }
    if (!reason.trim()) found.reason = t('validation.required');
    setProblems(found);
    if (found.minutes || found.reason) {
      focusFirstInvalid();
      return;
    }
    silence.mutate(
      { forumId, userId: user.id, minutes, reason: reason.trim() },
      { onSuccess: onSilenced, onError: focusFirstInvalid },
    );
  }

  const serverErrors = localizedFieldErrors(silence.error, t, language);
  const minutesErrors = problems.minutes ? [problems.minutes] : serverErrors['minutes'];
  return (
    <ModalDialog title={t('silence.title', { name: user.displayName })} onClose={onClose} fallbackFocus={fallbackFocus}>
      <form ref={formRef} noValidate onSubmit={handleSubmit}>
        <p>{t('silence.intro', { name: user.displayName })}</p>
        <FormError error={silence.error} shownFields={['minutes', 'reason']} />
        <fieldset className="fieldset">
          <legend>{t('silence.duration')}</legend>
          <div className="forum-choices forum-choices--inline">
            {PRESETS.map((option) => (
              <div key={option.value} className="forum-choice">
                <input
                  type="radio"
                  id={`${id}-${option.value}`}
                  name="duration"
                  value={option.value}
                  checked={preset === option.value}
                  onChange={() => setPreset(option.value)}
                />
                <label htmlFor={`${id}-${option.value}`}>{t(option.label)}</label>
              </div>
            ))}
          </div>
          {preset === 'custom' ? (
            <TextField
              name="minutes"
              type="number"
              inputMode="numeric"
              min={1}
              max={SILENCE_MAX_MINUTES}
              className="field--short"
              label={t('silence.minutes')}
              hint={t('silence.minutesHint', { max: SILENCE_MAX_MINUTES })}
              value={custom}
              errors={minutesErrors}
              onChange={(event) => setCustom(event.target.value)}
            />
          ) : minutesErrors ? (
            <p className="field__error">{minutesErrors.join(' ')}</p>
          ) : null}
        </fieldset>
        <TextAreaField
          name="reason"
          rows={3}
          required
          maxLength={MODERATION_REASON_MAX_LENGTH}
          label={t('forums.reason')}
          hint={t('silence.reasonHint')}
          value={reason}
          errors={problems.reason ? [problems.reason] : serverErrors['reason']}
          onChange={(event) => setReason(event.target.value)}
        />
        <div className="button-row">
          <button type="submit" className="button button--danger" disabled={silence.isPending}>
            {silence.isPending ? t('forums.sending') : t('silence.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('forums.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
