import type { PostDto } from '@twinning/contracts';
import { useId } from 'react';
import { Link } from 'react-router';
import { PersonChip } from '../../../components/person/person-chip';
import { personMeta } from '../../../components/person/person-label';
import { VisuallyHidden } from '../../../components/visually-hidden';
import { useI18n } from '../../../lib/i18n';
import { PostEditor } from './post-editor';

export type PostAction = 'flag' | 'delete' | 'hide' | 'restore' | 'silence' | 'history';

export interface PostItemProps {
  post: PostDto;
  viewerId: string;
  /** The viewer moderates this forum. */
  canModerate: boolean;
  /** The viewer may reply in this thread. */
  canReply: boolean;
  editing: boolean;
  onReply: (post: PostDto) => void;
  onEdit: (post: PostDto) => void;
  onEditDone: (post: PostDto, saved: PostDto | null) => void;
  onAction: (action: PostAction, post: PostDto) => void;
}

/** Element id of a post in the page (the target of `?post=` links). */
export const postElementId = (seq: number) => `post-${seq}`;

function PostBody({ post }: { post: PostDto }) {
  const { t } = useI18n();
  if (post.deleted) return <p className="post__tombstone">{t('post.deleted')}</p>;
  if (post.hidden && post.bodyHtml === null) return <p className="post__tombstone">{t('post.hiddenPlaceholder')}</p>;
  if (post.hidden) {
    return (
      <div className="post__hidden">
        <p className="post__hidden-note">
          <strong>{t('post.hiddenForModerators')}</strong>{' '}
          {post.hiddenReason ? t('post.hiddenReason', { reason: post.hiddenReason }) : null}
        </p>
        <div
          className="post-markdown post__body"
          dir="auto"
          dangerouslySetInnerHTML={{ __html: post.bodyHtml ?? '' }}
        />
      </div>
    );
  }
  return (
    <div className="post-markdown post__body" dir="auto" dangerouslySetInnerHTML={{ __html: post.bodyHtml ?? '' }} />
  );
}

/** One post: author, time, quote, body (or why it is not shown) and what the viewer may do with it. */
export function PostItem({
  post,
  viewerId,
  canModerate,
  canReply,
  editing,
  onReply,
  onEdit,
  onEditDone,
  onAction,
}: PostItemProps) {
  const { t, format } = useI18n();
  const headingId = useId();
  const name = post.author.displayName;
  const vars = { seq: post.seq, name };
  const isAuthor = post.author.id === viewerId;
  const authorMeta = personMeta(t, post.author);
  const removed = post.deleted;
  const className = ['post', post.hidden ? 'post--hidden' : null, removed ? 'post--deleted' : null]
    .filter(Boolean)
    .join(' ');

  return (
    <article
      id={postElementId(post.seq)}
      data-seq={post.seq}
      tabIndex={-1}
      aria-labelledby={headingId}
      className={className}
    >
      <header className="post__header">
        <div className="post__person">
          <h3 id={headingId} className="post__author">
            <PersonChip person={post.author} showMeta={false}>
              <bdi className="post__handle">@{post.author.handle}</bdi>
            </PersonChip>
            <VisuallyHidden>, {t('post.number', { seq: post.seq })}</VisuallyHidden>
          </h3>
          {authorMeta ? (
            <p className="post__person-meta" dir="auto">
              {authorMeta}
            </p>
          ) : null}
        </div>
        <p className="post__meta">
          <Link to={{ search: `?post=${post.seq}` }} aria-label={t('post.permalink', { seq: post.seq })}>
            #{post.seq}
          </Link>
          <span aria-hidden="true"> · </span>
          <time dateTime={post.createdAt}>{format.dateTime(post.createdAt)}</time>
          {post.editedAt && !removed ? (
            <>
              <span aria-hidden="true"> · </span>
              <span className="post__edited" title={format.dateTime(post.editedAt)}>
                {t('post.edited', { count: post.editCount })}
              </span>
            </>
          ) : null}
          {canModerate && post.flagCount > 0 ? (
            <span className="badge badge--warning">{t('post.openFlags', { count: post.flagCount })}</span>
          ) : null}
        </p>
      </header>

      {post.quote && !removed ? (
        <blockquote className="post__quote">
          <p className="post__quote-source">
            <Link to={{ search: `?post=${post.quote.seq}` }}>
              {t('post.quoteSource', { name: post.quote.author.displayName, seq: post.quote.seq })}
            </Link>
          </p>
          {post.quote.excerptHtml ? (
            <div className="post-markdown" dangerouslySetInnerHTML={{ __html: post.quote.excerptHtml }} />
          ) : (
            <p className="muted">{t('post.quoteUnavailable')}</p>
          )}
        </blockquote>
      ) : null}

      {editing ? <PostEditor post={post} onDone={(saved) => onEditDone(post, saved)} /> : <PostBody post={post} />}

      {post.viewer.flagged ? <p className="post__note">{t('post.youFlagged')}</p> : null}

      {!editing && !removed ? (
        <div className="post__actions button-row" role="group" aria-label={t('post.actions', vars)}>
          {canReply && !post.hidden ? (
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={t('post.replyTo', vars)}
              onClick={() => onReply(post)}
            >
              {t('post.reply')}
            </button>
          ) : null}
          {post.viewer.canEdit ? (
            <button
              type="button"
              id={`${postElementId(post.seq)}-edit`}
              className="button button--secondary button--small"
              aria-label={t('post.editPost', vars)}
              onClick={() => onEdit(post)}
            >
              {t('post.edit')}
            </button>
          ) : null}
          {post.editCount > 0 && (isAuthor || canModerate) ? (
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={t('post.historyOf', vars)}
              onClick={() => onAction('history', post)}
            >
              {t('post.history')}
            </button>
          ) : null}
          {post.viewer.canFlag && !post.viewer.flagged ? (
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={t('post.flagPost', vars)}
              onClick={() => onAction('flag', post)}
            >
              {t('post.flag')}
            </button>
          ) : null}
          {post.viewer.canDelete ? (
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={t('post.deletePost', vars)}
              onClick={() => onAction('delete', post)}
            >
              {t('post.delete')}
            </button>
          ) : null}
          {canModerate ? (
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={post.hidden ? t('post.restorePost', vars) : t('post.hidePost', vars)}
              onClick={() => onAction(post.hidden ? 'restore' : 'hide', post)}
            >
              {post.hidden ? t('post.restore') : t('post.hide')}
            </button>
          ) : null}
          {canModerate && !isAuthor ? (
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={t('post.silenceAuthor', vars)}
              onClick={() => onAction('silence', post)}
            >
              {t('post.silence')}
            </button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
