import type { PostDto, ThreadDto } from '@twinning/contracts';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { installDialogPolyfill } from '../../../test/dialog-polyfill';
import { makeAuth, makeAuthor, makeMe, makePost, makePostPage, makeThread } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch, type RecordedRequest } from '../../../test/test-utils';

const realtime = vi.hoisted(() => ({
  handlers: new Map<string, (payload: unknown) => void>(),
  threads: [] as (string | undefined)[],
}));

vi.mock('../../../lib/realtime', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/realtime')>()),
  useRealtimeEvent: (event: string, handler: (payload: unknown) => void) => {
    realtime.handlers.set(event, handler);
  },
  useThreadSubscription: (threadId: string | undefined) => {
    realtime.threads.push(threadId);
  },
  useForumSubscription: () => undefined,
  onRealtimeReconnect: () => () => undefined,
}));

const me = makeMe();
const li = makeAuthor();
const minh = makeAuthor({ id: 'user-minh', displayName: 'Minh Tran', handle: 'minh' });

interface ServerState {
  thread: ThreadDto;
  posts: PostDto[];
}

/** A small thread API over `state`: posts are paged by number like the real one (20 a page). */
function stubThreadApi(state: ServerState, extra?: (request: RecordedRequest) => Response | undefined) {
  return stubFetch((request) => {
    const { url, method } = request;
    const handled = extra?.(request);
    if (handled) return handled;
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
    if (url.pathname === '/api/threads/thread-1' && method === 'GET') return jsonResponse(state.thread);
    if (url.pathname === '/api/threads/thread-1/posts' && method === 'GET') {
      const after = url.searchParams.get('afterSeq');
      const before = url.searchParams.get('beforeSeq');
      const limit = Number(url.searchParams.get('limit') ?? 20);
      let items = state.posts;
      if (after !== null) items = items.filter((post) => post.seq > Number(after)).slice(0, limit);
      else if (before !== null) items = items.filter((post) => post.seq < Number(before)).slice(-limit);
      else items = items.slice(0, limit);
      const first = items[0]?.seq ?? 1;
      const last = items[items.length - 1]?.seq ?? 0;
      const maxSeq = state.posts[state.posts.length - 1]?.seq ?? 0;
      return jsonResponse(
        makePostPage(items, {
          nextAfterSeq: last < maxSeq ? last : null,
          prevBeforeSeq: first > 1 ? first : null,
        }),
      );
    }
    if (url.pathname === '/api/threads/thread-1/read' && method === 'PUT') return jsonResponse(undefined, 204);
    return apiError(404, 'NOT_FOUND');
  });
}

beforeAll(() => installDialogPolyfill());

beforeEach(() => {
  realtime.handlers.clear();
  realtime.threads.length = 0;
});

describe('Thread page', () => {
  it('shows posts, tombstones, hidden posts and quotes, and marks what was shown as read', async () => {
    const state: ServerState = {
      thread: makeThread({ lastSeq: 4, postCount: 4, lastReadSeq: 0, unreadCount: 4, firstUnreadSeq: 1 }),
      posts: [
        makePost(1, { author: li }),
        makePost(2, { deleted: true, body: null, bodyHtml: null }),
        makePost(3, { hidden: true, body: null, bodyHtml: null }),
        makePost(4, {
          author: minh,
          bodyHtml: '<p>I agree.</p>',
          quote: { id: 'post-1', seq: 1, author: li, excerptHtml: '<p>Post number 1.</p>' },
          editedAt: '2026-02-01T16:00:00.000Z',
          editCount: 2,
        }),
      ],
    };
    const { requests } = stubThreadApi(state);
    renderApp({ path: '/threads/thread-1' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Welcoming newcomers at city hall' })).toBeVisible();
    const first = await screen.findByRole('article', { name: /Li Wei @li_wei, post 1/ });
    expect(first).toHaveAttribute('id', 'post-1');
    expect(within(first).getByText('Post number 1.')).toBeInTheDocument();

    const deleted = screen.getByRole('article', { name: /post 2$/ });
    expect(within(deleted).getByText('This post was deleted.')).toBeInTheDocument();
    // no actions on a deleted post: its only button opens the author's card
    expect(within(deleted).getAllByRole('button')).toEqual([within(deleted).getByRole('button', { name: 'Li Wei' })]);

    const hidden = screen.getByRole('article', { name: /post 3$/ });
    expect(within(hidden).getByText('This post was hidden by a moderator.')).toBeInTheDocument();

    const reply = screen.getByRole('article', { name: /Minh Tran @minh, post 4/ });
    const quoteLink = within(reply).getByRole('link', { name: 'Li Wei wrote in post 1:' });
    expect(quoteLink).toHaveAttribute('href', '/threads/thread-1?post=1');
    expect(within(reply).getByText('Edited (2 revisions)')).toBeInTheDocument();
    expect(within(reply).getByRole('link', { name: 'Link to post 4' })).toHaveAttribute(
      'href',
      '/threads/thread-1?post=4',
    );

    // The composer is labelled and ready.
    expect(screen.getByRole('textbox', { name: 'Reply' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Post reply' })).toBeEnabled();
    expect(realtime.threads).toContain('thread-1');

    await waitFor(() => expect(requests.some((r) => r.url.pathname === '/api/threads/thread-1/read')).toBe(true));
    expect(requests.find((r) => r.url.pathname === '/api/threads/thread-1/read')?.body).toEqual({ lastReadSeq: 4 });
  });

  it('shows moderators the hidden body with its reason, and their tools', async () => {
    const state: ServerState = {
      thread: makeThread({
        lastSeq: 1,
        postCount: 1,
        viewer: { canReply: true, canModerate: true, silencedUntil: null },
      }),
      posts: [makePost(1, { author: li, hidden: true, hiddenReason: 'Advertising', flagCount: 2 })],
    };
    stubThreadApi(state);
    renderApp({ path: '/threads/thread-1' });

    const post = await screen.findByRole('article', { name: /post 1$/ });
    expect(within(post).getByText('Hidden by a moderator; only moderators see it.')).toBeInTheDocument();
    expect(within(post).getByText('Reason: Advertising')).toBeInTheDocument();
    expect(within(post).getByText('Post number 1.')).toBeInTheDocument();
    expect(within(post).getByText('2 open flags')).toBeInTheDocument();
    expect(within(post).getByRole('button', { name: 'Restore post 1 by Li Wei' })).toBeInTheDocument();
    expect(within(post).getByRole('button', { name: 'Silence Li Wei, author of post 1, in this forum' })).toBeVisible();
    expect(screen.getByRole('heading', { level: 2, name: 'Moderator tools' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Lock thread' })).toBeInTheDocument();
  });

  it('opens at the first unread post, focuses it and offers the earlier ones', async () => {
    const state: ServerState = {
      thread: makeThread({ lastSeq: 4, postCount: 4, lastReadSeq: 2, unreadCount: 2, firstUnreadSeq: 3 }),
      posts: [1, 2, 3, 4].map((seq) => makePost(seq)),
    };
    const { requests } = stubThreadApi(state);
    renderApp({ path: '/threads/thread-1' });

    const unread = await screen.findByRole('article', { name: /post 3$/ });
    await waitFor(() => expect(unread).toHaveFocus());
    expect(screen.queryByRole('article', { name: /post 2$/ })).not.toBeInTheDocument();
    const window = requests.find((r) => r.url.pathname === '/api/threads/thread-1/posts');
    expect(window?.url.searchParams.get('afterSeq')).toBe('2');

    await userEvent.setup().click(screen.getByRole('button', { name: 'Load earlier posts' }));
    const earlier = await screen.findByRole('article', { name: /post 2$/ });
    await waitFor(() => expect(earlier).toHaveFocus());
    expect(screen.getByRole('article', { name: /post 1$/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load earlier posts' })).not.toBeInTheDocument();
  });

  it('jumps to the post named in the address', async () => {
    const state: ServerState = {
      thread: makeThread({ lastSeq: 3, postCount: 3 }),
      posts: [1, 2, 3].map((seq) => makePost(seq)),
    };
    const { requests } = stubThreadApi(state);
    renderApp({ path: '/threads/thread-1?post=2' });

    const target = await screen.findByRole('article', { name: /post 2$/ });
    await waitFor(() => expect(target).toHaveFocus());
    const window = requests.find((r) => r.url.pathname === '/api/threads/thread-1/posts');
    expect(window?.url.searchParams.get('afterSeq')).toBe('1');
  });

  it('appends a new post when the thread changes, and announces it', async () => {
    const state: ServerState = {
      thread: makeThread({ lastSeq: 2, postCount: 2, lastReadSeq: 2 }),
      posts: [makePost(1), makePost(2)],
    };
    const { requests } = stubThreadApi(state);
    renderApp({ path: '/threads/thread-1' });
    await screen.findByRole('article', { name: /post 2$/ });
    const threadLoads = () => requests.filter((r) => r.url.pathname === '/api/threads/thread-1').length;
    const loadsBefore = threadLoads();

    state.posts = [...state.posts, makePost(3, { author: minh, bodyHtml: '<p>Count me in.</p>' })];
    state.thread = { ...state.thread, lastSeq: 3, postCount: 3 };
    const handler = realtime.handlers.get('thread.changed');
    expect(handler).toBeDefined();
    act(() =>
      handler?.({
        threadId: 'thread-1',
        forumId: 'forum-integration',
        change: 'post.created',
        lastSeq: 3,
        postId: 'post-3',
      }),
    );

    const added = await screen.findByRole('article', { name: /Minh Tran @minh, post 3/ });
    expect(within(added).getByText('Count me in.')).toBeInTheDocument();
    expect(await screen.findByText('New reply from Minh Tran')).toBeInTheDocument();
    const fetched = requests.filter((r) => r.url.pathname === '/api/threads/thread-1/posts');
    expect(fetched[fetched.length - 1]?.url.searchParams.get('afterSeq')).toBe('2');
    // The earlier posts stay in place (no reload), and the thread itself is fetched again.
    expect(screen.getAllByRole('article')).toHaveLength(3);
    await waitFor(() => expect(threadLoads()).toBeGreaterThan(loadsBefore));

    // Events about other threads are ignored.
    act(() =>
      handler?.({
        threadId: 'thread-9',
        forumId: 'forum-integration',
        change: 'post.created',
        lastSeq: 7,
        postId: null,
      }),
    );
    expect(screen.getAllByRole('article')).toHaveLength(3);
  });

  it('flags a post through a dialog that keeps and returns focus', async () => {
    const state: ServerState = { thread: makeThread({ lastSeq: 1, postCount: 1 }), posts: [makePost(1)] };
    const { requests } = stubThreadApi(state, ({ url, method }) =>
      url.pathname === '/api/posts/post-1/flags' && method === 'POST' ? jsonResponse(undefined, 204) : undefined,
    );
    renderApp({ path: '/threads/thread-1' });
    const user = userEvent.setup();
    const flagButton = await screen.findByRole('button', { name: 'Flag post 1 by Li Wei' });

    // Cancel gives focus back to the button that opened the dialog.
    await user.click(flagButton);
    let dialog = screen.getByRole('dialog', { name: 'Flag post 1 by Li Wei' });
    expect(within(dialog).getByRole('radio', { name: 'Spam' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(flagButton).toHaveFocus();

    await user.click(flagButton);
    dialog = screen.getByRole('dialog', { name: 'Flag post 1 by Li Wei' });
    const reasons = within(dialog).getByRole('group', { name: 'Reason' });
    expect(within(reasons).getAllByRole('radio')).toHaveLength(5);
    await user.click(within(dialog).getByRole('button', { name: 'Send flag' }));
    expect(within(dialog).getByText('Choose a reason.')).toBeInTheDocument();
    expect(requests.some((r) => r.url.pathname === '/api/posts/post-1/flags')).toBe(false);

    await user.click(within(dialog).getByRole('radio', { name: 'Abusive or disrespectful' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Note for the moderators (optional)' }), 'Rude.');
    await user.click(within(dialog).getByRole('button', { name: 'Send flag' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requests.find((r) => r.url.pathname === '/api/posts/post-1/flags')?.body).toEqual({
      reason: 'abusive',
      note: 'Rude.',
    });
    expect(screen.getByText('Thank you. The moderators will review this post.')).toBeInTheDocument();
    const post = screen.getByRole('article', { name: /post 1$/ });
    expect(within(post).getByText('You flagged this post. Moderators will review it.')).toBeInTheDocument();
    // The Flag button is gone, so focus lands on the post itself.
    expect(within(post).queryByRole('button', { name: /Flag/ })).not.toBeInTheDocument();
    expect(post).toHaveFocus();
  });

  it('explains why the composer is disabled while the viewer is silenced', async () => {
    const state: ServerState = {
      thread: makeThread({
        lastSeq: 1,
        postCount: 1,
        viewer: { canReply: false, canModerate: false, silencedUntil: '2026-02-03T15:30:00.000Z' },
      }),
      posts: [makePost(1)],
    };
    stubThreadApi(state);
    renderApp({ path: '/threads/thread-1' });

    const textarea = await screen.findByRole('textbox', { name: 'Reply' });
    expect(textarea).toBeDisabled();
    expect(textarea).toHaveAccessibleDescription(
      expect.stringContaining('A moderator has silenced you in this forum until Feb 3, 2026, 10:30 AM.'),
    );
    expect(screen.getByRole('button', { name: 'Post reply' })).toBeDisabled();
  });
});
