import type { VisitSummaryDto } from '@twinning/contracts';
import { useT } from '../../../lib/i18n';

/** "You are registered" / "Waitlisted, position 2": the viewer's place, when they have one. */
export function MyRegistrationBadge({ registration }: { registration: VisitSummaryDto['viewer']['registration'] }) {
  const t = useT();
  if (!registration || registration.status === 'cancelled') return null;
  if (registration.status === 'waitlisted') {
    return (
      <span className="badge badge--warning">
        {registration.position !== null
          ? t('visits.badge.waitlistedAt', { position: registration.position })
          : t('visits.badge.waitlisted')}
      </span>
    );
  }
  return <span className="badge badge--approved">{t('visits.badge.registered')}</span>;
}
