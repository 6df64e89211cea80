import { VISIT_LIMITS, type MyRegistrationDto, type VisitDto } from '@twinning/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { TextAreaField, TextField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { useCancelRegistration } from '../api/cancel-registration';
import { useMyRegistration } from '../api/get-my-registration';
import { useSaveRegistration } from '../api/save-registration';
import { formatInstant } from '../visit-time';
import type { Announce } from '../../../lib/announce';
import { ConfirmDialog } from './confirm-dialog';
import { useViewerTimeZone } from '../../../lib/zoned-time';

const FIELDS = ['accompanying', 'dietary', 'accessibility'];

/** Where the viewer stands, in one sentence. */
function standing(t: ReturnType<typeof useI18n>['t'], registration: MyRegistrationDto): string {
  if (registration.status === 'waitlisted') {
    return registration.position !== null
      ? t('visits.registration.waitlistedAt', { position: registration.position })
      : t('visits.registration.waitlisted');
  }
  return registration.accompanying > 0
    ? t('visits.registration.registeredWith', { count: registration.accompanying })
    : t('visits.registration.registered');
}

/**
 * Registering for the visit: accompanying persons, dietary and accessibility needs (seen by coordinators
 * only), the outcome — registered, or waitlisted at a position — and cancelling.
 */
export function RegistrationPanel({ visit, announce }: { visit: VisitDto; announce: Announce }) {
  const { t, language } = useI18n();
  const headingId = useId();
  const viewerZone = useViewerTimeZone();
  const summary = visit.viewer.registration;
  const mine = useMyRegistration(visit.id, !!summary && summary.status !== 'cancelled');
  const cancel = useCancelRegistration();
  const [confirmCancel, setConfirmCancel] = useState(false);
  // The registration just saved is known before the visit is read again: either source will do.
  const registration = mine.data && mine.data.status !== 'cancelled' ? mine.data : null;
  const hasRegistration = !!registration || (!!summary && summary.status !== 'cancelled' && mine.isPending);
  // When the page opened: a deadline passing while it is open is the server's to enforce.
  const [now] = useState(() => Date.now());
  const deadlinePassed = !!visit.registrationDeadline && Date.parse(visit.registrationDeadline) <= now;
  const accepting = (visit.status === 'open' || visit.status === 'confirmed') && !deadlinePassed;

  let closedReason: string | null = null;
  if (!accepting) {
    if (visit.status === 'draft') closedReason = t('visits.registration.notYetOpen');
    else if (visit.status === 'cancelled') closedReason = t('visits.registration.cancelledVisit');
    else if (visit.status === 'completed') closedReason = t('visits.registration.completedVisit');
    else if (visit.registrationDeadline) {
      closedReason = t('visits.registration.deadlinePassed', {
        date: formatInstant(language, viewerZone, visit.registrationDeadline),
      });
    }
  }

  return (
    <section className="section visit-registration" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('visits.registration.heading')}</h2>
      {hasRegistration && !registration ? <Loading /> : null}
      {mine.isError ? <FormError error={mine.error} /> : null}
      {registration ? (
        <p className={registration.status === 'waitlisted' ? 'notice' : 'notice visit-registration--ok'}>
          {standing(t, registration)}
        </p>
      ) : !hasRegistration && closedReason ? (
        <p className="empty">{closedReason}</p>
      ) : null}
      {accepting && (!hasRegistration || registration) ? (
        <RegistrationForm
          key={registration?.createdAt ?? 'new'}
          visit={visit}
          registration={registration}
          onSaved={(saved) => announce(standing(t, saved))}
        />
      ) : null}
      {registration ? (
        <button
          type="button"
          className="button button--danger"
          onClick={() => {
            cancel.reset();
            setConfirmCancel(true);
          }}
        >
          {t('visits.registration.cancel')}
        </button>
      ) : null}
      {confirmCancel ? (
        <ConfirmDialog
          title={t('visits.registration.cancelTitle')}
          body={t('visits.registration.cancelBody')}
          confirmLabel={t('visits.registration.cancelConfirm')}
          danger
          pending={cancel.isPending}
          error={cancel.error}
          onClose={() => setConfirmCancel(false)}
          onConfirm={() =>
            cancel.mutate(visit.id, {
              onSuccess: () => {
                setConfirmCancel(false);
                announce(t('visits.registration.cancelled'), { focus: true });
              },
            })
          }
        />
      ) : null}
    </section>
  );
}

function RegistrationForm({
  visit,
  registration,
  onSaved,
}: {
  visit: VisitDto;
  registration: MyRegistrationDto | null;
  onSaved: (registration: MyRegistrationDto) => void;
}) {
  const { t, language } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const save = useSaveRegistration();
  const [accompanying, setAccompanying] = useState(String(registration?.accompanying ?? 0));
  const [dietary, setDietary] = useState(registration?.dietary ?? '');
  const [accessibility, setAccessibility] = useState(registration?.accessibility ?? '');
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const serverErrors = localizedFieldErrors(save.error, t, language);
  const errorsFor = (field: string) => clientErrors[field] ?? serverErrors[field];
  const needsId = useId();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const count = Number(accompanying);
    if (!Number.isInteger(count) || count < 0 || count > VISIT_LIMITS.accompanyingMax) {
      setClientErrors({
        accompanying: [t('visits.registration.accompanyingRange', { max: VISIT_LIMITS.accompanyingMax })],
      });
      focusFirstInvalid();
      return;
    }
    setClientErrors({});
    save.mutate(
      {
        visitId: visit.id,
        registration: { accompanying: count, dietary: dietary.trim(), accessibility: accessibility.trim() },
      },
      { onSuccess: onSaved, onError: focusFirstInvalid },
    );
  }

  return (
    <form
      ref={formRef}
      className="form"
      noValidate
      aria-label={registration ? t('visits.registration.update') : t('visits.registration.register')}
      onSubmit={handleSubmit}
    >
      <FormError error={save.error} shownFields={FIELDS} />
      {!registration && visit.placesTaken >= visit.capacity ? (
        <p className="notice">{t('visits.registration.fullWarning')}</p>
      ) : null}
      <TextField
        name="accompanying"
        type="number"
        inputMode="numeric"
        min={0}
        max={VISIT_LIMITS.accompanyingMax}
        className="field--short"
        label={t('visits.registration.accompanying')}
        hint={t('visits.registration.accompanyingHint', { max: VISIT_LIMITS.accompanyingMax })}
        value={accompanying}
        onChange={(event) => setAccompanying(event.target.value)}
        errors={errorsFor('accompanying')}
      />
      <fieldset className="fieldset" aria-describedby={needsId}>
        <legend>{t('visits.registration.needs')}</legend>
        <p id={needsId} className="field__hint">
          {t('visits.registration.needsPrivacy')}
        </p>
        <TextAreaField
          name="dietary"
          rows={2}
          maxLength={VISIT_LIMITS.needsMax}
          label={t('visits.registration.dietary')}
          value={dietary}
          onChange={(event) => setDietary(event.target.value)}
          errors={errorsFor('dietary')}
        />
        <TextAreaField
          name="accessibility"
          rows={2}
          maxLength={VISIT_LIMITS.needsMax}
          label={t('visits.registration.accessibility')}
          value={accessibility}
          onChange={(event) => setAccessibility(event.target.value)}
          errors={errorsFor('accessibility')}
        />
      </fieldset>
      <div className="form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending
            ? t('common.saving')
            : registration
              ? t('visits.registration.update')
              : t('visits.registration.register')}
        </button>
      </div>
    </form>
  );
}
