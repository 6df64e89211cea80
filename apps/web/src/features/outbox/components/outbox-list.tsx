import type { OutboxMailDto } from '@twinning/contracts';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { TextField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { StatusMessage } from '../../../components/status-message';
import { useI18n } from '../../../lib/i18n';
import { useOutbox } from '../api/get-outbox';
import '../outbox.css';

/**
 * Every mail this server wrote, newest first, each linking to its detail. `to` filters by recipient
 * (kept in the address bar by the route, so a filtered list can be shared).
 */
export function OutboxList({ to, onFilter }: { to: string; onFilter: (to: string) => void }) {
  const { t } = useI18n();
  const captionId = useId();
  const [draft, setDraft] = useState(to);
  const outbox = useOutbox(to);
  const items = outbox.data?.pages.flatMap((page) => page.items) ?? [];

  function handleFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onFilter(draft.trim());
  }

  let status = '';
  if (outbox.isPending) status = t('common.loading');
  else if (outbox.isSuccess) status = t('outbox.shown', { count: items.length });

  return (
    <div className="stack">
      <form
        role="search"
        aria-label={t('outbox.filterLabel')}
        className="inline-form inline-form--search"
        onSubmit={handleFilter}
      >
        <TextField
          name="to"
          type="search"
          inputMode="email"
          autoComplete="off"
          maxLength={254}
          label={t('outbox.filterLabel')}
          hint={t('outbox.filterHint')}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="button">
          {t('outbox.filter')}
        </button>
        {to ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setDraft('');
              onFilter('');
            }}
          >
            {t('outbox.showAll')}
          </button>
        ) : null}
      </form>
      <StatusMessage>{status}</StatusMessage>
      {outbox.isLoadingError ? <FormError error={outbox.error} /> : null}
      {outbox.isSuccess && items.length === 0 ? (
        to ? (
          <p className="empty">{t('outbox.emptyFiltered', { to })}</p>
        ) : (
          <div className="empty">
            <p>{t('outbox.empty')}</p>
            <ul>
              <li>{t('outbox.emptyRegister')}</li>
              <li>{t('outbox.emptyReply')}</li>
              <li>{t('outbox.emptyVisit')}</li>
            </ul>
          </div>
        )
      ) : null}
      {items.length > 0 ? (
        <table className="table table--stack outbox__table" aria-labelledby={captionId}>
          <caption id={captionId}>{t('outbox.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('outbox.subject')}</th>
              <th scope="col">{t('outbox.to')}</th>
              <th scope="col">{t('outbox.time')}</th>
              <th scope="col">{t('outbox.status')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((mail) => (
              <OutboxRow key={mail.id} mail={mail} />
            ))}
          </tbody>
        </table>
      ) : null}
      {outbox.hasNextPage ? (
        <div>
          {outbox.isFetchNextPageError ? <FormError error={outbox.error} /> : null}
          <button
            type="button"
            className="button button--secondary"
            disabled={outbox.isFetchingNextPage}
            onClick={() => void outbox.fetchNextPage()}
          >
            {outbox.isFetchingNextPage ? t('common.loadingMore') : t('outbox.loadMore')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

const STATUS_BADGE: Partial<Record<OutboxMailDto['status'], string>> = {
  sent: 'badge--approved',
  failed: 'badge--rejected',
  suppressed: 'badge--rejected',
};

function OutboxRow({ mail }: { mail: OutboxMailDto }) {
  const { t, format } = useI18n();
  return (
    <tr>
      <th scope="row" data-label={t('outbox.subject')}>
        <Link to={`/dev/outbox/${mail.id}`}>
          <bdi>{mail.subject}</bdi>
        </Link>
      </th>
      <td data-label={t('outbox.to')}>
        <bdi dir="ltr" className="outbox__address">
          {mail.to}
        </bdi>
      </td>
      <td data-label={t('outbox.time')}>
        <time dateTime={mail.createdAt}>{format.dateTime(mail.createdAt)}</time>
      </td>
      <td data-label={t('outbox.status')}>
        <span className={['badge', STATUS_BADGE[mail.status]].filter(Boolean).join(' ')}>
          {t(`outbox.statuses.${mail.status}`)}
        </span>
      </td>
    </tr>
  );
}
