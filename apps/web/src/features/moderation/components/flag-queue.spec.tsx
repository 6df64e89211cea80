import type { FlagDto } from '@twinning/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeFlag, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

const coordinator = makeMe({
  cities: [{ cityId: 'city-toronto', citySlug: 'toronto', cityName: 'Toronto', role: 'coordinator' }],
});

const threadTitle = 'Welcoming newcomers at city hall';

function stubQueue(open: FlagDto[]) {
  let flags = open;
  const resolved: FlagDto[] = [];
  const result = stubFetch(({ url, method, body }) => {
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(coordinator));
    if (url.pathname === '/api/moderation/flags' && method === 'GET') {
      const status = url.searchParams.get('status');
      return jsonResponse({
        items: status === 'open' ? flags : resolved.filter((flag) => flag.status === status),
        nextCursor: null,
      });
    }
    const match = url.pathname.match(/^\/api\/moderation\/flags\/([^/]+)\/resolve$/);
    if (match && method === 'POST') {
      const { decision } = body as { decision: 'uphold' | 'dismiss' };
      const flag = flags.find((item) => item.id === match[1]);
      if (!flag) return apiError(409, 'INVALID_STATE');
      const done: FlagDto = {
        ...flag,
        status: decision === 'uphold' ? 'upheld' : 'dismissed',
        resolvedAt: '2026-02-02T15:30:00.000Z',
        resolvedBy: { id: coordinator.id, displayName: coordinator.displayName },
      };
      flags = flags.filter((item) => item.id !== flag.id && (decision === 'dismiss' || item.post.id !== flag.post.id));
      resolved.push(done);
      return jsonResponse(done);
    }
    return apiError(404, 'NOT_FOUND');
  });
  return result;
}

describe('Moderation queue', () => {
  it('upholds a flag: it leaves the queue and focus moves to the next one', async () => {
    const { requests } = stubQueue([
      makeFlag(),
      makeFlag({
        id: 'flag-2',
        reason: 'spam',
        note: '',
        post: { ...makeFlag().post, id: 'post-5', seq: 5, bodyHtml: '<p>Buy cheap visas!</p>' },
      }),
    ]);
    renderApp({ path: '/moderation' });
    const user = userEvent.setup();

    expect(await screen.findByRole('link', { name: 'Moderation' })).toHaveAttribute('href', '/moderation');
    const list = await screen.findByRole('list', { name: 'Open flags' });
    const card = within(list).getByRole('article', { name: `Post 2 in “${threadTitle}”` });
    expect(within(card).getByText('Abusive or disrespectful')).toBeInTheDocument();
    expect(within(card).getByText('Insults another member.')).toBeInTheDocument();
    expect(within(card).getByText('You clearly know nothing.')).toBeInTheDocument();
    expect(within(card).getByText(/Ana Souza/)).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Integration' })).toHaveAttribute(
      'href',
      '/forums/forum-integration',
    );
    expect(within(card).getByRole('link', { name: `Open post 2 in “${threadTitle}”` })).toHaveAttribute(
      'href',
      '/threads/thread-1?post=2',
    );
    expect(screen.getByRole('link', { name: 'Open' })).toHaveAttribute('aria-current', 'page');
    const second = within(list).getByRole('article', { name: `Post 5 in “${threadTitle}”` });
    expect(within(second).getByText('No note')).toBeInTheDocument();

    await user.click(
      within(card).getByRole('button', { name: `Uphold and hide the post: post 2 in “${threadTitle}”` }),
    );

    expect(await screen.findByText(`Flag upheld: post 2 in “${threadTitle}” is now hidden.`)).toBeInTheDocument();
    expect(screen.queryByRole('article', { name: `Post 2 in “${threadTitle}”` })).not.toBeInTheDocument();
    expect(requests.find((r) => r.url.pathname === '/api/moderation/flags/flag-1/resolve')?.body).toEqual({
      decision: 'uphold',
    });
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: `Uphold and hide the post: post 5 in “${threadTitle}”` }),
      ).toHaveFocus(),
    );
  });

  it('dismisses a flag with a reason and shows it under Dismissed', async () => {
    const { requests } = stubQueue([makeFlag()]);
    renderApp({ path: '/moderation' });
    const user = userEvent.setup();

    const card = await screen.findByRole('article', { name: `Post 2 in “${threadTitle}”` });
    await user.type(
      within(card).getByRole('textbox', { name: 'Reason for your decision (optional)' }),
      'Heated but not abusive.',
    );
    await user.click(within(card).getByRole('button', { name: `Dismiss the flag on post 2 in “${threadTitle}”` }));

    expect(await screen.findByText('No open flags. Nothing needs your attention.')).toBeInTheDocument();
    expect(screen.getByText(`Flag dismissed: post 2 in “${threadTitle}” stays as it is.`)).toBeInTheDocument();
    expect(requests.find((r) => r.url.pathname === '/api/moderation/flags/flag-1/resolve')?.body).toEqual({
      decision: 'dismiss',
      reason: 'Heated but not abusive.',
    });

    await user.click(screen.getByRole('link', { name: 'Dismissed' }));
    const dismissed = await screen.findByRole('list', { name: 'Dismissed flags' });
    const resolved = within(dismissed).getByRole('article', { name: `Post 2 in “${threadTitle}”` });
    expect(within(resolved).getByText('Decided by')).toBeInTheDocument();
    expect(within(resolved).queryByRole('button')).not.toBeInTheDocument();
  });

  it('is closed to members who moderate nothing', async () => {
    stubFetch(({ url }) =>
      url.pathname === '/api/auth/refresh' ? jsonResponse(makeAuth(makeMe())) : apiError(403, 'FORBIDDEN'),
    );
    renderApp({ path: '/moderation' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Access restricted' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Moderation' })).not.toBeInTheDocument();
  });
});
