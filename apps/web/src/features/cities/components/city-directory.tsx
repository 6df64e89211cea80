import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { LoadError } from '../../../components/load-error';
import { StatusMessage } from '../../../components/status-message';
import { useT } from '../../../lib/i18n';
import type { CityFilters } from '../api/cities.keys';
import { useCities } from '../api/get-cities';
import { hasActiveFilters } from '../city-filters';
import { CityCard } from './city-card';
import '../cities.css';

export interface CityDirectoryProps {
  filters: CityFilters;
  /** Where "clear filters" goes (the directory without filters). */
  clearFiltersHref?: string;
}

export function CityDirectory({ filters, clearFiltersHref = '/cities' }: CityDirectoryProps) {
  const t = useT();
  const cities = useCities(filters);
  const listRef = useRef<HTMLUListElement>(null);
  /** Index of the first card of the page being loaded by "Load more", to move focus to it. */
  const focusIndex = useRef<number | null>(null);

  const items = cities.data?.pages.flatMap((page) => page.items) ?? [];
  const count = items.length;

  useEffect(() => {
    const index = focusIndex.current;
    if (index === null || index >= count) return;
    focusIndex.current = null;
    listRef.current?.querySelectorAll<HTMLAnchorElement>('li.city-card h2 a')[index]?.focus();
  }, [count]);

  let status: string;
  if (cities.isPending) status = t('cities.loading');
  else if (cities.isLoadingError) status = '';
  else if (count === 0) status = t('cities.noResults');
  else status = t('cities.shown', { count });

  return (
    <div className="directory">
      <StatusMessage className="directory__status">{status}</StatusMessage>

      {cities.isLoadingError ? <LoadError error={cities.error} onRetry={() => void cities.refetch()} /> : null}

      {cities.isSuccess && count === 0 ? (
        <div className="empty">
          <p>{t('cities.emptyHelp')}</p>
          {hasActiveFilters(filters) ? <Link to={clearFiltersHref}>{t('cities.clearFilters')}</Link> : null}
        </div>
      ) : null}

      {count > 0 ? (
        <ul ref={listRef} className="city-grid" aria-label={t('cities.listLabel')}>
          {items.map((city) => (
            <CityCard key={city.id} city={city} />
          ))}
        </ul>
      ) : null}

      {cities.hasNextPage ? (
        <div className="directory__more">
          {cities.isFetchNextPageError ? <FormError error={cities.error} /> : null}
          <button
            type="button"
            className="button button--secondary"
            disabled={cities.isFetchingNextPage}
            onClick={() => {
              focusIndex.current = count;
              void cities.fetchNextPage();
            }}
          >
            {cities.isFetchingNextPage ? t('common.loadingMore') : t('cities.loadMore')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
