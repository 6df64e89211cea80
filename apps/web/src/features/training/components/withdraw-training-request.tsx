import { TRAINING_LIMITS, TRAINING_REQUEST_TRANSITIONS, type TrainingRequestDto } from '@twinning/contracts';
import { useId, useState, type FormEvent } from 'react';
import { TextAreaField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import type { Announce } from '../../../lib/announce';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { useWithdrawTrainingRequest } from '../api/withdraw-training-request';

/** The requesters withdraw the request (open or matched), with an optional reason. */
export function WithdrawTrainingRequest({ request, announce }: { request: TrainingRequestDto; announce: Announce }) {
  const { t, language } = useI18n();
  const headingId = useId();
  const withdraw = useWithdrawTrainingRequest(request.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!TRAINING_REQUEST_TRANSITIONS[request.status].includes('withdrawn')) return null;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    withdraw.mutate(reason.trim() ? { reason: reason.trim() } : {}, {
      onSuccess: () => {
        setOpen(false);
        announce(t('training.withdraw.done'), { focus: true });
      },
    });
  }

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t('training.withdraw.heading')}
      </h2>
      {open ? (
        <form className="form" noValidate onSubmit={handleSubmit}>
          <FormError error={withdraw.error} shownFields={['reason']} />
          <TextAreaField
            name="reason"
            rows={3}
            maxLength={TRAINING_LIMITS.withdrawReasonMax}
            label={t('training.withdraw.reason')}
            hint={t('training.withdraw.hint')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            errors={localizedFieldErrors(withdraw.error, t, language)['reason']}
          />
          <div className="button-row">
            <button type="submit" className="button button--danger" disabled={withdraw.isPending}>
              {withdraw.isPending ? t('common.saving') : t('training.withdraw.confirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
              {t('training.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t('training.withdraw.open')}
        </button>
      )}
    </section>
  );
}
