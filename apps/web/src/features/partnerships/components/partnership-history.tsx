import type { PartnershipDetailDto } from '@twinning/contracts';
import { useId } from 'react';
import { useI18n } from '../../../lib/i18n';
import { eventSentence } from '../partnership-text';

/** Every transition of the partnership: who did what, to which city, when (in the viewer's time zone). */
export function PartnershipHistory({ partnership }: { partnership: PartnershipDetailDto }) {
  const { t, format } = useI18n();
  const headingId = useId();
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('partnership.historyHeading')}</h2>
      {partnership.history.length === 0 ? (
        <p className="muted">{t('partnership.noHistory')}</p>
      ) : (
        <ol className="timeline" aria-labelledby={headingId}>
          {partnership.history.map((event) => (
            <li key={event.id} className="timeline__item">
              <p className="timeline__text">{eventSentence(t, event)}</p>
              {event.note ? (
                <blockquote className="quote" dir="auto">
                  {event.note}
                </blockquote>
              ) : null}
              <p className="timeline__time muted">
                <time dateTime={event.createdAt}>{format.dateTime(event.createdAt)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
