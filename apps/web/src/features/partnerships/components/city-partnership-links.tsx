import type { MyCityMembership } from '@twinning/contracts';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n';
import '../partnerships.css';

export interface CityPartnershipLinksProps {
  city: { id: string; name: string };
  /** The signed-in viewer's cities (empty for visitors and people who represent no city). */
  myCities: readonly MyCityMembership[];
}

/**
 * On a city page: officials of another city may propose a partnership to it; its own officials find
 * partners for it. Nothing for anyone else.
 */
export function CityPartnershipLinks({ city, myCities }: CityPartnershipLinksProps) {
  const t = useT();
  if (myCities.length === 0) return null;

  if (myCities.some((entry) => entry.cityId === city.id)) {
    return (
      <p className="city-partnership-links">
        <Link
          to={`/partnerships/suggestions?${new URLSearchParams({ city: city.id }).toString()}`}
          className="button button--link button--secondary"
          aria-label={`${t('partnerships.findPartners')} ${t('partnerships.forCity', { city: city.name })}`}
        >
          {t('partnerships.findPartners')}
        </Link>
      </p>
    );
  }

  const params = new URLSearchParams({ to: city.id });
  const [only] = myCities;
  if (myCities.length === 1 && only) params.set('from', only.cityId);
  return (
    <p className="city-partnership-links">
      <Link
        to={`/partnerships/new?${params.toString()}`}
        className="button button--link button--secondary"
        aria-label={`${t('partnerships.propose')} ${t('suggestions.withCity', { city: city.name })}`}
      >
        {t('partnerships.propose')}
      </Link>
    </p>
  );
}
