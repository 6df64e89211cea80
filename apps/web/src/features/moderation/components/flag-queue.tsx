import { FLAG_STATUSES, MODERATION_REASON_MAX_LENGTH, type FlagDto, type FlagStatus } from '@twinning/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Fact } from '../../../components/fact';
import { TextAreaField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { LoadError } from '../../../components/load-error';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { useI18n } from '../../../lib/i18n';
import { useFlags } from '../api/get-flags';
import { useResolveFlag } from '../api/resolve-flag';
import { forumName } from '../../../lib/forum-label';
import '../moderation.css';

type Decision = 'uphold' | 'dismiss';

interface FlagCardProps {
  flag: FlagDto;
  reason: string;
  onReasonChange: (reason: string) => void;
  onDecide: (flag: FlagDto, decision: Decision) => void;
  deciding: boolean;
}

function FlagCard({ flag, reason, onReasonChange, onDecide, deciding }: FlagCardProps) {
  const { t, format } = useI18n();
  const headingId = useId();
  const vars = { seq: flag.post.seq, thread: flag.thread.title };
  const threadLink = `/threads/${encodeURIComponent(flag.thread.id)}?post=${flag.post.seq}`;

  return (
    <article className="flag-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="flag-card__title" dir="auto">
        {t('modQueue.flagTitle', vars)}
      </h3>
      <dl className="facts facts--compact">
        <Fact label={t('modQueue.reason')}>{t(`flagPost.reasons.${flag.reason}`)}</Fact>
        <Fact label={t('modQueue.reporter')}>
          {flag.reporter.displayName} · <time dateTime={flag.createdAt}>{format.dateTime(flag.createdAt)}</time>
        </Fact>
        <div className="facts__row">
          <dt>{t('modQueue.note')}</dt>
          <dd dir="auto">{flag.note ? flag.note : <span className="muted">{t('modQueue.noNote')}</span>}</dd>
        </div>
        <Fact label={t('modQueue.author')}>{flag.post.author.displayName}</Fact>
        <Fact label={t('modQueue.forum')}>
          <Link to={`/forums/${encodeURIComponent(flag.forum.id)}`}>{forumName(t, flag.forum)}</Link>
        </Fact>
        {flag.status === 'open' && flag.post.openFlagCount > 1 ? (
          <Fact label={t('modQueue.openFlags')}>{format.number(flag.post.openFlagCount)}</Fact>
        ) : null}
        {flag.resolvedAt ? (
          <Fact label={t('modQueue.resolved')}>
            {flag.resolvedBy ? `${flag.resolvedBy.displayName} · ` : null}
            <time dateTime={flag.resolvedAt}>{format.dateTime(flag.resolvedAt)}</time>
          </Fact>
        ) : null}
      </dl>
      <div className="flag-card__post">
        <p className="flag-card__post-label">{t('modQueue.excerpt')}</p>
        {flag.post.deleted ? (
          <p className="post__tombstone">{t('post.deleted')}</p>
        ) : flag.post.bodyHtml !== null ? (
          <blockquote className="flag-card__excerpt">
            {flag.post.hidden ? <p className="post__hidden-note">{t('modQueue.postHidden')}</p> : null}
            <div className="post-markdown" dangerouslySetInnerHTML={{ __html: flag.post.bodyHtml }} />
          </blockquote>
        ) : (
          <p className="post__tombstone">{t('post.hiddenPlaceholder')}</p>
        )}
        <p>
          <Link to={threadLink}>{t('modQueue.viewInThread', vars)}</Link>
        </p>
      </div>
      {flag.status === 'open' ? (
        <div className="flag-card__decision">
          <TextAreaField
            name={`reason-${flag.id}`}
            rows={2}
            maxLength={MODERATION_REASON_MAX_LENGTH}
            label={t('modQueue.decisionReason')}
            hint={t('forums.reasonAuditHint')}
            value={reason}
            onChange={(event) => onReasonChange(event.target.value)}
          />
          <div className="button-row">
            <button
              type="button"
              className="button button--danger button--small"
              data-flag={flag.id}
              disabled={deciding}
              aria-label={t('modQueue.upholdFor', vars)}
              onClick={() => onDecide(flag, 'uphold')}
            >
              {t('modQueue.uphold')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={deciding}
              aria-label={t('modQueue.dismissFor', vars)}
              onClick={() => onDecide(flag, 'dismiss')}
            >
              {t('modQueue.dismiss')}
            </button>
          </div>
        </div>
      ) : null}
    </article>
  );
}

export interface FlagQueueProps {
  status: FlagStatus;
  /** Called after a decision (the post may now be hidden: forum pages should reload). */
  onResolved?: (flag: FlagDto) => void;
}

/** The moderation queue: flags by status, each with its post, and Uphold / Dismiss for open ones. */
export function FlagQueue({ status, onResolved }: FlagQueueProps) {
  const { t } = useI18n();
  const headingId = useId();
  const flags = useFlags(status);
  const resolve = useResolveFlag();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState('');
  const listRef = useRef<HTMLUListElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  /** After a flag leaves the list, focus goes to this flag's first button (or the status). */
  const focusTarget = useRef<string | null | undefined>(undefined);

  const items = flags.data?.pages.flatMap((page) => page.items) ?? [];

  useEffect(() => {
    const target = focusTarget.current;
    if (target === undefined) return;
    focusTarget.current = undefined;
    const button = target ? listRef.current?.querySelector<HTMLButtonElement>(`button[data-flag="${target}"]`) : null;
    (button ?? statusRef.current)?.focus();
  }, [items.length]);

  function handleDecide(flag: FlagDto, decision: Decision) {
    const leaving = (item: FlagDto) => item.id === flag.id || (decision === 'uphold' && item.post.id === flag.post.id);
    const index = items.findIndex((item) => item.id === flag.id);
    const next = [...items.slice(index + 1), ...items.slice(0, index).reverse()].find((item) => !leaving(item));
    focusTarget.current = next?.id ?? null;
    setOutcome('');
    const reason = reasons[flag.id]?.trim();
    resolve.mutate(
      { flagId: flag.id, postId: flag.post.id, decision, reason: reason || undefined },
      {
        onSuccess: (resolved) => {
          const vars = { seq: flag.post.seq, thread: flag.thread.title };
          setOutcome(decision === 'uphold' ? t('modQueue.upheld', vars) : t('modQueue.dismissed', vars));
          onResolved?.(resolved);
        },
        onError: () => {
          focusTarget.current = undefined;
          statusRef.current?.focus();
        },
      },
    );
  }

  return (
    <div className="stack">
      <nav aria-label={t('modQueue.statusNav')} className="tab-nav">
        <ul className="tab-nav__list">
          {FLAG_STATUSES.map((value) => (
            <li key={value}>
              <Link
                to={{ search: `?status=${value}` }}
                className="tab-nav__link"
                aria-current={value === status ? 'page' : undefined}
              >
                {t(`modQueue.status.${value}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div ref={statusRef} tabIndex={-1} className="focus-target">
        <StatusMessage className={outcome ? 'status--success' : undefined}>{outcome}</StatusMessage>
        <FormError error={resolve.error} />
      </div>
      <section aria-labelledby={headingId}>
        <h2 id={headingId}>{t(`modQueue.heading.${status}`)}</h2>
        {flags.isPending ? (
          <Loading label={t('modQueue.loading')} />
        ) : flags.isLoadingError ? (
          <LoadError error={flags.error} onRetry={() => void flags.refetch()} />
        ) : items.length === 0 ? (
          <p className="empty">{t(`modQueue.empty.${status}`)}</p>
        ) : (
          <ul ref={listRef} className="flag-list" aria-labelledby={headingId}>
            {items.map((flag) => (
              <li key={flag.id}>
                <FlagCard
                  flag={flag}
                  reason={reasons[flag.id] ?? ''}
                  onReasonChange={(reason) => setReasons((current) => ({ ...current, [flag.id]: reason }))}
                  onDecide={handleDecide}
                  deciding={resolve.isPending}
                />
              </li>
            ))}
          </ul>
        )}
        {flags.hasNextPage ? (
          <div className="forum-more">
            {flags.isFetchNextPageError ? <FormError error={flags.error} /> : null}
            <button
              type="button"
              className="button button--secondary"
              disabled={flags.isFetchingNextPage}
              onClick={() => void flags.fetchNextPage()}
            >
              {flags.isFetchingNextPage ? t('common.loadingMore') : t('modQueue.loadMore')}
            </button>
          </div>
        ) : null}
      </section>
    </div>
  );
}
