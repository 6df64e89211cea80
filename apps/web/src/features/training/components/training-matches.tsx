import type { TrainingMatchDto, TrainingRequestDto } from '@twinning/contracts';
import { useId } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { PersonChip } from '../../../components/person/person-chip';
import { useI18n } from '../../../lib/i18n';
import { useTrainingMatches } from '../api/get-training-matches';
import { matchReasons } from '../match-reasons';
import { chipPerson } from '../training-text';

function MatchItem({ match, rank }: { match: TrainingMatchDto; rank: number }) {
  const { t, format } = useI18n();
  const nameId = useId();
  const name = match.city?.name ?? match.user?.displayName ?? '';
  return (
    <article className="training-match" aria-labelledby={nameId}>
      <h3 className="training-match__title">
        {t('training.matches.rank', { rank })}{' '}
        {match.kind === 'city' && match.city ? (
          <Link id={nameId} to={`/cities/${encodeURIComponent(match.city.slug)}`} dir="auto">
            {name}
          </Link>
        ) : match.user ? (
          <PersonChip person={chipPerson(match.user)} size={24} layout="inline" showMeta={false} nameId={nameId} />
        ) : null}
      </h3>
      <p>
        <span className="muted">{t(`training.matches.kind.${match.kind}`)}</span>
        {' · '}
        <span className="training-match__score">
          {t('training.matches.score', { score: format.number(match.score) })}
        </span>
      </p>
      <ul className="training-reasons" aria-label={t('training.matches.reasonsLabel', { name })}>
        {matchReasons(match, t, format).map((reason) => (
          <li key={reason.key}>
            {reason.text}{' '}
            <span className="training-reasons__points">
              {t('training.matches.points', { count: reason.points, points: format.number(reason.points) })}
            </span>
          </li>
        ))}
      </ul>
    </article>
  );
}

/** Facilitators and expert cities ranked for this request, each with the points and reasons of its score. */
export function TrainingMatches({ request }: { request: TrainingRequestDto }) {
  const { t } = useI18n();
  const headingId = useId();
  const matches = useTrainingMatches(request.id);
  const items = matches.data?.items ?? [];
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('training.sections.matches')}</h2>
      <p className="field__hint">{t('training.matches.lead')}</p>
      {matches.isPending ? (
        <Loading />
      ) : matches.isError ? (
        <FormError error={matches.error} />
      ) : items.length === 0 ? (
        <p className="empty">{t('training.matches.empty')}</p>
      ) : (
        <ol className="training-matches">
          {items.map((match, index) => (
            <li key={match.city?.id ?? match.user?.id ?? index}>
              <MatchItem match={match} rank={index + 1} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
