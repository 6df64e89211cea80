import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeAuth, makeForum, makeForumSummary, makeMe, makeSilence, makeThreadSummary } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

const realtime = vi.hoisted(() => ({
  handlers: new Map<string, (payload: unknown) => void>(),
  forums: [] as (string | undefined)[],
}));

vi.mock('../../../lib/realtime', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/realtime')>()),
  useRealtimeEvent: (event: string, handler: (payload: unknown) => void) => {
    realtime.handlers.set(event, handler);
  },
  useThreadSubscription: () => undefined,
  useForumSubscription: (forumId: string | undefined) => {
    realtime.forums.push(forumId);
  },
  onRealtimeReconnect: () => () => undefined,
}));

const pinned = makeThreadSummary({
  id: 'thread-rules',
  title: 'How this forum works',
  pinned: true,
  locked: true,
  postCount: 1,
  lastPoster: null,
});
const unread = makeThreadSummary({
  id: 'thread-2',
  title: 'Language classes for adults',
  postCount: 5,
  lastSeq: 5,
  unreadCount: 2,
  firstUnreadSeq: 4,
});

beforeEach(() => {
  realtime.handlers.clear();
  realtime.forums.length = 0;
});

describe('Forum page', () => {
  it('lists threads, pinned first, with unread badges that jump to the first unread post', async () => {
    const { requests } = stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe()));
      if (url.pathname === '/api/forums/forum-integration') return jsonResponse(makeForum());
      if (url.pathname === '/api/forums/forum-integration/threads') {
        return jsonResponse({ items: [pinned, unread], nextCursor: 'next-1' });
      }
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/forums/forum-integration' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Integration' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Threads' });
    const items = Array.from(list.children) as HTMLElement[];
    expect(items).toHaveLength(2);

    const [first, second] = items as [HTMLElement, HTMLElement];
    expect(within(first).getByRole('heading', { level: 3 })).toHaveTextContent('PinnedLockedHow this forum works');
    expect(within(first).getByText('Pinned')).toHaveClass('visually-hidden');
    expect(within(first).getByText('0 replies')).toBeInTheDocument();
    expect(within(first).queryByRole('link', { name: /unread/ })).not.toBeInTheDocument();

    expect(within(second).getByRole('link', { name: 'Language classes for adults' })).toHaveAttribute(
      'href',
      '/threads/thread-2',
    );
    const badge = within(second).getByRole('link', {
      name: '2 unread posts in “Language classes for adults”: go to the first one',
    });
    expect(badge).toHaveTextContent('2 unread');
    expect(badge).toHaveAttribute('href', '/threads/thread-2?post=4');
    expect(within(second).getByText('4 replies')).toBeInTheDocument();
    expect(within(second).getByText('Started by Li Wei')).toBeInTheDocument();
    // In the user's time zone (America/Toronto).
    expect(within(second).getByText('Last post Feb 1, 2026, 10:30 AM by Minh Tran')).toBeInTheDocument();

    expect(screen.getByRole('button', { name: 'Load more threads' })).toBeInTheDocument();
    expect(realtime.forums).toContain('forum-integration');

    // A new post in the forum reloads the list.
    const loads = () => requests.filter((r) => r.url.pathname === '/api/forums/forum-integration/threads').length;
    const before = loads();
    act(() => realtime.handlers.get('forum.changed')?.({ forumId: 'forum-integration', threadId: 'thread-2' }));
    await waitFor(() => expect(loads()).toBeGreaterThan(before));
  });

  it('filters by theme through the address', async () => {
    const { requests } = stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe()));
      if (url.pathname === '/api/forums/forum-integration') return jsonResponse(makeForum());
      if (url.pathname === '/api/forums/forum-integration/threads') {
        return jsonResponse({ items: url.searchParams.get('theme') ? [] : [unread], nextCursor: null });
      }
      return apiError(404, 'NOT_FOUND');
    });
    const { router } = renderApp({ path: '/forums/forum-integration' });
    const user = userEvent.setup();
    await screen.findByRole('link', { name: 'Language classes for adults' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'Health');
    expect(await screen.findByText('No threads on this theme.')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?theme=health');
    const last = requests.filter((r) => r.url.pathname.endsWith('/threads')).pop();
    expect(last?.url.searchParams.get('theme')).toBe('health');
  });

  it('links a partnership forum to its partnership and lets moderators lift silences', async () => {
    const forum = makeForum({
      id: 'forum-p1',
      kind: 'partnership',
      theme: null,
      partnership: { id: 'partnership-1', title: 'Toronto – Da Nang' },
      viewer: { canPost: true, canModerate: true, silencedUntil: null },
    });
    const { requests } = stubFetch(({ url, method }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe()));
      if (url.pathname === '/api/forums/forum-p1') return jsonResponse(forum);
      if (url.pathname === '/api/forums/forum-p1/threads') return jsonResponse({ items: [], nextCursor: null });
      if (url.pathname === '/api/forums/forum-p1/silences' && method === 'GET') return jsonResponse([makeSilence()]);
      if (url.pathname === '/api/forums/forum-p1/silences/user-li' && method === 'DELETE') {
        return jsonResponse(undefined, 204);
      }
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/forums/forum-p1' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Toronto – Da Nang' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'View the partnership “Toronto – Da Nang”' })).toHaveAttribute(
      'href',
      '/partnerships/partnership-1',
    );
    expect(await screen.findByText('No threads yet. Start the first one.')).toBeInTheDocument();

    const silences = screen.getByRole('region', { name: 'Silenced members' });
    expect(await within(silences).findByText('Until Feb 2, 2026, 10:30 AM · by Ana Souza')).toBeInTheDocument();
    await userEvent.setup().click(within(silences).getByRole('button', { name: 'Lift the silence of Li Wei' }));
    expect(await within(silences).findByText('Li Wei can post in this forum again.')).toBeInTheDocument();
    expect(
      requests.some((r) => r.method === 'DELETE' && r.url.pathname === '/api/forums/forum-p1/silences/user-li'),
    ).toBe(true);
  });
});

describe('Forums page', () => {
  it('lists theme forums (translated) and partnership forums with counts', async () => {
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe({ preferredLanguage: 'fr' })));
      if (url.pathname === '/api/forums') {
        return jsonResponse([
          makeForumSummary({ unreadThreads: 3 }),
          makeForumSummary({
            id: 'forum-p1',
            kind: 'partnership',
            theme: null,
            partnership: { id: 'partnership-1', title: 'Toronto – Da Nang' },
            threadCount: 1,
            lastPostedAt: null,
          }),
        ]);
      }
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/forums' });

    const themes = await screen.findByRole('list', { name: 'Forums thématiques' });
    expect(within(themes).getByRole('link', { name: 'Intégration' })).toHaveAttribute(
      'href',
      '/forums/forum-integration',
    );
    expect(within(themes).getByText('12 discussions')).toBeInTheDocument();
    expect(within(themes).getByText('3 discussions avec des messages non lus')).toBeInTheDocument();
    const partnerships = screen.getByRole('list', { name: 'Les forums de vos partenariats' });
    expect(within(partnerships).getByRole('link', { name: 'Toronto – Da Nang' })).toBeInTheDocument();
    expect(within(partnerships).getByText('Aucun message pour l’instant')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Forums des cours' })).not.toBeInTheDocument();
  });

  it('lists course forums, named after their course, between theme and partnership forums', async () => {
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe()));
      if (url.pathname === '/api/forums') {
        return jsonResponse([
          makeForumSummary(),
          makeForumSummary({
            id: 'forum-c1',
            kind: 'course',
            theme: null,
            course: { id: 'course-1', title: 'Mediation for city officials' },
            threadCount: 2,
          }),
        ]);
      }
      if (url.pathname === '/api/forums/forum-c1') {
        return jsonResponse(
          makeForum({
            id: 'forum-c1',
            kind: 'course',
            theme: null,
            course: { id: 'course-1', title: 'Mediation for city officials' },
          }),
        );
      }
      if (url.pathname === '/api/forums/forum-c1/threads') return jsonResponse({ items: [], nextCursor: null });
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/forums' });
    const courses = await screen.findByRole('list', { name: 'Course forums' });
    const link = within(courses).getByRole('link', { name: 'Mediation for city officials' });
    expect(link).toHaveAttribute('href', '/forums/forum-c1');
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Theme forums', 'Course forums', 'Your partnership forums']);

    await userEvent.setup().click(link);
    expect(await screen.findByRole('heading', { level: 1, name: 'Mediation for city officials' })).toBeVisible();
    expect(
      screen.getByText(
        'The discussion forum of the course “Mediation for city officials”: open to every member of Twinning.',
      ),
    ).toBeInTheDocument();
  });
});
