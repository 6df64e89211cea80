import type { TrainingOfferDto, TrainingRequestDto } from '@twinning/contracts';
import { useId, useState } from 'react';
import { Fact } from '../../../components/fact';
import { FormError } from '../../../components/form-error';
import { PersonChip } from '../../../components/person/person-chip';
import type { Announce } from '../../../lib/announce';
import { useI18n } from '../../../lib/i18n';
import { useAcceptTrainingOffer } from '../api/accept-training-offer';
import { chipPerson } from '../training-text';
import { TrainingOfferBadge } from './training-status-badge';

/** Who the offer is from: the expert city, or the facilitator who made it. */
function useOfferTitle() {
  const { t } = useI18n();
  return (offer: TrainingOfferDto) =>
    offer.city
      ? offer.city.name
      : (offer.createdBy?.displayName ?? offer.trainers[0]?.displayName ?? t('training.formerUser'));
}

/**
 * The offers, side by side where the screen allows: approach, format, proposed days, trainers,
 * language and state. Requesters who may decide accept one, after confirming (the others are declined).
 */
export function TrainingOffers({ request, announce }: { request: TrainingRequestDto; announce: Announce }) {
  const { t, format } = useI18n();
  const headingId = useId();
  const titleOf = useOfferTitle();
  const accept = useAcceptTrainingOffer(request.id);
  const [confirming, setConfirming] = useState<string | null>(null);
  const canAccept = request.viewer.canDecide && request.status === 'open';

  function confirmAccept(offer: TrainingOfferDto) {
    accept.mutate(offer.id, {
      onSuccess: () => {
        setConfirming(null);
        announce(t('training.offers.accepted', { name: titleOf(offer) }), { focus: true });
      },
    });
  }

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('training.sections.offers')}</h2>
      {accept.error ? <FormError error={accept.error} /> : null}
      {request.offers.length === 0 ? (
        <p className="empty">{request.status === 'open' ? t('training.offers.noneYet') : t('training.offers.none')}</p>
      ) : (
        <ul className="training-offers" aria-labelledby={headingId}>
          {request.offers.map((offer) => {
            const name = titleOf(offer);
            return (
              <li key={offer.id}>
                <article className={`training-offer training-offer--${offer.status}`} aria-label={name}>
                  <h3 className="training-offer__title">
                    <bdi>{name}</bdi> <TrainingOfferBadge status={offer.status} />
                  </h3>
                  <p dir="auto" className="training-offer__approach">
                    {offer.approach}
                  </p>
                  <dl className="facts facts--compact">
                    <Fact label={t('training.facts.format')}>{t(`training.format.${offer.format}`)}</Fact>
                    <Fact label={t('training.offers.dates')}>
                      {format.list(offer.proposedDates.map((day) => format.day(day)))}
                    </Fact>
                    <Fact label={t('training.offers.language')}>{format.languageName(offer.language)}</Fact>
                    {offer.course ? (
                      <Fact label={t('training.offerForm.course')}>
                        <bdi>{offer.course.title}</bdi>
                      </Fact>
                    ) : null}
                    <Fact label={t('training.offers.trainers')}>
                      <ul className="training-people">
                        {offer.trainers.map((person) => (
                          <li key={person.id}>
                            <PersonChip person={chipPerson(person)} size={24} layout="inline" showMeta={false} />
                          </li>
                        ))}
                      </ul>
                    </Fact>
                  </dl>
                  {canAccept && offer.status === 'pending' ? (
                    confirming === offer.id ? (
                      <div className="stack" role="group" aria-label={t('training.offers.confirmLabel', { name })}>
                        <p>{t('training.offers.confirm', { name })}</p>
                        <div className="button-row">
                          <button
                            type="button"
                            className="button"
                            disabled={accept.isPending}
                            onClick={() => confirmAccept(offer)}
                          >
                            {accept.isPending ? t('common.saving') : t('training.offers.confirmAccept')}
                          </button>
                          <button
                            type="button"
                            className="button button--secondary"
                            onClick={() => setConfirming(null)}
                          >
                            {t('training.cancel')}
                          </button>
                        </div>
                      </div>
                    ) : (
                      <button type="button" className="button" onClick={() => setConfirming(offer.id)}>
                        {t('training.offers.accept', { name })}
                      </button>
                    )
                  ) : null}
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
