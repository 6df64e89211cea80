import type { MyCityMembership } from '@twinning/contracts';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n';

export function MyCitiesList({ cities }: { cities: readonly MyCityMembership[] }) {
  const t = useT();
  if (cities.length === 0) {
    return (
      <p className="empty">
        {t('profile.noCities')} <Link to="/cities">{t('profile.browseCities')}</Link>
      </p>
    );
  }
  return (
    <ul className="plain-list" aria-label={t('profile.myCities')}>
      {cities.map((city) => (
        <li key={city.cityId} className="plain-list__item">
          <Link to={`/cities/${city.citySlug}`}>{city.cityName}</Link>
          <span className="badge">{t(`cityRoles.${city.role}`)}</span>
        </li>
      ))}
    </ul>
  );
}
