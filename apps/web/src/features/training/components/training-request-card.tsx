import type { TrainingRequestSummaryDto } from '@twinning/contracts';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { requesterName } from '../training-text';
import { TrainingStatusBadge } from './training-status-badge';

/** The preferred period in the requester's calendar, and whose calendar that is. */
export function PreferredPeriod({ request }: { request: TrainingRequestSummaryDto }) {
  const { t, format } = useI18n();
  return (
    <>
      {format.dayRange(request.preferredStart, request.preferredEnd)}{' '}
      <span className="muted">{t('training.daysIn', { zone: request.timeZone })}</span>
    </>
  );
}

/** One request on the board: title, state, requester, topic, format, period and offers. */
export function TrainingRequestCard({ request }: { request: TrainingRequestSummaryDto }) {
  const { t, format } = useI18n();
  const topics = [
    ...request.skills.map((skill) => t(`training.skill.${skill}`)),
    ...request.themes.map((theme) => t(`themes.${theme}`)),
  ];
  return (
    <article className="training-card">
      <h3 className="training-card__title">
        <Link to={`/training/${encodeURIComponent(request.id)}`}>{request.title}</Link>
        <TrainingStatusBadge status={request.status} />
      </h3>
      <dl className="facts facts--compact">
        <div className="facts__row">
          <dt>{t(`training.facts.requester.${request.requester.kind}`)}</dt>
          <dd dir="auto">{requesterName(request.requester)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('training.facts.topics')}</dt>
          <dd>{format.list(topics)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('training.facts.format')}</dt>
          <dd>{t(`training.format.${request.format}`)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('training.facts.period')}</dt>
          <dd>
            <PreferredPeriod request={request} />
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('training.facts.offers')}</dt>
          <dd>{t('training.offerCount', { count: request.offerCount })}</dd>
        </div>
      </dl>
    </article>
  );
}
