import type { PersonCardDto, PersonSummary } from '@twinning/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { installDialogPolyfill } from '../../test/dialog-polyfill';
import { makeAuth, makeMe } from '../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../test/test-utils';
import { PersonChip } from './person-chip';
import { localTimeNow } from './person-label';

const zaid: PersonSummary = {
  id: 'user-zaid',
  displayName: 'Zaid Al-Amin',
  handle: 'zaid',
  cities: [{ id: 'city-toronto', name: 'Toronto' }],
  role: 'coordinator',
};

const card: PersonCardDto = {
  id: 'user-zaid',
  displayName: 'Zaid Al-Amin',
  handle: 'zaid',
  role: 'coordinator',
  platformRole: 'member',
  cities: [
    { id: 'city-lisbon', name: 'Lisbon', slug: 'lisbon', role: 'official' },
    { id: 'city-toronto', name: 'Toronto', slug: 'toronto', role: 'coordinator' },
  ],
  languages: ['ar', 'fr'],
  timeZone: 'Asia/Kuala_Lumpur',
};

function serve(answer: () => Response, language: 'en' | 'ar' = 'en') {
  return stubFetch(({ url }) => {
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe({ preferredLanguage: language })));
    if (url.pathname === '/api/people/user-zaid') return answer();
    return apiError(404, 'NOT_FOUND', 'Not found');
  });
}

function renderChip(language: 'en' | 'ar' = 'en') {
  return renderApp({
    initialLanguage: language,
    routes: [{ path: '/', element: <PersonChip person={zaid} /> }],
  });
}

beforeAll(() => installDialogPolyfill());

describe('PersonChip and PersonCard', () => {
  it('shows the avatar, the name and "City · Role"', async () => {
    serve(() => jsonResponse(card));
    renderChip();
    const button = await screen.findByRole('button', { name: 'Zaid Al-Amin' });
    expect(button).toHaveAttribute('aria-haspopup', 'dialog');
    expect(within(button).getByTestId('avatar')).toHaveTextContent('ZA');
    expect(screen.getByText('Toronto · Coordinator')).toBeInTheDocument();
  });

  it('opens with Enter, shows cities, role, languages and local time, and closes on Escape back to the name', async () => {
    serve(() => jsonResponse(card));
    const user = userEvent.setup();
    renderChip();
    const button = await screen.findByRole('button', { name: 'Zaid Al-Amin' });
    button.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Zaid Al-Amin' });
    expect(await within(dialog).findByRole('link', { name: 'Lisbon' })).toHaveAttribute('href', '/cities/lisbon');
    expect(within(dialog).getByRole('link', { name: 'Toronto' })).toBeInTheDocument();
    expect(within(dialog).getByText('Lisbon, Toronto · Coordinator')).toBeInTheDocument();
    expect(within(dialog).getByText('Arabic and French')).toBeInTheDocument();
    expect(within(dialog).getByText('Local time now')).toBeInTheDocument();
    expect(within(dialog).getByText('(Asia/Kuala Lumpur)')).toBeInTheDocument();
    expect(dialog.textContent).not.toContain('@example');

    // Escape makes the browser fire `cancel` on a modal dialog (jsdom does not; the browser test presses it)
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(button).toHaveFocus();
  });

  it('opens with Space too, and explains when the viewer shares no space with the person', async () => {
    serve(() => apiError(404, 'NOT_FOUND', 'Person not found.'));
    const user = userEvent.setup();
    renderChip();
    const button = await screen.findByRole('button', { name: 'Zaid Al-Amin' });
    button.focus();
    await user.keyboard(' ');
    const dialog = await screen.findByRole('dialog', { name: 'Zaid Al-Amin' });
    expect(await within(dialog).findByText(/share a city, partnership or workshop/)).toBeInTheDocument();
    // what the list already knew stays visible
    expect(within(dialog).getByText('Toronto · Coordinator')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(button).toHaveFocus());
  });

  it('names languages and roles in Arabic, and formats the local time in the viewer’s language', async () => {
    serve(() => jsonResponse(card), 'ar');
    const user = userEvent.setup();
    renderChip('ar');
    await user.click(await screen.findByRole('button', { name: 'Zaid Al-Amin' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(dialog.textContent).toContain('لغات العمل'));
    expect(dialog.textContent).toContain('العربية');
    expect(dialog.textContent).toContain('الفرنسية');
    expect(dialog.textContent).toContain('منسّق');
    const at = new Date('2026-03-10T06:30:00Z');
    expect(localTimeNow('ar', 'Asia/Kuala_Lumpur', at)).toBe(
      new Intl.DateTimeFormat('ar', {
        weekday: 'short',
        hour: 'numeric',
        minute: '2-digit',
        timeZone: 'Asia/Kuala_Lumpur',
      }).format(at),
    );
    expect(localTimeNow('en', 'Asia/Kuala_Lumpur', at)).toBe('Tue 2:30 PM');
  });
});
