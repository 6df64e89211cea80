import type { WorkshopSummaryDto } from '@twinning/contracts';
import { Link } from 'react-router';
import { Fact } from '../../../components/fact';
import { PersonChip } from '../../../components/person/person-chip';
import { useI18n } from '../../../lib/i18n';
import { formatWorkshopRange } from '../workshop-time';
import { useViewerTimeZone } from '../../../lib/zoned-time';

/** Places taken: "12 of 30 places taken", or "12 registered" when there is no limit. */
export function usePlacesText(workshop: Pick<WorkshopSummaryDto, 'registeredCount' | 'capacity'>): string {
  const { t } = useI18n();
  return workshop.capacity === null
    ? t('workshops.places.unlimited', { count: workshop.registeredCount })
    : t('workshops.places.limited', { count: workshop.registeredCount, capacity: workshop.capacity });
}

export function isFull(workshop: Pick<WorkshopSummaryDto, 'registeredCount' | 'capacity'>): boolean {
  return workshop.capacity !== null && workshop.registeredCount >= workshop.capacity;
}

/**
 * When (in the viewer's time zone, the zone named), theme, language (named in the interface language),
 * who may take part, facilitators and places.
 */
export function WorkshopFacts({ workshop, compact = false }: { workshop: WorkshopSummaryDto; compact?: boolean }) {
  const { t, language, format } = useI18n();
  const timeZone = useViewerTimeZone();
  const places = usePlacesText(workshop);

  return (
    <dl className={['facts', 'workshop-facts', compact ? 'facts--compact' : ''].filter(Boolean).join(' ')}>
      <Fact label={t('workshops.facts.when')}>
        <span className="workshop-facts__when">
          {formatWorkshopRange(language, timeZone, workshop.startsAt, workshop.endsAt)}
        </span>
      </Fact>
      <Fact label={t('workshops.facts.theme')}>{t(`themes.${workshop.theme}`)}</Fact>
      <Fact label={t('workshops.facts.language')}>{format.languageName(workshop.language)}</Fact>
      <Fact label={t('workshops.facts.scope')}>
        {workshop.scope === 'partnership' && workshop.partnership ? (
          <>
            {t('workshops.scope.partnershipPrefix')}{' '}
            <Link to={`/partnerships/${encodeURIComponent(workshop.partnership.id)}`} dir="auto">
              {workshop.partnership.title}
            </Link>
          </>
        ) : workshop.scope === 'city' && workshop.city ? (
          <>
            {t('workshops.scope.cityPrefix')}{' '}
            <Link to={`/cities/${encodeURIComponent(workshop.city.slug)}`} dir="auto">
              {workshop.city.name}
            </Link>
          </>
        ) : (
          t('workshops.scope.public')
        )}
      </Fact>
      <Fact label={t('workshops.facts.facilitators')}>
        {workshop.facilitators.length === 0 ? (
          t('common.none')
        ) : compact ? (
          format.list(workshop.facilitators.map((person) => person.displayName))
        ) : (
          <ul className="workshop-facts__people">
            {workshop.facilitators.map((person) => (
              <li key={person.id}>
                <PersonChip person={person} size={28} />
              </li>
            ))}
          </ul>
        )}
      </Fact>
      <Fact label={t('workshops.facts.places')}>
        {places}
        {isFull(workshop) && workshop.status !== 'ended' ? (
          <strong className="badge badge--rejected">{t('workshops.full')}</strong>
        ) : null}
      </Fact>
    </dl>
  );
}
