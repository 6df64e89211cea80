import type { JoinRequestDto } from '@twinning/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { LoadError } from '../../../components/load-error';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { useI18n } from '../../../lib/i18n';
import { useDecideJoinRequest } from '../api/decide-join-request';
import { useReviewableJoinRequests } from '../api/get-reviewable-join-requests';

export interface PendingJoinRequestsProps {
  /** Called after a decision was recorded (the city's officials changed). */
  onDecided?: (request: JoinRequestDto) => void;
}

type Decision = 'approve' | 'reject';

/** The pending requests the viewer may review, with Approve / Reject for each. */
export function PendingJoinRequests({ onDecided }: PendingJoinRequestsProps) {
  const { t, format } = useI18n();
  const captionId = useId();
  const requests = useReviewableJoinRequests('pending');
  const decide = useDecideJoinRequest();
  const [outcome, setOutcome] = useState('');
  const tableRef = useRef<HTMLTableElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  /** After a row leaves the table, focus goes to this request's first button (or the status). */
  const focusTarget = useRef<string | null | undefined>(undefined);

  const items = requests.data?.pages.flatMap((page) => page.items) ?? [];

  useEffect(() => {
    const target = focusTarget.current;
    if (target === undefined) return;
    focusTarget.current = undefined;
    const button = target
      ? tableRef.current?.querySelector<HTMLButtonElement>(`button[data-request="${target}"]`)
      : null;
    (button ?? statusRef.current)?.focus();
  }, [items.length]);

  function handleDecision(request: JoinRequestDto, decision: Decision) {
    const index = items.findIndex((item) => item.id === request.id);
    focusTarget.current = (items[index + 1] ?? items[index - 1])?.id ?? null;
    setOutcome('');
    const vars = { name: request.user.displayName, city: request.city.name };
    decide.mutate(
      { requestId: request.id, decision },
      {
        onSuccess: (decided) => {
          setOutcome(decision === 'approve' ? t('review.approved', vars) : t('review.rejected', vars));
          onDecided?.(decided);
        },
      },
    );
  }

  if (requests.isPending) return <Loading label={t('review.loading')} />;
  if (requests.isLoadingError) {
    return <LoadError error={requests.error} onRetry={() => void requests.refetch()} />;
  }

  return (
    <div className="stack">
      <div ref={statusRef} tabIndex={-1} className="focus-target">
        <StatusMessage className={outcome ? 'status--success' : undefined}>{outcome}</StatusMessage>
        <FormError error={decide.error} />
      </div>
      {items.length === 0 ? (
        <p className="empty">{t('review.empty')}</p>
      ) : (
        <table ref={tableRef} className="table table--stack" aria-labelledby={captionId}>
          <caption id={captionId}>{t('review.caption', { count: items.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('review.person')}</th>
              <th scope="col">{t('auth.email')}</th>
              <th scope="col">{t('review.city')}</th>
              <th scope="col">{t('review.message')}</th>
              <th scope="col">{t('review.requested')}</th>
              <th scope="col">{t('review.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((request) => {
              const name = request.user.displayName;
              return (
                <tr key={request.id}>
                  <th scope="row" data-label={t('review.person')}>
                    {name}
                  </th>
                  <td data-label={t('auth.email')}>
                    <a href={`mailto:${request.user.email}`}>{request.user.email}</a>
                  </td>
                  <td data-label={t('review.city')}>
                    <Link to={`/cities/${request.city.slug}`}>{request.city.name}</Link>
                  </td>
                  <td data-label={t('review.message')} className="table__message">
                    {request.message ? (
                      <span dir="auto">{request.message}</span>
                    ) : (
                      <span className="muted">{t('review.noMessage')}</span>
                    )}
                  </td>
                  <td data-label={t('review.requested')}>
                    <time dateTime={request.createdAt}>{format.dateTime(request.createdAt)}</time>
                  </td>
                  <td data-label={t('review.actions')}>
                    <div className="button-row">
                      <button
                        type="button"
                        className="button button--small"
                        data-request={request.id}
                        disabled={decide.isPending}
                        aria-label={t('review.approveUser', { name })}
                        onClick={() => handleDecision(request, 'approve')}
                      >
                        {t('review.approve')}
                      </button>
                      <button
                        type="button"
                        className="button button--danger button--small"
                        disabled={decide.isPending}
                        aria-label={t('review.rejectUser', { name })}
                        onClick={() => handleDecision(request, 'reject')}
                      >
                        {t('review.reject')}
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {requests.hasNextPage ? (
        <div>
          {requests.isFetchNextPageError ? <FormError error={requests.error} /> : null}
          <button
            type="button"
            className="button button--secondary"
            disabled={requests.isFetchingNextPage}
            onClick={() => void requests.fetchNextPage()}
          >
            {requests.isFetchingNextPage ? t('common.loadingMore') : t('review.loadMore')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
