import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { SearchForm, SearchResults, type SearchFilters } from '../../features/forums';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';
import { isTheme } from './forum-route-params';

function toSearchParams(filters: SearchFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.forumId) params.set('forumId', filters.forumId);
  if (filters.theme) params.set('theme', filters.theme);
  return params;
}

/** Forum search; the query lives in the address so that a search can be shared and survives reload. */
export function SearchPage() {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const filters = useMemo<SearchFilters>(() => {
    const params = new URLSearchParams(search);
    const theme = params.get('theme');
    return {
      q: params.get('q')?.trim() ?? '',
      forumId: params.get('forumId') || undefined,
      theme: isTheme(theme) ? theme : undefined,
    };
  }, [search]);

  return (
    <Page
      title={filters.q ? t('forumSearch.titleWithQuery', { q: filters.q }) : t('forumSearch.title')}
      heading={t('forumSearch.title')}
    >
      <SearchForm key={search} filters={filters} onSearch={(next) => setSearchParams(toSearchParams(next))} />
      <SearchResults filters={filters} />
    </Page>
  );
}
