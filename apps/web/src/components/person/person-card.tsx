import type { PersonSummary } from '@twinning/contracts';
import { Link } from 'react-router';
import { ModalDialog } from '../modal-dialog';
import { Loading } from '../loading';
import { useI18n } from '../../lib/i18n';
import { isApiRequestError } from '../../lib/api-client';
import { platformRolesText } from '../../lib/roles';
import { Avatar } from './avatar';
import { usePerson } from './get-person';
import { localTimeNow, personMeta, roleLabel } from './person-label';
import './person.css';

export interface PersonCardProps {
  /** What the list already knows: shown at once, and when the card itself is not available. */
  person: PersonSummary;
  onClose: () => void;
}

/**
 * The person card: a modal dialog with their platform roles, cities, role, languages and local time now. Escape or
 * Close closes it and focus returns to the name that opened it (ModalDialog).
 */
export function PersonCard({ person, onClose }: PersonCardProps) {
  const { t, language, format } = useI18n();
  const card = usePerson(person.id);
  const data = card.data;
  const notShared = card.isError && isApiRequestError(card.error) && card.error.status === 404;
  // Some payloads name people by id and name only (training): the card's own answer brings the handle.
  const handle = data?.handle || person.handle;

  return (
    <ModalDialog title={person.displayName} onClose={onClose} block="person-card">
      <div className="person-card__head">
        <Avatar userId={person.id} name={person.displayName} size={56} />
        <div>
          {handle ? (
            <p className="person-card__handle">
              <bdi>@{handle}</bdi>
            </p>
          ) : null}
          <p className="person-card__meta">{personMeta(t, data ?? person) || t('person.noRole')}</p>
        </div>
      </div>
      {card.isPending ? (
        <Loading />
      ) : data ? (
        <dl className="person-card__facts">
          {data.platformRoles.length > 0 ? (
            <>
              <dt>{t('person.platformRoles')}</dt>
              <dd>{platformRolesText(t, format, data.platformRoles)}</dd>
            </>
          ) : null}
          <dt>{t('person.cities')}</dt>
          <dd>
            {data.cities.length === 0 ? (
              t('person.noCities')
            ) : (
              <ul className="person-card__list">
                {data.cities.map((city) => (
                  <li key={city.id}>
                    <Link to={`/cities/${city.slug}`} onClick={onClose}>
                      {city.name}
                    </Link>{' '}
                    <span className="muted">· {roleLabel(t, city.role)}</span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt>{t('person.languages')}</dt>
          <dd>
            {data.languages.length === 0
              ? t('person.noLanguages')
              : format.list(data.languages.map((code) => format.languageName(code)))}
          </dd>
          <dt>{t('person.localTime')}</dt>
          <dd>
            <span dir="auto">{localTimeNow(language, data.timeZone)}</span>{' '}
            <span className="muted">
              (<bdi>{data.timeZone.replaceAll('_', ' ')}</bdi>)
            </span>
          </dd>
        </dl>
      ) : (
        <p className="muted">{notShared ? t('person.notShared') : t('person.unavailable')}</p>
      )}
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('person.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
