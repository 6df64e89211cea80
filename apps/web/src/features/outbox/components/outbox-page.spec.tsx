import type { OutboxMailDetailDto, OutboxMailDto } from '@twinning/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

const mail = (overrides: Partial<OutboxMailDto>): OutboxMailDto => ({
  id: 'mail-1',
  messageId: '<mail-1@twinning.localhost>',
  to: 'ana@example.org',
  category: 'account.verify',
  subject: 'Confirm your address',
  status: 'captured',
  createdAt: '2026-03-02T14:00:00.000Z',
  sentAt: null,
  ...overrides,
});

const detail: OutboxMailDetailDto = {
  ...mail({}),
  html: '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><a href="http://localhost:3000/verify-email?token=abc">Confirm</a></body></html>',
  text: 'Confirm your address\n\nConfirm: http://localhost:3000/verify-email?token=abc',
  headers: { 'Auto-Submitted': 'auto-generated' },
  calendar: null,
};

function stubOutbox(items: OutboxMailDto[], opts: { devOutbox?: boolean } = {}) {
  return stubFetch(({ url }) => {
    if (url.pathname === '/api/auth/refresh') return apiError(401, 'REFRESH_TOKEN_INVALID');
    if (url.pathname === '/api/health') return jsonResponse({ status: 'ok', devOutbox: opts.devOutbox ?? true });
    if (url.pathname === '/api/dev/outbox') {
      const to = url.searchParams.get('to');
      return jsonResponse({ items: items.filter((m) => !to || m.to === to), nextCursor: null });
    }
    if (url.pathname === '/api/dev/outbox/mail-1') return jsonResponse(detail);
    return apiError(404, 'NOT_FOUND');
  });
}

describe('Outbox page', () => {
  it('lists mail newest first without signing in and filters it by recipient', async () => {
    const { requests } = stubOutbox([
      mail({ id: 'mail-2', to: 'bo@example.org', subject: 'Someone tried to register', status: 'sent' }),
      mail({}),
    ]);
    const { router } = renderApp({ path: '/dev/outbox' });
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { level: 1, name: 'Outbox' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Mail, newest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0].textContent)).toEqual([
      'bo@example.org',
      'ana@example.org',
    ]);
    expect(within(rows[0]).getByText('Sent')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Captured')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Mar 2, 2026, 2:00 PM')).toBeInTheDocument();
    expect(within(rows[1]).getByRole('link', { name: 'Confirm your address' })).toHaveAttribute(
      'href',
      '/dev/outbox/mail-1',
    );
    expect(screen.getByText('2 mails shown')).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Recipient' }), 'ana@example.org');
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    expect(router.state.location.search).toBe('?to=ana%40example.org');
    await waitFor(() => expect(screen.getByText('1 mail shown')).toBeInTheDocument());
    expect(requests.some((r) => r.url.searchParams.get('to') === 'ana@example.org')).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Show all mail' }));
    expect(router.state.location.search).toBe('');
    await waitFor(() => expect(screen.getByText('2 mails shown')).toBeInTheDocument());
  });

  it('explains how mail gets into an empty Outbox, and names the recipient a filter found nothing for', async () => {
    stubOutbox([]);
    const { router } = renderApp({ path: '/dev/outbox' });
    const user = userEvent.setup();
    expect(
      await screen.findByText(
        'No mail yet. Every mail this server writes appears here instead of being sent, for example:',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Register an account: its confirmation mail arrives at once.')).toBeInTheDocument();
    expect(screen.getByText(/reply in a forum thread, mentioning someone with @/)).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Recipient' }), 'ana@example.org');
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    expect(router.state.location.search).toBe('?to=ana%40example.org');
    expect(await screen.findByText('No mail to ana@example.org yet.')).toBeInTheDocument();
    expect(screen.queryByText(/No mail yet/)).not.toBeInTheDocument();
  });

  it('shows a mail as sandboxed HTML whose links open in a new tab, and as text', async () => {
    stubOutbox([mail({})]);
    const user = userEvent.setup();
    renderApp({ path: '/dev/outbox' });
    await user.click(await screen.findByRole('link', { name: 'Confirm your address' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Confirm your address' })).toBeInTheDocument();
    const frame = screen.getByTitle('The mail “Confirm your address” as HTML');
    expect(frame.tagName).toBe('IFRAME');
    expect(frame).toHaveAttribute('sandbox', 'allow-popups allow-popups-to-escape-sandbox');
    const srcDoc = frame.getAttribute('srcdoc') ?? '';
    expect(srcDoc).toContain('<head><base target="_blank"><meta charset="utf-8">');
    expect(srcDoc).toContain('href="http://localhost:3000/verify-email?token=abc"');
    expect(screen.getByText('Links open in a new tab.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Plain text' })).toBeInTheDocument();
    expect(screen.getByText(/Confirm: http:\/\/localhost:3000\/verify-email\?token=abc/)).toBeInTheDocument();
    expect(screen.getByText('auto-generated')).toBeInTheDocument();
    expect(screen.getByText('<mail-1@twinning.localhost>')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the Outbox' })).toHaveAttribute('href', '/dev/outbox');
  });

  it('says so when a mail does not exist', async () => {
    stubOutbox([]);
    renderApp({ path: '/dev/outbox/missing' });
    expect(await screen.findByRole('heading', { level: 1, name: 'This mail does not exist' })).toBeInTheDocument();
  });

  it('speaks Arabic, right to left', async () => {
    stubOutbox([mail({})]);
    renderApp({ path: '/dev/outbox', initialLanguage: 'ar' });
    expect(await screen.findByRole('heading', { level: 1, name: 'صندوق الصادر' })).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'الرسائل، من الأحدث إلى الأقدم' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(screen.getByText('رسالة واحدة معروضة')).toBeInTheDocument();
  });

  it('is linked from the footer only when the server offers it', async () => {
    stubOutbox([], { devOutbox: true });
    const first = renderApp({ path: '/cities' });
    const footer = first.container.querySelector('footer') as HTMLElement;
    expect(await within(footer).findByRole('link', { name: /^Outbox \(development\)/ })).toHaveAttribute(
      'href',
      '/dev/outbox',
    );
    first.unmount();

    stubOutbox([], { devOutbox: false });
    const second = renderApp({ path: '/cities' });
    await waitFor(() => expect(second.queryClient.getQueryState(['outbox', 'availability'])?.status).toBe('success'));
    expect(within(second.container.querySelector('footer') as HTMLElement).queryByRole('link')).toBeNull();
  });
});
