import {
  NOTIFICATION_KINDS,
  NOTIFICATION_MAIL_DEFAULTS,
  type NotificationDelivery,
  type NotificationKind,
  type NotificationSettingDto,
} from '@twinning/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

function stubSettingsApi(language: 'en' | 'ar' = 'en', { failSave = false } = {}) {
  const chosen = new Map<NotificationKind, NotificationDelivery>();
  const list = (): NotificationSettingDto[] =>
    NOTIFICATION_KINDS.map((kind) => ({
      kind,
      delivery: chosen.get(kind) ?? NOTIFICATION_MAIL_DEFAULTS[kind],
      isDefault: !chosen.has(kind),
    }));
  const me = makeMe({ preferredLanguage: language });
  return stubFetch(async ({ url, method, body }) => {
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
    if (url.pathname === '/api/me') return jsonResponse(me);
    if (url.pathname === '/api/me/join-requests') return jsonResponse([]);
    if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: 0 });
    if (url.pathname === '/api/me/notification-settings' && method === 'GET') return jsonResponse(list());
    if (url.pathname === '/api/me/notification-settings' && method === 'PUT') {
      if (failSave) return apiError(500, 'INTERNAL');
      const { settings } = body as { settings: { kind: NotificationKind; delivery: NotificationDelivery }[] };
      for (const s of settings) chosen.set(s.kind, s.delivery);
      return jsonResponse(list());
    }
    return apiError(404, 'NOT_FOUND');
  });
}

describe('Email notifications in Profile', () => {
  it('shows each kind’s delivery grouped by area and saves a choice at once', async () => {
    const { requests } = stubSettingsApi();
    renderApp({ path: '/profile' });
    const user = userEvent.setup();

    const section = await screen.findByRole('region', { name: 'Email notifications' });
    const cities = await within(section).findByRole('region', { name: 'Cities' });
    const joinRequests = within(cities).getByRole('group', { name: 'Join requests to decide' });
    expect(within(joinRequests).getByRole('radio', { name: 'Immediately' })).toBeChecked();
    expect(joinRequests).toHaveAccessibleDescription('Default: Immediately');
    const forums = within(section).getByRole('region', { name: 'Forums' });
    const replies = within(forums).getByRole('group', { name: 'Replies in threads you watch' });
    expect(within(replies).getByRole('radio', { name: 'Daily digest' })).toBeChecked();
    expect(within(section).getAllByRole('group')).toHaveLength(NOTIFICATION_KINDS.length);

    await user.click(within(replies).getByRole('radio', { name: 'Off' }));
    // the feedback is announced and shows inside the group that changed, not at the end of the page
    expect(await within(replies).findByRole('status')).toHaveTextContent('“Replies in threads you watch”: Off. Saved.');
    expect(within(replies).getByRole('radio', { name: 'Off' })).toBeChecked();
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.body).toEqual({ settings: [{ kind: 'forum.reply', delivery: 'off' }] });

    // the keyboard: arrows move through a group and save, focus stays on the radio
    const weekly = within(joinRequests).getByRole('radio', { name: 'Weekly digest' });
    await user.click(within(joinRequests).getByRole('radio', { name: 'Daily digest' }));
    await user.keyboard('{ArrowRight}');
    expect(weekly).toBeChecked();
    expect(weekly).toHaveFocus();
    expect(await within(joinRequests).findByRole('status')).toHaveTextContent(
      '“Join requests to decide”: Weekly digest. Saved.',
    );
    expect(within(replies).getByRole('status')).toBeEmptyDOMElement();
    expect(weekly).toHaveFocus();
  });

  it('shows a failed save inside the group that changed', async () => {
    stubSettingsApi('en', { failSave: true });
    renderApp({ path: '/profile' });
    const user = userEvent.setup();
    const section = await screen.findByRole('region', { name: 'Email notifications' });
    const mentions = await within(section).findByRole('group', { name: 'Mentions' });
    await user.click(within(mentions).getByRole('radio', { name: 'Off' }));
    expect(await within(mentions).findByRole('alert')).toBeInTheDocument();
    expect(within(mentions).getByRole('status')).toBeEmptyDOMElement();
  });

  it('speaks Arabic', async () => {
    stubSettingsApi('ar');
    renderApp({ path: '/profile', initialLanguage: 'ar' });
    const section = await screen.findByRole('region', { name: 'الإشعارات بالبريد الإلكتروني' });
    const group = await within(section).findByRole('group', { name: 'طلبات الانضمام بانتظار قرارك' });
    expect(within(group).getByRole('radio', { name: 'فورًا' })).toBeChecked();
  });
});
