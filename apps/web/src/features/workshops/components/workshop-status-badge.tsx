import type { WorkshopStatus, WorkshopSummaryDto } from '@twinning/contracts';
import { useT } from '../../../lib/i18n';

/** Scheduled, live now (prominent, with a pulsing dot) or ended. */
export function WorkshopStatusBadge({ status }: { status: WorkshopStatus }) {
  const t = useT();
  return (
    <span className={`badge workshop-badge workshop-badge--${status}`}>
      {status === 'live' ? <span className="workshop-badge__dot" aria-hidden="true" /> : null}
      {t(`workshops.status.${status}`)}
    </span>
  );
}

/** What the workshop is to the viewer: facilitating, registered, or removed by a facilitator. */
export function ViewerBadges({ viewer }: { viewer: WorkshopSummaryDto['viewer'] }) {
  const t = useT();
  return (
    <>
      {viewer.facilitator ? <span className="badge workshop-badge--you">{t('workshops.youFacilitate')}</span> : null}
      {viewer.registered && !viewer.facilitator ? (
        <span className="badge workshop-badge--you">{t('workshops.youAreRegistered')}</span>
      ) : null}
      {viewer.removed ? <span className="badge badge--rejected">{t('workshops.youWereRemoved')}</span> : null}
    </>
  );
}
