import type { TrainingRequestDto } from '@twinning/contracts';
import { useId } from 'react';
import { useI18n } from '../../../lib/i18n';

/** Every move of the request: who, when, from which state to which. */
export function TrainingHistory({ request }: { request: TrainingRequestDto }) {
  const { t, format } = useI18n();
  const headingId = useId();
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('training.sections.history')}</h2>
      <ol className="training-history">
        {request.history.map((event) => {
          // the lifecycle job alone moves a request to delivered and evaluated: no actor means the system
          const automatic = event.actor === null && (event.to === 'delivered' || event.to === 'evaluated');
          const who = event.actor?.displayName ?? (automatic ? t('training.system') : t('training.formerUser'));
          const to = t(`training.status.${event.to}`);
          return (
            <li key={event.id}>
              <time dateTime={event.at}>{format.dateTime(event.at)}</time>
              {' · '}
              {event.from
                ? t('training.history.moved', { who, from: t(`training.status.${event.from}`), to })
                : t('training.history.created', { who, to })}
              {event.note ? (
                <>
                  {' · '}
                  <bdi>{event.note}</bdi>
                </>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
