import type { PersonCardDto, PersonSummary } from '@twinning/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../lib/i18n';
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
  platformRoles: [],
  cities: [
    { id: 'city-lisbon', name: 'Lisbon', slug: 'lisbon', role: 'official' },
    { id: 'city-toronto', name: 'Toronto', slug: 'toronto', role: 'coordinator' },
  ],
  languages: ['ar', 'fr'],
  timeZone: 'Asia/Kuala_Lumpur',
};

// Components may not import the app's test helpers (import boundaries): small stand-ins here.
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const apiError = (status: number, code: string, message: string) => json({ code, message }, status);
const jsonResponse = (body: unknown) => json(body);

/** jsdom has no showModal(): open the dialog and focus its first control, as browsers do. */
function installDialogPolyfill() {
  const proto = HTMLDialogElement.prototype;
  if (typeof proto.showModal === 'function') return;
  proto.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
    this.querySelector<HTMLElement>('button, [href]')?.focus();
  };
  proto.close = function close(this: HTMLDialogElement) {
    this.open = false;
  };
}

function serve(answer: () => Response) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://localhost');
      if (url.pathname === '/api/people/user-zaid') return answer();
      return apiError(404, 'NOT_FOUND', 'Not found');
    }),
  );
}

function renderChip(language: 'en' | 'ar' = 'en') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <I18nProvider initialLanguage={language}>
        <MemoryRouter>
          <PersonChip person={zaid} />
        </MemoryRouter>
      </I18nProvider>
    </QueryClientProvider>,
  );
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
    expect(within(dialog).queryByText('Platform roles')).toBeNull();
    expect(dialog.textContent).toContain('(Asia/Kuala Lumpur)');
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
    serve(() => jsonResponse({ ...card, platformRoles: ['facilitator', 'reviewer'] }));
    const user = userEvent.setup();
    renderChip('ar');
    await user.click(await screen.findByRole('button', { name: 'Zaid Al-Amin' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(dialog.textContent).toContain('لغات العمل'));
    expect(dialog.textContent).toContain('العربية');
    expect(dialog.textContent).toContain('الفرنسية');
    expect(dialog.textContent).toContain('منسّق');
    expect(dialog.textContent).toContain('الأدوار على المنصة');
    expect(dialog.textContent).toContain('مُراجِع');
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
