import { VISIT_LIMITS, VISIT_TRANSITIONS, type VisitDto, type VisitStatus } from '@twinning/contracts';
import { useId, useState, type FormEvent } from 'react';
import { TextAreaField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { useTransitionVisit } from '../api/transition-visit';
import type { Announce } from '../../../lib/announce';
import { VisitDialog } from './visit-dialog';
import { VisitEditForm } from './visit-edit-form';

/**
 * What a coordinator may do with the visit now: the moves VISIT_TRANSITIONS allows from its state (cancel
 * asks for a reason first), and editing its details while it is still ahead.
 */
export function VisitActions({ visit, announce }: { visit: VisitDto; announce: Announce }) {
  const { t } = useI18n();
  const headingId = useId();
  const transition = useTransitionVisit();
  const [cancelling, setCancelling] = useState(false);
  const [editing, setEditing] = useState(false);
  const moves = VISIT_TRANSITIONS[visit.status];
  const editable = visit.status !== 'completed' && visit.status !== 'cancelled';

  if (!visit.viewer.coordinator || (moves.length === 0 && !editable)) return null;

  // The promise, not mutate's onSuccess: a move to a final state can unmount this panel (the live update
  // may even arrive before the answer), and mutate's callbacks do not run for an unmounted observer.
  function move(status: VisitStatus) {
    transition
      .mutateAsync({ visitId: visit.id, status })
      .then(() => announce(t(`visits.moved.${status}`), { focus: true }))
      .catch(() => undefined); // shown by FormError
  }

  return (
    <section className="panel visit-actions" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('visits.actions.heading')}</h2>
      {!cancelling ? <FormError error={transition.error} /> : null}
      <div className="button-row">
        {moves
          .filter((status) => status !== 'cancelled')
          .map((status) => (
            <button
              key={status}
              type="button"
              className="button"
              disabled={transition.isPending}
              onClick={() => move(status)}
            >
              {t(`visits.move.${status}`)}
            </button>
          ))}
        {editable ? (
          <button
            type="button"
            className="button button--secondary"
            aria-expanded={editing}
            onClick={() => setEditing(!editing)}
          >
            {t('visits.actions.edit')}
          </button>
        ) : null}
        {moves.includes('cancelled') ? (
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              transition.reset();
              setCancelling(true);
            }}
          >
            {t('visits.move.cancelled')}
          </button>
        ) : null}
      </div>
      {editing ? (
        <VisitEditForm
          visit={visit}
          onSaved={() => {
            setEditing(false);
            announce(t('visits.actions.saved'), { focus: true });
          }}
          onCancel={() => setEditing(false)}
        />
      ) : null}
      {cancelling ? (
        <CancelVisitDialog
          visit={visit}
          onClose={() => setCancelling(false)}
          onCancelled={() => {
            setCancelling(false);
            announce(t('visits.moved.cancelled'), { focus: true });
          }}
        />
      ) : null}
    </section>
  );
}

function CancelVisitDialog({
  visit,
  onClose,
  onCancelled,
}: {
  visit: VisitDto;
  onClose: () => void;
  onCancelled: () => void;
}) {
  const { t, language } = useI18n();
  const transition = useTransitionVisit();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const serverErrors = localizedFieldErrors(transition.error, t, language);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    // as in `move`: cancelling unmounts the panel and this dialog, so the announcement follows the promise
    transition
      .mutateAsync({ visitId: visit.id, status: 'cancelled', reason: reason.trim() })
      .then(onCancelled)
      .catch(() => undefined); // shown beside the form
  }

  return (
    <VisitDialog title={t('visits.cancel.title', { title: visit.title })} onClose={onClose}>
      <form noValidate onSubmit={handleSubmit}>
        <p>{t('visits.cancel.body')}</p>
        <FormError error={transition.error} shownFields={['reason']} />
        <TextAreaField
          name="reason"
          required
          rows={4}
          maxLength={VISIT_LIMITS.cancelReasonMax}
          label={t('visits.cancel.reason')}
          hint={t('visits.cancel.reasonHint')}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            setMissing(false);
          }}
          errors={missing ? [t('validation.required')] : serverErrors['reason']}
        />
        <div className="button-row">
          <button type="submit" className="button button--danger" disabled={transition.isPending}>
            {transition.isPending ? t('common.saving') : t('visits.cancel.confirm')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('visits.dialog.back')}
          </button>
        </div>
      </form>
    </VisitDialog>
  );
}
