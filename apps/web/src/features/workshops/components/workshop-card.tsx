import type { WorkshopSummaryDto } from '@twinning/contracts';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n';
import { isFull, WorkshopFacts } from './workshop-facts';
import { ViewerBadges, WorkshopStatusBadge } from './workshop-status-badge';

export function roomPath(workshopId: string): string {
  return `/workshops/${encodeURIComponent(workshopId)}/room`;
}

export function workshopPath(workshopId: string): string {
  return `/workshops/${encodeURIComponent(workshopId)}`;
}

/** One workshop of the list: title, state, facts, and a way into the room while it is live. */
export function WorkshopCard({ workshop }: { workshop: WorkshopSummaryDto }) {
  const t = useT();
  const { viewer } = workshop;
  // A full room still takes those who hold a place (and its facilitators).
  const canJoin =
    workshop.status === 'live' && !viewer.removed && (viewer.registered || viewer.facilitator || !isFull(workshop));
  return (
    <li className={['workshop-card', workshop.status === 'live' ? 'workshop-card--live' : ''].join(' ')}>
      <h3 className="workshop-card__title" dir="auto">
        <Link to={workshopPath(workshop.id)}>{workshop.title}</Link>
      </h3>
      <p className="workshop-card__status">
        <WorkshopStatusBadge status={workshop.status} />
        <ViewerBadges viewer={workshop.viewer} />
      </p>
      <WorkshopFacts workshop={workshop} compact />
      {canJoin ? (
        <p>
          <Link
            to={roomPath(workshop.id)}
            className="button button--link"
            aria-label={t('workshops.joinRoomOf', { title: workshop.title })}
          >
            {t('workshops.joinRoom')}
          </Link>
        </p>
      ) : null}
    </li>
  );
}
