import { useId, type FormEvent } from 'react';
import { Link } from 'react-router';
import { SelectField } from '../../../components/form-field';
import { LoadError } from '../../../components/load-error';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { useI18n } from '../../../lib/i18n';
import { useMyPartnerships, type MyPartnership } from '../api/get-my-partnerships';
import { useVisits } from '../api/get-visits';
import { visitListHref, type VisitListParams, type VisitView } from '../visit-params';
import { VisitCard } from './visit-card';
import { VisitMonth } from './visit-month';
import '../visits.css';

export interface VisitListProps {
  /** View, tab, filter and month in force (from the address). */
  params: VisitListParams;
  onParamsChange: (params: VisitListParams) => void;
}

const VIEWS: readonly VisitView[] = ['list', 'month'];

/**
 * The study visits of the viewer's partnerships: a list (upcoming or past) or a month calendar, filtered
 * by partnership. Every state lives in the address, so each view can be bookmarked and shared.
 */
export function VisitList({ params, onParamsChange }: VisitListProps) {
  const { t } = useI18n();
  const partnerships = useMyPartnerships();

  return (
    <div className="stack">
      <div className="visit-toolbar">
        <div role="group" aria-label={t('visits.viewLabel')} className="button-row">
          {VIEWS.map((view) => (
            <button
              key={view}
              type="button"
              className="button button--secondary button--small"
              aria-pressed={params.view === view}
              onClick={() => onParamsChange({ ...params, view })}
            >
              {t(`visits.view.${view}`)}
            </button>
          ))}
        </div>
        <PartnershipFilter
          partnerships={partnerships.data ?? []}
          value={params.partnershipId ?? ''}
          onApply={(partnershipId) => onParamsChange({ ...params, partnershipId: partnershipId || undefined })}
        />
      </div>
      {params.view === 'month' ? (
        <MonthView params={params} onParamsChange={onParamsChange} />
      ) : (
        <VisitListView params={params} />
      )}
    </div>
  );
}

/**
 * The month calendar. Without a month in the address it opens on the month of the viewer's next visit
 * (the first upcoming one with dates), not on an empty current month; on the current month when none.
 */
function MonthView({ params, onParamsChange }: VisitListProps) {
  const { t } = useI18n();
  const upcoming = useVisits({ when: 'upcoming', partnershipId: params.partnershipId }, { enabled: !params.month });
  if (!params.month && upcoming.isPending) return <Loading label={t('visits.loading')} />;
  const next = upcoming.data?.pages.flatMap((page) => page.items).find((visit) => visit.startDate);
  return (
    <VisitMonth
      month={params.month ?? next?.startDate?.slice(0, 7)}
      partnershipId={params.partnershipId}
      onMonthChange={(month) => onParamsChange({ ...params, month })}
    />
  );
}

function PartnershipFilter({
  partnerships,
  value,
  onApply,
}: {
  partnerships: MyPartnership[];
  value: string;
  onApply: (partnershipId: string) => void;
}) {
  const { t } = useI18n();
  // Applies as it changes: no Apply button.
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
  }

  return (
    <form className="inline-form visit-filter" aria-label={t('visits.filterLabel')} onSubmit={handleSubmit}>
      <SelectField
        name="partnershipId"
        label={t('visits.filterPartnership')}
        value={value}
        onChange={(event) => onApply(event.target.value)}
      >
        <option value="">{t('visits.allPartnerships')}</option>
        {partnerships.map((partnership) => (
          <option key={partnership.id} value={partnership.id}>
            {partnership.title}
          </option>
        ))}
        {value && !partnerships.some((partnership) => partnership.id === value) ? (
          <option value={value}>{t('visits.thisPartnership')}</option>
        ) : null}
      </SelectField>
    </form>
  );
}

function VisitListView({ params }: { params: VisitListParams }) {
  const { t } = useI18n();
  const headingId = useId();
  const visits = useVisits({ when: params.when, partnershipId: params.partnershipId });
  const items = visits.data?.pages.flatMap((page) => page.items) ?? [];

  let status = '';
  if (visits.isPending) status = t('visits.loading');
  else if (visits.isSuccess) status = t('visits.shown', { count: items.length });

  return (
    <>
      <nav aria-label={t('visits.tabsLabel')} className="tab-nav">
        <ul className="tab-nav__list">
          {(['upcoming', 'past'] as const).map((when) => (
            <li key={when}>
              <Link
                to={visitListHref({ ...params, when })}
                className="tab-nav__link"
                aria-current={params.when === when ? 'page' : undefined}
              >
                {t(`visits.tab.${when}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <StatusMessage>{status}</StatusMessage>
      <section aria-labelledby={headingId}>
        <h2 id={headingId} className="visually-hidden">
          {t(`visits.tab.${params.when}`)}
        </h2>
        {visits.isPending ? (
          <Loading label={t('visits.loading')} />
        ) : visits.isLoadingError ? (
          <LoadError error={visits.error} onRetry={() => void visits.refetch()} />
        ) : items.length === 0 ? (
          <p className="empty">{t(`visits.empty.${params.when}`)}</p>
        ) : (
          <ul className="visit-list">
            {items.map((visit) => (
              <li key={visit.id}>
                <VisitCard visit={visit} />
              </li>
            ))}
          </ul>
        )}
        {visits.hasNextPage ? (
          <p className="directory__more">
            <button
              type="button"
              className="button button--secondary"
              disabled={visits.isFetchingNextPage}
              onClick={() => void visits.fetchNextPage()}
            >
              {visits.isFetchingNextPage ? t('common.loadingMore') : t('visits.loadMore')}
            </button>
          </p>
        ) : null}
      </section>
    </>
  );
}
