import type { CalendarFeedDto } from '@twinning/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { installDialogPolyfill } from '../../../test/dialog-polyfill';
import { makeAuth, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch, type RecordedRequest } from '../../../test/test-utils';

const me = makeMe();
const FEED = '/api/me/calendar-feed';
const NEW_URL = 'https://twinning.example/api/calendar-feeds/s3cr3t-2.ics';

/** The feed as the API keeps it: the URL is only in the answer to the POST that made it. */
function serve(initial: CalendarFeedDto) {
  const state = { feed: initial };
  const { requests } = stubFetch(({ url, method }: RecordedRequest) => {
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
    if (url.pathname === '/api/me') return jsonResponse(me);
    if (url.pathname === '/api/join-requests/mine') return jsonResponse([]);
    if (url.pathname === FEED && method === 'GET') return jsonResponse({ ...state.feed, url: null });
    if (url.pathname === FEED && method === 'POST') {
      state.feed = { active: true, url: NEW_URL, createdAt: '2026-03-01T10:00:00.000Z' };
      return jsonResponse(state.feed);
    }
    if (url.pathname === FEED && method === 'DELETE') {
      state.feed = { active: false, url: null, createdAt: null };
      return jsonResponse(undefined, 204);
    }
    return apiError(404, 'NOT_FOUND');
  });
  return { requests, state };
}

const calls = (requests: RecordedRequest[], method: string) =>
  requests.filter((request) => request.url.pathname === FEED && request.method === method);

beforeAll(() => installDialogPolyfill());

describe('Calendar subscription on the profile page', () => {
  it('regenerates the feed URL after a warning, shows it once for copying, then revokes it', async () => {
    const { requests } = serve({ active: true, url: null, createdAt: '2026-01-05T10:00:00.000Z' });
    renderApp({ path: '/profile' });
    const user = userEvent.setup();

    const section = await screen.findByRole('region', { name: 'Calendar subscription' });
    expect(await within(section).findByText(/its address was shown only once/)).toBeInTheDocument();
    expect(within(section).queryByLabelText('Feed URL')).not.toBeInTheDocument();
    expect(within(section).getByText('Google Calendar:')).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Regenerate' }));
    const warning = screen.getByRole('dialog', { name: 'Replace your feed URL?' });
    expect(warning).toHaveTextContent('The current URL stops working at once.');
    expect(calls(requests, 'POST')).toHaveLength(0);
    await user.click(within(warning).getByRole('button', { name: 'Replace the URL' }));

    const input = await within(section).findByLabelText('Feed URL');
    expect(input).toHaveValue(NEW_URL);
    expect(input).toHaveAttribute('readonly');
    expect(calls(requests, 'POST')).toHaveLength(1);
    expect(within(section).getByRole('status')).toHaveTextContent(
      'Your feed has a new URL. The old one no longer works.',
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Copy the URL' }));
    // user-event stands in for the system clipboard.
    expect(await navigator.clipboard.readText()).toBe(NEW_URL);
    expect(within(section).getByRole('status')).toHaveTextContent('The feed URL was copied.');

    await user.click(within(section).getByRole('button', { name: 'Revoke' }));
    const revoke = screen.getByRole('dialog', { name: 'Revoke your calendar feed?' });
    await user.click(within(revoke).getByRole('button', { name: 'Revoke the feed' }));

    expect(await within(section).findByText('You have no calendar feed.')).toBeInTheDocument();
    expect(calls(requests, 'DELETE')).toHaveLength(1);
    expect(within(section).queryByLabelText('Feed URL')).not.toBeInTheDocument();
    expect(within(section).getByRole('status')).toHaveTextContent('Your calendar feed was revoked.');
    await waitFor(() => expect(within(section).getByRole('button', { name: 'Create my feed URL' })).toHaveFocus());
  });

  it('creates a feed when there is none, without a warning', async () => {
    const { requests } = serve({ active: false, url: null, createdAt: null });
    renderApp({ path: '/profile' });
    const user = userEvent.setup();

    const section = await screen.findByRole('region', { name: 'Calendar subscription' });
    await user.click(await within(section).findByRole('button', { name: 'Create my feed URL' }));
    expect(await within(section).findByLabelText('Feed URL')).toHaveValue(NEW_URL);
    expect(calls(requests, 'POST')).toHaveLength(1);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(section).getByRole('status')).toHaveTextContent('Your feed URL is ready.');
  });
});
