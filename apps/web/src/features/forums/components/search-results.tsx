import { SEARCH_RANK_LIMIT, type SearchResultDto } from '@twinning/contracts';
import { useId } from 'react';
import { Link } from 'react-router';
import { PersonChip } from '../../../components/person/person-chip';
import { FormError } from '../../../components/form-error';
import { LoadError } from '../../../components/load-error';
import { Loading } from '../../../components/loading';
import { useI18n } from '../../../lib/i18n';
import type { SearchFilters } from '../api/forums.keys';
import { useSearchPosts } from '../api/search-posts';
import { forumName } from '../../../lib/forum-label';
import '../forums.css';

function SearchResult({ result }: { result: SearchResultDto }) {
  const { t, format } = useI18n();
  return (
    <li className="search-result">
      <h3 className="search-result__title">
        {/* The server escapes the text and only adds <mark> around the matches. */}
        <Link to={`/threads/${encodeURIComponent(result.thread.id)}?post=${result.post.seq}`} dir="auto">
          <span dangerouslySetInnerHTML={{ __html: result.titleHtml }} />
        </Link>
      </h3>
      <p className="search-result__meta">
        <span>{forumName(t, result.forum)}</span>
        <span aria-hidden="true"> · </span>
        <span className="search-result__author">
          {t('forumSearch.postByLead', { seq: result.post.seq })}{' '}
          <PersonChip person={result.post.author} size={20} layout="inline" />
        </span>
        <span aria-hidden="true"> · </span>
        <time dateTime={result.post.createdAt}>{format.dateTime(result.post.createdAt)}</time>
      </p>
      <p
        className="search-result__headline"
        dir="auto"
        lang={result.post.language === 'und' ? undefined : result.post.language}
        dangerouslySetInnerHTML={{ __html: result.headlineHtml }}
      />
    </li>
  );
}

/** Ranked matches of a search, each linking to the post in its thread. */
export function SearchResults({ filters }: { filters: SearchFilters }) {
  const { t } = useI18n();
  const headingId = useId();
  const search = useSearchPosts(filters);
  const items = search.data?.pages.flatMap((page) => page.items) ?? [];
  const capped = search.data?.pages[0]?.capped ?? false;

  if (!filters.q) return <p className="muted">{t('forumSearch.prompt')}</p>;
  if (search.isPending) return <Loading label={t('forumSearch.searching')} />;
  if (search.isLoadingError) {
    return <LoadError error={search.error} onRetry={() => void search.refetch()} />;
  }

  return (
    <section aria-labelledby={headingId} className="section">
      <h2 id={headingId}>{t('forumSearch.resultsHeading', { q: filters.q })}</h2>
      <p role="status" className="status muted">
        {items.length === 0 ? t('forumSearch.noResults') : t('forumSearch.shown', { count: items.length })}
      </p>
      {capped ? <p className="notice search-capped">{t('forumSearch.capped', { count: SEARCH_RANK_LIMIT })}</p> : null}
      {items.length > 0 ? (
        <ol className="search-results" aria-labelledby={headingId}>
          {items.map((result) => (
            <SearchResult key={result.post.id} result={result} />
          ))}
        </ol>
      ) : null}
      {search.hasNextPage ? (
        <div className="forum-more">
          {search.isFetchNextPageError ? <FormError error={search.error} /> : null}
          <button
            type="button"
            className="button button--secondary"
            disabled={search.isFetchingNextPage}
            onClick={() => void search.fetchNextPage()}
          >
            {search.isFetchingNextPage ? t('common.loadingMore') : t('forumSearch.loadMore')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
