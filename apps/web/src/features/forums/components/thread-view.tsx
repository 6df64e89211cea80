import type { PostDto, ThreadDto } from '@twinning/contracts';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { FormError } from '../../../components/form-error';
import { LoadError } from '../../../components/load-error';
import { Loading } from '../../../components/loading';
import { useI18n } from '../../../lib/i18n';
import { usePosts } from '../api/get-posts';
import { postsOf } from '../api/post-cache';
import { useThreadLiveUpdates } from '../realtime/use-thread-live-updates';
import { DeletePostDialog } from './delete-post-dialog';
import { FlagDialog } from './flag-dialog';
import { LockedIcon, PinnedIcon } from './icons';
import { ModeratePostDialog } from './moderate-post-dialog';
import { NotificationLevelControl } from './notification-level-control';
import { PostItem, postElementId, type PostAction } from './post-item';
import { ReplyComposer } from './reply-composer';
import { RevisionsDialog } from './revisions-dialog';
import { SilenceDialog } from './silence-dialog';
import { ThemeList } from './theme-list';
import { ThreadModeratorTools } from './thread-moderator-tools';
import { useMarkRead } from './use-mark-read';
import '../forums.css';

export interface ThreadViewProps {
  thread: ThreadDto;
  /** `?post=` from the address: the post to show and focus. */
  postParam: number | null;
  /** The signed-in user. */
  viewerId: string;
}

/** A request to move keyboard focus to an element once it is in the page (a new object each time). */
interface FocusRequest {
  id: string;
}

interface Announcement {
  text: string;
  /** Changes with every announcement, so that the same sentence twice is read twice. */
  n: number;
}

/**
 * A thread's posts, in a window that opens at `?post=` or at the first unread post and pages both ways,
 * with everything done to posts (reply with quote, edit, delete, flag, history, moderation), the reply
 * form, the notification level and the moderator tools. New posts arrive live.
 */
export function ThreadView({ thread, postParam, viewerId }: ThreadViewProps) {
  const { t, format } = useI18n();
  const postsHeadingId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);

  // Where the window opens is decided once per thread (later reads must not move it), then follows ?post=.
  const [firstUnread] = useState(thread.firstUnreadSeq);
  const [view, setView] = useState(() => ({ postParam, anchor: postParam ?? firstUnread ?? 1 }));
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(() =>
    postParam !== null || (firstUnread ?? 1) > 1 ? { id: postElementId(postParam ?? firstUnread ?? 1) } : null,
  );
  const [announcement, setAnnouncement] = useState<Announcement>({ text: '', n: 0 });
  const [quote, setQuote] = useState<PostDto | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<{ action: PostAction; post: PostDto } | null>(null);

  const posts = usePosts(thread.id, view.anchor);
  const items = postsOf(posts.data);

  if (view.postParam !== postParam) {
    // The address now points at another post: show it in the current window if it is there, else open
    // a new window at it.
    const loaded = postParam !== null && items.some((post) => post.seq === postParam);
    setView({ postParam, anchor: postParam !== null && !loaded ? postParam : view.anchor });
    if (postParam !== null) setFocusRequest({ id: postElementId(postParam) });
  }

  const announce = useCallback((text: string) => setAnnouncement((previous) => ({ text, n: previous.n + 1 })), []);

  const handleNewPosts = useCallback(
    (added: PostDto[]) => {
      const others = added.filter((post) => post.author.id !== viewerId);
      const first = others[0];
      if (!first) return;
      announce(
        others.length === 1
          ? t('thread.newReplyFrom', { name: first.author.displayName })
          : t('thread.newReplies', { count: others.length }),
      );
    },
    [viewerId, t, announce],
  );
  useThreadLiveUpdates({ threadId: thread.id, anchor: view.anchor, onNewPosts: handleNewPosts });

  useMarkRead(thread.id, thread.lastReadSeq, listRef, items.map((post) => post.seq).join(','));

  // Moves focus (and the view) to the requested element as soon as it is rendered. It waits a tick so
  // that it runs after the layout's own focus move to the page heading.
  const handledFocus = useRef<FocusRequest | null>(null);
  useEffect(() => {
    if (!focusRequest || handledFocus.current === focusRequest) return;
    const element = document.getElementById(focusRequest.id);
    if (!element) return;
    const timer = setTimeout(() => {
      handledFocus.current = focusRequest;
      element.scrollIntoView({ block: 'start' });
      element.focus({ preventScroll: true });
    }, 0);
    return () => clearTimeout(timer);
  }, [focusRequest, posts.data, editingId]);

  const focusPost = (seq: number) => () => document.getElementById(postElementId(seq));
  const closeDialog = () => setDialog(null);

  function handleReply(post: PostDto) {
    setQuote(post);
    const textarea = composerRef.current;
    textarea?.scrollIntoView({ block: 'center' });
    textarea?.focus({ preventScroll: true });
  }

  function handleEditDone(post: PostDto, saved: PostDto | null) {
    setEditingId(null);
    if (saved) announce(t('post.saved', { seq: post.seq }));
    setFocusRequest({ id: `${postElementId(post.seq)}-edit` });
  }

  async function loadEarlier() {
    const result = await posts.fetchPreviousPage();
    const page = result.data?.pages[0]?.items ?? [];
    const last = page[page.length - 1];
    if (last) setFocusRequest({ id: postElementId(last.seq) });
  }

  async function loadLater() {
    const before = items[items.length - 1]?.seq ?? 0;
    const result = await posts.fetchNextPage();
    const next = postsOf(result.data).find((post) => post.seq > before);
    if (next) setFocusRequest({ id: postElementId(next.seq) });
  }

  const { canModerate, canReply } = thread.viewer;

  return (
    <div className="thread">
      <div className="thread__meta">
        {thread.pinned ? (
          <p className="thread__state">
            <PinnedIcon /> {t('thread.pinned')}
          </p>
        ) : null}
        {thread.locked ? (
          <p className="thread__state">
            <LockedIcon /> {t('thread.locked')}
          </p>
        ) : null}
        <ThemeList themes={thread.themes} />
        <p className="muted thread__count">{t('thread.postCount', { count: thread.postCount })}</p>
      </div>

      <p role="status" className="status thread__announcer">
        {announcement.text ? <span key={announcement.n}>{announcement.text}</span> : null}
      </p>

      <section aria-labelledby={postsHeadingId} className="thread__posts">
        <h2 id={postsHeadingId} className="visually-hidden">
          {t('thread.posts')}
        </h2>
        {posts.isPending ? (
          <Loading label={t('thread.loadingPosts')} />
        ) : posts.isLoadingError ? (
          <LoadError error={posts.error} onRetry={() => void posts.refetch()} />
        ) : (
          <>
            {posts.hasPreviousPage ? (
              <p className="thread__more">
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={posts.isFetchingPreviousPage}
                  onClick={() => void loadEarlier()}
                >
                  {posts.isFetchingPreviousPage ? t('common.loadingMore') : t('thread.loadEarlier')}
                </button>
              </p>
            ) : null}
            {posts.isFetchPreviousPageError || posts.isFetchNextPageError ? <FormError error={posts.error} /> : null}
            {items.length === 0 ? (
              <p className="empty">{t('thread.noPosts')}</p>
            ) : (
              <ol ref={listRef} className="post-list">
                {items.map((post) => (
                  <li key={post.id} className="post-list__item">
                    <PostItem
                      post={post}
                      viewerId={viewerId}
                      canModerate={canModerate}
                      canReply={canReply}
                      editing={editingId === post.id}
                      onReply={handleReply}
                      onEdit={(target) => setEditingId(target.id)}
                      onEditDone={handleEditDone}
                      onAction={(action, target) => setDialog({ action, post: target })}
                    />
                  </li>
                ))}
              </ol>
            )}
            {posts.hasNextPage ? (
              <p className="thread__more">
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={posts.isFetchingNextPage}
                  onClick={() => void loadLater()}
                >
                  {posts.isFetchingNextPage ? t('common.loadingMore') : t('thread.loadLater')}
                </button>
              </p>
            ) : null}
          </>
        )}
      </section>

      <ReplyComposer
        thread={thread}
        quote={quote}
        onClearQuote={() => setQuote(null)}
        onPosted={() => announce(t('composer.posted'))}
        textareaRef={composerRef}
      />

      <NotificationLevelControl thread={thread} />
      {canModerate ? <ThreadModeratorTools thread={thread} /> : null}

      {dialog?.action === 'flag' ? (
        <FlagDialog
          post={dialog.post}
          onClose={closeDialog}
          onFlagged={() => {
            closeDialog();
            announce(t('flagPost.thanks'));
          }}
          fallbackFocus={focusPost(dialog.post.seq)}
        />
      ) : null}
      {dialog?.action === 'delete' ? (
        <DeletePostDialog
          post={dialog.post}
          onClose={closeDialog}
          onDeleted={(tombstone) => {
            closeDialog();
            announce(t('post.deletedNotice', { seq: tombstone.seq }));
          }}
          fallbackFocus={focusPost(dialog.post.seq)}
        />
      ) : null}
      {dialog?.action === 'hide' || dialog?.action === 'restore' ? (
        <ModeratePostDialog
          post={dialog.post}
          action={dialog.action}
          onClose={closeDialog}
          onDone={(post) => {
            closeDialog();
            announce(
              post.hidden ? t('post.hiddenNotice', { seq: post.seq }) : t('post.restoredNotice', { seq: post.seq }),
            );
          }}
          fallbackFocus={focusPost(dialog.post.seq)}
        />
      ) : null}
      {dialog?.action === 'silence' ? (
        <SilenceDialog
          forumId={thread.forumId}
          user={dialog.post.author}
          onClose={closeDialog}
          onSilenced={(silence) => {
            closeDialog();
            announce(t('silence.done', { name: silence.user.displayName, until: format.dateTime(silence.until) }));
          }}
          fallbackFocus={focusPost(dialog.post.seq)}
        />
      ) : null}
      {dialog?.action === 'history' ? (
        <RevisionsDialog post={dialog.post} onClose={closeDialog} fallbackFocus={focusPost(dialog.post.seq)} />
      ) : null}
    </div>
  );
}
