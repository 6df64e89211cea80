import type { MeDto, MyTrainingOfferDto } from '@twinning/contracts';
import { useId } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { useI18n } from '../../../lib/i18n';
import { hasRole } from '../../../lib/roles';
import { useMyOffers } from '../api/dashboard-get-my-offers';
import { DashboardCourses } from './dashboard-courses';
import '../authoring.css';

/**
 * The trainer's dashboard: their offers with each request's state, the trainings they delivered (their
 * evaluation results are on each request's page), and — for facilitators — their courses with learners'
 * progress and the questions learners miss most.
 */
export function Dashboard({ user }: { user: MeDto }) {
  const { t } = useI18n();
  const offers = useMyOffers();
  const items = offers.data?.pages.flatMap((page) => page.items) ?? [];
  const delivered = items.filter(
    (o) => o.status === 'accepted' && (o.request.status === 'delivered' || o.request.status === 'evaluated'),
  );
  const offersHeading = useId();
  const deliveredHeading = useId();

  return (
    <div className="stack dashboard">
      <section className="section" aria-labelledby={offersHeading}>
        <h2 id={offersHeading}>{t('trainerDashboard.offers')}</h2>
        {offers.isPending ? (
          <Loading label={t('trainerDashboard.loadingOffers')} />
        ) : offers.isError ? (
          <FormError error={offers.error} />
        ) : items.length === 0 ? (
          <p className="empty">{t('trainerDashboard.noOffers')}</p>
        ) : (
          <>
            <table className="table table--stack">
              <caption className="visually-hidden">{t('trainerDashboard.offers')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('trainerDashboard.request')}</th>
                  <th scope="col">{t('trainerDashboard.requestStatus')}</th>
                  <th scope="col">{t('trainerDashboard.offerStatus')}</th>
                  <th scope="col">{t('trainerDashboard.format')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((offer) => (
                  <OfferRow key={offer.id} offer={offer} />
                ))}
              </tbody>
            </table>
            {offers.hasNextPage ? (
              <p>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={offers.isFetchingNextPage}
                  onClick={() => void offers.fetchNextPage()}
                >
                  {offers.isFetchingNextPage ? t('common.loadingMore') : t('trainerDashboard.moreOffers')}
                </button>
              </p>
            ) : null}
          </>
        )}
      </section>
      <section className="section" aria-labelledby={deliveredHeading}>
        <h2 id={deliveredHeading}>{t('trainerDashboard.delivered')}</h2>
        <p className="muted">{t('trainerDashboard.deliveredHint')}</p>
        {delivered.length === 0 ? (
          <p className="empty">{t('trainerDashboard.noDelivered')}</p>
        ) : (
          <ul className="plain-list">
            {delivered.map((offer) => (
              <li key={offer.id} className="plain-list__item">
                <Link to={`/training/${encodeURIComponent(offer.request.id)}`} dir="auto">
                  {offer.request.title}
                </Link>{' '}
                <span className="badge">{t(`training.status.${offer.request.status}`)}</span>{' '}
                <span className="muted">{t('trainerDashboard.evaluationsThere')}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {hasRole(user, 'facilitator') ? <DashboardCourses /> : null}
    </div>
  );
}

function OfferRow({ offer }: { offer: MyTrainingOfferDto }) {
  const { t } = useI18n();
  const requester =
    offer.request.requester.kind === 'city'
      ? offer.request.requester.city.name
      : offer.request.requester.partnership.title;
  return (
    <tr>
      <td data-label={t('trainerDashboard.request')}>
        {offer.request.visible ? (
          <Link to={`/training/${encodeURIComponent(offer.request.id)}`} dir="auto">
            {offer.request.title}
          </Link>
        ) : (
          <span dir="auto">{offer.request.title}</span>
        )}
        <br />
        <span className="muted" dir="auto">
          {requester}
          {offer.city ? ` · ${t('trainerDashboard.forCity', { city: offer.city.name })}` : ''}
        </span>
        {offer.request.visible ? null : (
          <>
            <br />
            <span className="muted">{t('trainerDashboard.wentElsewhere')}</span>
          </>
        )}
      </td>
      <td data-label={t('trainerDashboard.requestStatus')}>
        <span className="badge">{t(`training.status.${offer.request.status}`)}</span>
      </td>
      <td data-label={t('trainerDashboard.offerStatus')}>
        <span className="badge">{t(`training.offerStatus.${offer.status}`)}</span>
      </td>
      <td data-label={t('trainerDashboard.format')}>{t(`training.format.${offer.format}`)}</td>
    </tr>
  );
}
