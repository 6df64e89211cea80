import { PARTNERSHIP_STATUSES, type PartnershipStatus, type PartnershipSummaryDto } from '@twinning/contracts';
import { useId, type FormEvent } from 'react';
import { Link } from 'react-router';
import { SelectField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { LoadError } from '../../../components/load-error';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { useI18n } from '../../../lib/i18n';
import { usePartnerships } from '../api/get-partnerships';
import type { PartnershipListFilter } from '../api/partnerships.keys';
import { CityStatusBadge, PartnershipStatusBadge } from './partnership-status';
import '../partnerships.css';

export interface MyPartnershipsProps {
  /** The filter in force (from the address). */
  filter: PartnershipListFilter;
  onFilterChange: (filter: PartnershipListFilter) => void;
  /** False when the viewer represents no city yet (the empty state then says how to start). */
  hasCity: boolean;
}

/** The viewer's partnerships, grouped by status, those awaiting their decision marked. */
export function MyPartnerships({ filter, onFilterChange, hasCity }: MyPartnershipsProps) {
  const { t } = useI18n();
  const partnerships = usePartnerships(filter);
  const items = partnerships.data?.pages.flatMap((page) => page.items) ?? [];
  const awaiting = items.filter((item) => item.awaitingMyDecision).length;
  const groups = PARTNERSHIP_STATUSES.map((status) => ({
    status,
    items: items.filter((item) => item.status === status),
  })).filter((group) => group.items.length > 0);

  let status = '';
  if (partnerships.isPending) status = t('partnerships.loading');
  else if (partnerships.isSuccess) status = t('partnerships.shown', { count: items.length });

  return (
    <div className="stack">
      <StatusFilterForm filter={filter} onApply={onFilterChange} />
      <StatusMessage>{status}</StatusMessage>
      {awaiting > 0 ? (
        <p className="notice">
          <strong>{t('partnerships.awaitingSummary', { count: awaiting })}</strong>
        </p>
      ) : null}

      {partnerships.isPending ? (
        <Loading label={t('partnerships.loading')} />
      ) : partnerships.isLoadingError ? (
        <LoadError error={partnerships.error} onRetry={() => void partnerships.refetch()} />
      ) : items.length === 0 ? (
        <EmptyPartnerships filtered={!!filter.status} hasCity={hasCity} onClear={() => onFilterChange({})} />
      ) : (
        groups.map((group) => <PartnershipGroup key={group.status} status={group.status} items={group.items} />)
      )}

      {partnerships.hasNextPage ? (
        <div>
          {partnerships.isFetchNextPageError ? <FormError error={partnerships.error} /> : null}
          <button
            type="button"
            className="button button--secondary"
            disabled={partnerships.isFetchingNextPage}
            onClick={() => void partnerships.fetchNextPage()}
          >
            {partnerships.isFetchingNextPage ? t('common.loadingMore') : t('partnerships.loadMore')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function StatusFilterForm({
  filter,
  onApply,
}: {
  filter: PartnershipListFilter;
  onApply: (filter: PartnershipListFilter) => void;
}) {
  const t = useI18n().t;
  // Applies as it changes: no Apply button.
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
  }

  return (
    <form className="inline-form" aria-label={t('partnerships.filterLabel')} onSubmit={handleSubmit}>
      <SelectField
        name="status"
        label={t('partnerships.statusFilter')}
        value={filter.status ?? ''}
        onChange={(event) => {
          const status = event.target.value as PartnershipStatus | '';
          onApply(status ? { status } : {});
        }}
      >
        <option value="">{t('partnerships.allStatuses')}</option>
        {PARTNERSHIP_STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(`partnerships.status.${value}`)}
          </option>
        ))}
      </SelectField>
    </form>
  );
}

function PartnershipGroup({ status, items }: { status: PartnershipStatus; items: PartnershipSummaryDto[] }) {
  const t = useI18n().t;
  const headingId = useId();
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t(`partnerships.group.${status}`)} <span className="muted">({items.length})</span>
      </h2>
      <ul className="partnership-list" aria-labelledby={headingId}>
        {items.map((partnership) => (
          <PartnershipCard key={partnership.id} partnership={partnership} />
        ))}
      </ul>
    </section>
  );
}

function PartnershipCard({ partnership }: { partnership: PartnershipSummaryDto }) {
  const { t, format } = useI18n();
  return (
    <li className={['partnership-card', partnership.awaitingMyDecision ? 'partnership-card--awaiting' : ''].join(' ')}>
      <h3 className="partnership-card__title">
        <Link to={`/partnerships/${partnership.id}`}>{partnership.title}</Link>
      </h3>
      <p className="partnership-card__status">
        <PartnershipStatusBadge status={partnership.status} />
        {partnership.awaitingMyDecision ? (
          <strong className="badge badge--awaiting">{t('partnerships.awaitingYourDecision')}</strong>
        ) : null}
        {partnership.viewerRole ? (
          <span className="muted">
            {t('partnerships.yourRole', { role: t(`partnerships.role.${partnership.viewerRole}`) })}
          </span>
        ) : null}
      </p>
      <ul className="partnership-card__cities" aria-label={t('partnership.citiesHeading')}>
        {partnership.cities.map((city) => (
          <li key={city.id}>
            {city.name} <CityStatusBadge status={city.status} />
          </li>
        ))}
      </ul>
      {partnership.themes.length > 0 ? (
        <ul className="tags" aria-label={t('partnership.themes')}>
          {partnership.themes.map((theme) => (
            <li key={theme} className="tag">
              {t(`themes.${theme}`)}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="muted partnership-card__updated">
        {t('partnerships.updatedOn', { date: format.date(partnership.updatedAt) })}
      </p>
    </li>
  );
}

function EmptyPartnerships({
  filtered,
  hasCity,
  onClear,
}: {
  filtered: boolean;
  hasCity: boolean;
  onClear: () => void;
}) {
  const t = useI18n().t;
  if (filtered) {
    return (
      <div className="empty">
        <p>{t('partnerships.noneWithStatus')}</p>
        <button type="button" className="button button--secondary" onClick={onClear}>
          {t('partnerships.showAll')}
        </button>
      </div>
    );
  }
  return (
    <div className="empty stack">
      <p>{t('partnerships.emptyIntro')}</p>
      {hasCity ? (
        <>
          <p>{t('partnerships.emptyHow')}</p>
          <p className="button-row">
            <Link to="/partnerships/suggestions" className="button button--link">
              {t('partnerships.findPartners')}
            </Link>
            <Link to="/partnerships/new" className="button button--link button--secondary">
              {t('partnerships.propose')}
            </Link>
          </p>
        </>
      ) : (
        <p>
          {t('partnerships.emptyNoCity')} <Link to="/cities">{t('proposal.findYourCity')}</Link>
        </p>
      )}
    </div>
  );
}
