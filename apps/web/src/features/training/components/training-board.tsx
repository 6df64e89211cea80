import { TRAINING_REQUEST_STATUSES } from '@twinning/contracts';
import { useId, type FormEvent } from 'react';
import { SelectField } from '../../../components/form-field';
import { LoadError } from '../../../components/load-error';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { useI18n } from '../../../lib/i18n';
import { oneOf } from '../../../lib/search-params';
import { useTrainingRequests } from '../api/get-training-requests';
import type { TrainingListParams } from '../training-params';
import { TrainingRequestCard } from './training-request-card';
import '../training.css';

export interface TrainingBoardProps {
  /** The filter in force (from the address). */
  params: TrainingListParams;
  onParamsChange: (params: TrainingListParams) => void;
}

/** The training requests the viewer may see, filtered by state; the filter applies as it changes. */
export function TrainingBoard({ params, onParamsChange }: TrainingBoardProps) {
  const { t } = useI18n();
  const headingId = useId();
  const requests = useTrainingRequests({ status: params.status });
  const items = requests.data?.pages.flatMap((page) => page.items) ?? [];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
  }

  let status = '';
  if (requests.isPending) status = t('training.loading');
  else if (requests.isSuccess) status = t('training.shown', { count: items.length });

  return (
    <div className="stack">
      <form className="inline-form training-filter" aria-label={t('training.filterLabel')} onSubmit={handleSubmit}>
        <SelectField
          name="status"
          label={t('training.filterStatus')}
          value={params.status ?? ''}
          onChange={(event) =>
            onParamsChange({ ...params, status: oneOf(TRAINING_REQUEST_STATUSES, event.target.value) })
          }
        >
          <option value="">{t('training.allStatuses')}</option>
          {TRAINING_REQUEST_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`training.status.${value}`)}
            </option>
          ))}
        </SelectField>
      </form>
      <StatusMessage>{status}</StatusMessage>
      <section aria-labelledby={headingId}>
        <h2 id={headingId} className="visually-hidden">
          {t('training.listHeading')}
        </h2>
        {requests.isPending ? (
          <Loading label={t('training.loading')} />
        ) : requests.isLoadingError ? (
          <LoadError error={requests.error} onRetry={() => void requests.refetch()} />
        ) : items.length === 0 ? (
          <div className="empty">
            <p>{params.status ? t('training.emptyFiltered') : t('training.empty')}</p>
            <p>{t('training.whoCanRequest')}</p>
          </div>
        ) : (
          <ul className="training-list">
            {items.map((request) => (
              <li key={request.id}>
                <TrainingRequestCard request={request} />
              </li>
            ))}
          </ul>
        )}
        {requests.hasNextPage ? (
          <p className="directory__more">
            <button
              type="button"
              className="button button--secondary"
              disabled={requests.isFetchingNextPage}
              onClick={() => void requests.fetchNextPage()}
            >
              {requests.isFetchingNextPage ? t('common.loadingMore') : t('training.loadMore')}
            </button>
          </p>
        ) : null}
      </section>
    </div>
  );
}
