import { AUDIT_ACTIONS, type AuditAction, type AuditEntryDto } from '@twinning/contracts';
import { useId, useState, type FormEvent, type MouseEvent } from 'react';
import { Link } from 'react-router';
import { SelectField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { LoadError } from '../../../components/load-error';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { useI18n, type Translate } from '../../../lib/i18n';
import { AUDIT_CSV_PATH, useDownloadAuditCsv } from '../api/download-audit-csv';
import { useAuditLog } from '../api/get-audit-log';
import type { AuditFilters } from '../api/moderation.keys';
import { forumName } from '../../../lib/forum-label';
import '../moderation.css';

/** What an entry acted on, in the reader's language where the API gives its parts (posts, flags). */
export function auditTargetText(t: Translate, target: AuditEntryDto['target']): string {
  if (!target.post) return target.label;
  const { seq, threadTitle, authorName } = target.post;
  const post = authorName
    ? t('modAudit.postRefBy', { seq, thread: threadTitle, author: authorName })
    : t('modAudit.postRef', { seq, thread: threadTitle });
  return target.flagReason ? t('modAudit.flagRef', { reason: t(`flagPost.reasons.${target.flagReason}`), post }) : post;
}

/** Why, in the reader's language when the reason was written by Twinning itself (a flag upheld). */
export function auditReasonText(t: Translate, entry: Pick<AuditEntryDto, 'reason' | 'reasonFlagged'>): string {
  return entry.reasonFlagged
    ? t('modAudit.reasonFlagged', { reason: t(`flagPost.reasons.${entry.reasonFlagged}`) })
    : entry.reason;
}

export interface AuditLogProps {
  /** The filters in force (from the URL). Remount with a new `key` when they change from outside. */
  filters: AuditFilters;
  onFiltersChange: (filters: AuditFilters) => void;
}

/** Every moderation action, newest first, with an action filter and a CSV export (admins). */
export function AuditLog({ filters, onFiltersChange }: AuditLogProps) {
  const { t, format } = useI18n();
  const captionId = useId();
  const log = useAuditLog(filters);
  const download = useDownloadAuditCsv();
  const [downloaded, setDownloaded] = useState('');
  const items = log.data?.pages.flatMap((page) => page.items) ?? [];

  // The filter applies as it changes: no Apply button.
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
  }

  function handleExport(event: MouseEvent<HTMLAnchorElement>) {
    // The file needs the access token, which must not go in the address: fetch it, then save it.
    event.preventDefault();
    if (download.isPending) return;
    setDownloaded('');
    download.mutate(filters, { onSuccess: () => setDownloaded(t('modAudit.exported')) });
  }

  const csvParams = new URLSearchParams();
  if (filters.action) csvParams.set('action', filters.action);
  if (filters.actorId) csvParams.set('actorId', filters.actorId);
  const csvHref = csvParams.size > 0 ? `${AUDIT_CSV_PATH}?${csvParams.toString()}` : AUDIT_CSV_PATH;

  return (
    <div className="stack">
      <div className="audit-toolbar">
        <form className="inline-form" aria-label={t('modAudit.filterLabel')} onSubmit={handleSubmit}>
          <SelectField
            name="action"
            label={t('modAudit.action')}
            value={filters.action ?? ''}
            onChange={(event) =>
              onFiltersChange({ ...filters, action: (event.target.value as AuditAction | '') || undefined })
            }
          >
            <option value="">{t('modAudit.allActions')}</option>
            {AUDIT_ACTIONS.map((value) => (
              <option key={value} value={value}>
                {t(`modAudit.actions.${value}`)}
              </option>
            ))}
          </SelectField>
        </form>
        <a
          href={csvHref}
          className="button button--link button--secondary"
          aria-disabled={download.isPending || undefined}
          onClick={handleExport}
        >
          {download.isPending ? t('modAudit.exporting') : t('modAudit.export')}
        </a>
      </div>
      <StatusMessage className={downloaded ? 'status--success' : undefined}>{downloaded}</StatusMessage>
      <FormError error={download.error} />
      {log.isPending ? (
        <Loading label={t('modAudit.loading')} />
      ) : log.isLoadingError ? (
        <LoadError error={log.error} onRetry={() => void log.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty">{t('modAudit.empty')}</p>
      ) : (
        <table className="table table--stack" aria-labelledby={captionId}>
          <caption id={captionId}>{t('modAudit.caption', { count: items.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('modAudit.time')}</th>
              <th scope="col">{t('modAudit.actor')}</th>
              <th scope="col">{t('modAudit.action')}</th>
              <th scope="col">{t('modAudit.target')}</th>
              <th scope="col">{t('modAudit.forum')}</th>
              <th scope="col">{t('modAudit.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <tr key={entry.id}>
                <td data-label={t('modAudit.time')} className="audit-log__time">
                  <time dateTime={entry.createdAt}>{format.dateTime(entry.createdAt)}</time>
                </td>
                <td data-label={t('modAudit.actor')}>{entry.actor.displayName}</td>
                <td data-label={t('modAudit.action')}>{t(`modAudit.actions.${entry.action}`)}</td>
                <td data-label={t('modAudit.target')} dir="auto">
                  <span className="muted">{t(`modAudit.targets.${entry.target.type}`)}</span>{' '}
                  {auditTargetText(t, entry.target)}
                </td>
                <td data-label={t('modAudit.forum')}>
                  {entry.forum ? (
                    <Link to={`/forums/${encodeURIComponent(entry.forum.id)}`}>{forumName(t, entry.forum)}</Link>
                  ) : (
                    <span className="muted">{t('modAudit.noForum')}</span>
                  )}
                </td>
                <td data-label={t('modAudit.reason')} className="table__message" dir="auto">
                  {auditReasonText(t, entry) || <span className="muted">{t('modAudit.noReason')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {log.hasNextPage ? (
        <div className="forum-more">
          {log.isFetchNextPageError ? <FormError error={log.error} /> : null}
          <button
            type="button"
            className="button button--secondary"
            disabled={log.isFetchingNextPage}
            onClick={() => void log.fetchNextPage()}
          >
            {log.isFetchingNextPage ? t('common.loadingMore') : t('modAudit.loadMore')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
