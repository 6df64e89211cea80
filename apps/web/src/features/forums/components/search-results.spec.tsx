import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { makeAuth, makeForumSummary, makeMe, makeSearchResult } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

vi.mock('../../../lib/realtime', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/realtime')>()),
  useRealtimeEvent: () => undefined,
  useThreadSubscription: () => undefined,
  useForumSubscription: () => undefined,
  onRealtimeReconnect: () => () => undefined,
}));

function stubSearchApi(capped = false) {
  return stubFetch(({ url }) => {
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe()));
    if (url.pathname === '/api/forums') return jsonResponse([makeForumSummary()]);
    if (url.pathname === '/api/search') {
      return jsonResponse({
        items: [makeSearchResult()],
        nextCursor: url.searchParams.get('cursor') ? null : 'page-2',
        capped,
      });
    }
    return apiError(404, 'NOT_FOUND');
  });
}

describe('Search page', () => {
  it('shows ranked results with the matches marked, linking to the post', async () => {
    const { requests } = stubSearchApi();
    renderApp({ path: '/search?q=newcomers' });

    const results = await screen.findByRole('list', { name: 'Results for “newcomers”' });
    const link = within(results).getByRole('link', { name: 'Welcoming newcomers at city hall' });
    expect(link).toHaveAttribute('href', '/threads/thread-1?post=2');
    const marks = results.querySelectorAll('mark');
    expect(marks).toHaveLength(2);
    expect(within(link).getByText('newcomers').tagName).toBe('MARK');
    // The server's escaping is kept: "&amp;" shows as "&", and no other markup appears.
    expect(within(results).getByText(/desk opens at 8 & closes at 4\./)).toBeInTheDocument();
    // the author as everywhere: avatar and name (opening their card), city and role
    expect(within(results).getByText('Post 2 by')).toBeInTheDocument();
    expect(within(results).getByRole('button', { name: /Li Wei/ })).toBeInTheDocument();
    expect(within(results).getByText('Toronto · Coordinator')).toBeInTheDocument();
    expect(within(results).getByText('Integration')).toBeInTheDocument();
    expect(screen.getByText('1 result shown')).toBeInTheDocument();
    expect(requests.find((r) => r.url.pathname === '/api/search')?.url.searchParams.get('q')).toBe('newcomers');

    await userEvent.setup().click(screen.getByRole('button', { name: 'Load more results' }));
    expect(await screen.findByText('2 results shown')).toBeInTheDocument();
    expect(
      requests
        .filter((r) => r.url.pathname === '/api/search')
        .pop()
        ?.url.searchParams.get('cursor'),
    ).toBe('page-2');
  });

  it('says when only the newest matches were ranked', async () => {
    stubSearchApi(true);
    renderApp({ path: '/search?q=the' });
    await screen.findByRole('list', { name: 'Results for “the”' });
    expect(
      screen.getByText(
        'More than 2,000 posts match. These results are the best among the newest 2,000: add words to narrow the search.',
      ),
    ).toBeInTheDocument();
  });

  it('says nothing about a limit when every match was ranked', async () => {
    stubSearchApi(false);
    renderApp({ path: '/search?q=newcomers' });
    await screen.findByRole('list', { name: 'Results for “newcomers”' });
    expect(screen.queryByText(/More than 2,000 posts match/)).not.toBeInTheDocument();
    expect(screen.getByText(/desk opens at 8/)).toHaveAttribute('lang', 'en');
  });

  it('searches within a forum and a theme from the form', async () => {
    const { requests } = stubSearchApi();
    const { router } = renderApp({ path: '/search' });
    const user = userEvent.setup();
    expect(await screen.findByText('Enter words to search the posts of the forums you can read.')).toBeInTheDocument();

    const form = screen.getByRole('search', { name: 'Search the forums' });
    await user.type(within(form).getByRole('searchbox', { name: 'Words to find' }), 'language');
    const forumSelect = within(form).getByRole('combobox', { name: 'Forum' });
    await within(forumSelect).findByRole('option', { name: 'Integration' });
    await user.selectOptions(forumSelect, 'Integration');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Theme' }), 'Education');
    await user.click(within(form).getByRole('button', { name: 'Search' }));

    await screen.findByRole('list', { name: 'Results for “language”' });
    expect(router.state.location.search).toBe('?q=language&forumId=forum-integration&theme=education');
    const sent = requests.filter((r) => r.url.pathname === '/api/search').pop();
    expect(sent?.url.searchParams.get('forumId')).toBe('forum-integration');
    expect(sent?.url.searchParams.get('theme')).toBe('education');
  });
});
