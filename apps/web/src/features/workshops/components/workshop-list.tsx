import { WORKSHOP_LIST_WHEN, type Theme } from '@twinning/contracts';
import { useId, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ThemeSelect } from '../../../components/choice-select';
import { FormError } from '../../../components/form-error';
import { LoadError } from '../../../components/load-error';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { useI18n } from '../../../lib/i18n';
import { useWorkshops } from '../api/get-workshops';
import { toWorkshopListFilters, workshopListParamsToSearch, type WorkshopListParams } from '../workshop-params';
import { WorkshopCard } from './workshop-card';
import '../workshops.css';

export interface WorkshopListProps {
  /** The tab and filters in force (from the address). */
  params: WorkshopListParams;
  onParamsChange: (params: WorkshopListParams) => void;
}

function hrefFor(params: WorkshopListParams): string {
  const search = workshopListParamsToSearch(params).toString();
  return search ? `/workshops?${search}` : '/workshops';
}

/**
 * Upcoming, live and past workshops as three tabs (links, so each has its own address), a theme filter
 * and "only mine", and a "load more" button that follows the API's cursor.
 */
export function WorkshopList({ params, onParamsChange }: WorkshopListProps) {
  const { t } = useI18n();
  const headingId = useId();
  const filters = toWorkshopListFilters(params);
  const workshops = useWorkshops(filters);
  const items = workshops.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = !!params.theme || !!params.mine;

  let status = '';
  if (workshops.isPending) status = t('workshops.loading');
  else if (workshops.isSuccess) status = t('workshops.shown', { count: items.length });

  return (
    <div className="stack">
      <nav aria-label={t('workshops.tabsLabel')}>
        <ul className="tab-nav__list">
          {WORKSHOP_LIST_WHEN.map((when) => (
            <li key={when}>
              <Link
                to={hrefFor({ ...params, when })}
                className="tab-nav__link"
                aria-current={params.when === when ? 'page' : undefined}
              >
                {t(`workshops.tab.${when}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <FilterForm params={params} onApply={onParamsChange} />
      <StatusMessage>{status}</StatusMessage>

      <section aria-labelledby={headingId}>
        <h2 id={headingId} className="visually-hidden">
          {t(`workshops.tab.${params.when}`)}
        </h2>
        {workshops.isPending ? (
          <Loading label={t('workshops.loading')} />
        ) : workshops.isLoadingError ? (
          <LoadError error={workshops.error} onRetry={() => void workshops.refetch()} />
        ) : items.length === 0 ? (
          <div className="empty stack">
            <p>{t(`workshops.empty.${params.when}`)}</p>
            {filtered ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => onParamsChange({ when: params.when })}
              >
                {t('workshops.clearFilters')}
              </button>
            ) : null}
          </div>
        ) : (
          <ul className="workshop-list" aria-labelledby={headingId}>
            {items.map((workshop) => (
              <WorkshopCard key={workshop.id} workshop={workshop} />
            ))}
          </ul>
        )}
      </section>

      {workshops.hasNextPage ? (
        <div>
          {workshops.isFetchNextPageError ? <FormError error={workshops.error} /> : null}
          <button
            type="button"
            className="button button--secondary"
            disabled={workshops.isFetchingNextPage}
            onClick={() => void workshops.fetchNextPage()}
          >
            {workshops.isFetchingNextPage ? t('common.loadingMore') : t('workshops.loadMore')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function FilterForm({
  params,
  onApply,
}: {
  params: WorkshopListParams;
  onApply: (params: WorkshopListParams) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  // Applies as it changes: no Apply button.
  function apply(theme: Theme | '', mine: boolean) {
    const next: WorkshopListParams = { when: params.when };
    if (theme) next.theme = theme;
    if (mine) next.mine = true;
    onApply(next);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
  }

  return (
    <form className="inline-form workshop-filters" aria-label={t('workshops.filterLabel')} onSubmit={handleSubmit}>
      <ThemeSelect
        name="theme"
        label={t('workshops.themeFilter')}
        anyLabel={t('workshops.allThemes')}
        value={params.theme ?? ''}
        onChange={(theme) => apply(theme, !!params.mine)}
      />
      <div className="checkbox workshop-filters__mine">
        <input
          id={`${id}-mine`}
          type="checkbox"
          name="mine"
          checked={!!params.mine}
          onChange={(event) => apply(params.theme ?? '', event.target.checked)}
        />
        <label htmlFor={`${id}-mine`}>{t('workshops.onlyMine')}</label>
      </div>
    </form>
  );
}
