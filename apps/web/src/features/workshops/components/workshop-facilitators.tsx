import { WORKSHOP_LIMITS, type WorkshopDto } from '@twinning/contracts';
import { useId } from 'react';
import { FormError } from '../../../components/form-error';
import { useI18n } from '../../../lib/i18n';
import { useAddFacilitator } from '../api/add-facilitator';
import { useRemoveFacilitator } from '../api/remove-facilitator';
import type { Announce } from '../../../lib/announce';
import { FacilitatorSearch } from './facilitator-search';

export interface WorkshopFacilitatorsProps {
  workshop: WorkshopDto;
  viewerId: string;
  announce: Announce;
}

/** Facilitators see who runs the workshop with them, add co-facilitators and take them off again. */
export function WorkshopFacilitators({ workshop, viewerId, announce }: WorkshopFacilitatorsProps) {
  const { t } = useI18n();
  const headingId = useId();
  const add = useAddFacilitator();
  const remove = useRemoveFacilitator();
  const editable = workshop.status !== 'ended';
  const coFacilitators = workshop.facilitators.filter((person) => person.id !== workshop.createdBy.id).length;
  const roomForMore = coFacilitators < WORKSHOP_LIMITS.facilitatorsMax;
  const error = add.error ?? remove.error;

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('workshops.facilitators.heading')}</h2>
      <ul className="plain-list">
        {workshop.facilitators.map((person) => {
          const creator = person.id === workshop.createdBy.id;
          return (
            <li key={person.id} className="plain-list__item workshop-person">
              <span>
                <span dir="auto">{person.displayName}</span>
                {person.id === viewerId ? <span className="muted"> {t('workshops.facilitators.you')}</span> : null}
                {creator ? <span className="muted"> · {t('workshops.facilitators.creator')}</span> : null}
              </span>
              {editable && !creator ? (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={remove.isPending}
                  aria-label={t('workshops.facilitators.removeNamed', { name: person.displayName })}
                  onClick={() =>
                    remove.mutate(
                      { workshopId: workshop.id, userId: person.id },
                      {
                        onSuccess: () =>
                          announce(t('workshops.facilitators.removed', { name: person.displayName }), { focus: true }),
                      },
                    )
                  }
                >
                  {t('workshops.facilitators.remove')}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {error ? <FormError error={error} /> : null}
      {editable && roomForMore ? (
        <FacilitatorSearch
          excludeIds={workshop.facilitators.map((person) => person.id)}
          pending={add.isPending}
          onPick={(person) =>
            add.mutate(
              { workshopId: workshop.id, userId: person.id },
              { onSuccess: () => announce(t('workshops.facilitators.added', { name: person.displayName })) },
            )
          }
        />
      ) : editable ? (
        <p className="muted">{t('workshops.facilitators.limit', { count: WORKSHOP_LIMITS.facilitatorsMax })}</p>
      ) : null}
    </section>
  );
}
