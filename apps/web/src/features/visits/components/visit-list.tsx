import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { SelectField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
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
          key={params.partnershipId ?? ''}
          partnerships={partnerships.data ?? []}
          value={params.partnershipId ?? ''}
          onApply={(partnershipId) => onParamsChange({ ...params, partnershipId: partnershipId || undefined })}
        />
      </div>
      {params.view === 'month' ? (
        <VisitMonth
          month={params.month}
          partnershipId={params.partnershipId}
          onMonthChange={(month) => onParamsChange({ ...params, month })}
        />
      ) : (
        <VisitListView params={params} />
      )}
    </div>
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
  const [draft, setDraft] = useState(value);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(draft);
  }

  return (
    <form className="inline-form visit-filter" aria-label={t('visits.filterLabel')} onSubmit={handleSubmit}>
      <SelectField
        name="partnershipId"
        label={t('visits.filterPartnership')}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
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
      <button type="submit" className="button button--secondary">
        {t('visits.applyFilter')}
      </button>
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
          <div className="stack">
            <FormError error={visits.error} />
            <button type="button" className="button" onClick={() => void visits.refetch()}>
              {t('common.retry')}
            </button>
          </div>
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
