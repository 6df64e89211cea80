import type { TrainingRequestSummaryDto } from '@twinning/contracts';
import { Link } from 'react-router';
import { Fact } from '../../../components/fact';
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
        <Fact label={t('training.facts.topics')}>{format.list(topics)}</Fact>
        <Fact label={t('training.facts.format')}>{t(`training.format.${request.format}`)}</Fact>
        <Fact label={t('training.facts.period')}>
          <PreferredPeriod request={request} />
        </Fact>
        <Fact label={t('training.facts.offers')}>{t('training.offerCount', { count: request.offerCount })}</Fact>
      </dl>
    </article>
  );
}
