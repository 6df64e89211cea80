import type { WorkshopDto } from '@twinning/contracts';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { useI18n } from '../../../lib/i18n';
import { useSetRegistration } from '../api/set-registration';
import type { Announce } from '../../../lib/announce';
import { roomPath } from './workshop-card';
import { isFull } from './workshop-facts';

/**
 * What a participant can do now: register or give the place back while the workshop is scheduled, join
 * the room while it is live. A full workshop and a removal are said plainly, never as a bare error.
 */
export function ParticipantActions({ workshop, announce }: { workshop: WorkshopDto; announce: Announce }) {
  const { t } = useI18n();
  const registration = useSetRegistration();
  const { viewer } = workshop;
  const full = isFull(workshop);

  function setRegistered(registered: boolean) {
    registration.mutate(
      { workshopId: workshop.id, registered },
      {
        onSuccess: () =>
          announce(registered ? t('workshops.registered') : t('workshops.registrationCancelled'), { focus: true }),
      },
    );
  }

  const error = registration.error ? <FormError error={registration.error} /> : null;

  if (viewer.removed) {
    return (
      <>
        {error}
        <p className="notice notice--danger">{t('workshops.removedNotice')}</p>
      </>
    );
  }

  if (workshop.status === 'ended') return <p>{t('workshops.endedNotice')}</p>;

  if (workshop.status === 'live') {
    return (
      <>
        {error}
        {viewer.registered || !full ? (
          <>
            <p>{viewer.registered ? t('workshops.liveRegistered') : t('workshops.liveOpen')}</p>
            <p>
              <Link to={roomPath(workshop.id)} className="button button--link workshop-join">
                {t('workshops.joinTheRoom')}
              </Link>
            </p>
          </>
        ) : (
          <p className="notice notice--danger">{t('workshops.fullNotice')}</p>
        )}
      </>
    );
  }

  return (
    <>
      {error}
      {viewer.registered ? (
        <>
          <p>{t('workshops.registeredScheduled')}</p>
          <button
            type="button"
            className="button button--secondary"
            disabled={registration.isPending}
            onClick={() => setRegistered(false)}
          >
            {registration.isPending ? t('workshops.saving') : t('workshops.cancelRegistration')}
          </button>
        </>
      ) : full ? (
        <p className="notice notice--danger">{t('workshops.fullNotice')}</p>
      ) : (
        <>
          <p>{t('workshops.registerHint')}</p>
          <button
            type="button"
            className="button"
            disabled={registration.isPending}
            onClick={() => setRegistered(true)}
          >
            {registration.isPending ? t('workshops.saving') : t('workshops.register')}
          </button>
        </>
      )}
    </>
  );
}
