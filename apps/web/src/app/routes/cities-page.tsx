import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { CityDirectory, CityFilterForm, cityFiltersToSearchParams, parseCityFilters } from '../../features/cities';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** The directory; its filters live in the URL so that a filtered view survives reload and can be shared. */
export function CitiesPage() {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const filters = useMemo(() => parseCityFilters(new URLSearchParams(search)), [search]);

  return (
    <Page title={t('cities.title')} lead={t('cities.lead')}>
      <CityFilterForm filters={filters} onApply={(next) => setSearchParams(cityFiltersToSearchParams(next))} />
      <CityDirectory filters={filters} />
    </Page>
  );
}
