import type { VisitDto, VisitParticipantDto } from '@twinning/contracts';
import { useId } from 'react';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { PersonChip } from '../../../components/person/person-chip';
import { useI18n } from '../../../lib/i18n';
import { useParticipants } from '../api/get-participants';

function statusText(t: ReturnType<typeof useI18n>['t'], entry: VisitParticipantDto): string {
  if (entry.status === 'waitlisted') {
    return entry.position !== null
      ? t('visits.roster.waitlistedAt', { position: entry.position })
      : t('visits.badge.waitlisted');
  }
  return t(`visits.roster.status.${entry.status}`);
}

/**
 * Who is coming, for members who do not coordinate the visit: names, cities, roles and places.
 * Needs appear only on the viewer's own row (the API sends nobody else's).
 */
export function ParticipantsPanel({ visit }: { visit: VisitDto }) {
  const { t } = useI18n();
  const headingId = useId();
  const participants = useParticipants(visit.id);
  const entries = participants.data ?? [];

  return (
    <section className="section visit-participants" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('visits.participants.heading')}</h2>
      {participants.isPending ? (
        <Loading />
      ) : participants.isError ? (
        <FormError error={participants.error} />
      ) : entries.length === 0 ? (
        <p className="empty">{t('visits.participants.empty')}</p>
      ) : (
        <ul className="visit-participants__list" aria-labelledby={headingId}>
          {entries.map((entry) => {
            const needs = entry.needs ? [entry.needs.dietary, entry.needs.accessibility].filter(Boolean) : [];
            return (
              <li key={entry.person.id} className="visit-participants__item">
                <PersonChip person={entry.person} />
                <span className="visit-participants__status">
                  {statusText(t, entry)} · {t('visits.roster.places')}: {entry.places}
                </span>
                {needs.length > 0 ? (
                  <p className="visit-participants__needs muted">
                    {t('visits.participants.yourNeeds', { needs: needs.join(' · ') })}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
