import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeAuditEntry, makeAuth, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

const admin = makeMe({ roles: ['admin'] });

const urlStatics = URL as unknown as {
  createObjectURL?: (blob: Blob) => string;
  revokeObjectURL?: (url: string) => void;
};

let saved: { href: string; download: string }[] = [];
let blobs: Blob[] = [];

beforeEach(() => {
  saved = [];
  blobs = [];
  // jsdom has no object URLs and does not download: record what would be saved.
  urlStatics.createObjectURL = (blob: Blob) => {
    blobs.push(blob);
    return 'blob:audit-1';
  };
  urlStatics.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ href: this.href, download: this.download });
  });
});

afterEach(() => {
  delete urlStatics.createObjectURL;
  delete urlStatics.revokeObjectURL;
});

function stubAuditApi() {
  return stubFetch(({ url }) => {
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(admin));
    if (url.pathname === '/api/moderation/audit') {
      return jsonResponse({
        items: [
          makeAuditEntry(),
          makeAuditEntry({
            id: 'audit-2',
            action: 'user.silence',
            target: { type: 'user', id: 'user-li', label: 'Li Wei' },
            forum: null,
            reason: '',
          }),
        ],
        nextCursor: null,
      });
    }
    if (url.pathname === '/api/moderation/audit.csv') {
      return new Response('time,actor,action\n2026-02-01,Ana Souza,post.hide\n', {
        status: 200,
        headers: { 'Content-Type': 'text/csv' },
      });
    }
    return apiError(404, 'NOT_FOUND');
  });
}

describe('Moderation audit log', () => {
  it('lists actions with translated names', async () => {
    stubAuditApi();
    renderApp({ path: '/moderation/audit' });

    const table = await screen.findByRole('table', { name: 'Audit log, 2 entries shown' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1] as HTMLElement).getByText('Post hidden')).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByText('Feb 1, 2026, 10:30 AM')).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByRole('link', { name: 'Integration' })).toBeInTheDocument();
    expect(within(rows[2] as HTMLElement).getByText('Member silenced')).toBeInTheDocument();
    expect(within(rows[2] as HTMLElement).getByText('No forum')).toBeInTheDocument();
    expect(within(rows[2] as HTMLElement).getByText('No reason given')).toBeInTheDocument();
  });

  it('downloads the CSV with the bearer token in a header, never in the address', async () => {
    const { requests } = stubAuditApi();
    const { router } = renderApp({ path: '/moderation/audit' });
    const user = userEvent.setup();
    await screen.findByRole('table');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Action' }), 'Post hidden');
    await waitFor(() => expect(router.state.location.search).toBe('?action=post.hide'));

    const exportLink = await screen.findByRole('link', { name: 'Export CSV' });
    expect(exportLink).toHaveAttribute('href', '/api/moderation/audit.csv?action=post.hide');
    await user.click(exportLink);

    expect(await screen.findByText('The CSV file was downloaded.')).toBeInTheDocument();
    const csv = requests.find((r) => r.url.pathname === '/api/moderation/audit.csv');
    expect(csv?.headers.get('Authorization')).toBe('Bearer token-1');
    // the file is worded in the interface language, as the page
    expect(csv?.headers.get('Accept-Language')).toBe('en');
    expect(csv?.url.search).toBe('?action=post.hide');
    expect(csv?.url.href).not.toContain('token');
    expect(blobs).toHaveLength(1);
    expect(await blobs[0]?.text()).toContain('Ana Souza,post.hide');
    expect(saved).toEqual([
      { href: 'blob:audit-1', download: expect.stringMatching(/^twinning-moderation-audit-.*\.csv$/) },
    ]);
    // The page did not navigate to the file.
    expect(router.state.location.pathname).toBe('/moderation/audit');
  });

  it('is for admins only', async () => {
    stubFetch(({ url }) =>
      url.pathname === '/api/auth/refresh'
        ? jsonResponse(
            makeAuth(
              makeMe({ cities: [{ cityId: 'c', citySlug: 'toronto', cityName: 'Toronto', role: 'coordinator' }] }),
            ),
          )
        : apiError(403, 'FORBIDDEN'),
    );
    renderApp({ path: '/moderation/audit' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Access restricted' })).toBeInTheDocument();
  });
});
