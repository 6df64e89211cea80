import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { useI18n } from '../../../lib/i18n';
import { useMyJoinRequests } from '../api/get-my-join-requests';

/** The signed-in user's own requests to join cities, newest first, with their status. */
export function MyJoinRequests() {
  const { t, format } = useI18n();
  const requests = useMyJoinRequests();

  if (requests.isPending) return <Loading />;
  if (requests.isError) return <FormError error={requests.error} />;
  if (requests.data.length === 0) return <p className="empty">{t('myRequests.empty')}</p>;

  const sorted = [...requests.data].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <ul className="plain-list" aria-label={t('myRequests.label')}>
      {sorted.map((request) => (
        <li key={request.id} className="plain-list__item plain-list__item--stacked">
          <p>
            <Link to={`/cities/${request.city.slug}`}>{request.city.name}</Link>{' '}
            <span className={`badge badge--${request.status}`}>{t(`joinStatuses.${request.status}`)}</span>
          </p>
          <p className="muted">
            {t('myRequests.requestedOn', { date: format.dateTime(request.createdAt) })}
            {request.decidedAt ? ` · ${t('myRequests.decidedOn', { date: format.dateTime(request.decidedAt) })}` : null}
          </p>
          {request.message ? (
            <p className="quote" dir="auto">
              {request.message}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
