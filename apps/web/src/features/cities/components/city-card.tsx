import { useQueryClient } from '@tanstack/react-query';
import type { CitySummaryDto } from '@twinning/contracts';
import { Link } from 'react-router';
import { Fact } from '../../../components/fact';
import { useI18n } from '../../../lib/i18n';
import { cityQueryOptions } from '../api/get-city';
import { ThemeTags } from './theme-tags';

export function CityCard({ city }: { city: CitySummaryDto }) {
  const { t, format } = useI18n();
  const queryClient = useQueryClient();
  const prefetch = () => {
    void queryClient.prefetchQuery(cityQueryOptions(city.slug));
  };

  return (
    <li className="city-card">
      <h2 className="city-card__name">
        <Link to={`/cities/${city.slug}`} onMouseEnter={prefetch} onFocus={prefetch}>
          {city.name}
        </Link>
      </h2>
      <p className="city-card__place">
        {format.country(city.countryCode)} · {t(`regions.${city.region}`)}
      </p>
      <dl className="facts facts--compact">
        <Fact label={t('cities.profile')}>{t(`profiles.${city.immigrationProfile}`)}</Fact>
        <Fact label={t('cities.population')}>{format.number(city.population)}</Fact>
      </dl>
      <ThemeTags themes={city.themes} />
    </li>
  );
}
