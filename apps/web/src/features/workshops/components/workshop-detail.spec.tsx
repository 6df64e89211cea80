import type { WorkshopDto } from '@twinning/contracts';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { installDialogPolyfill } from '../../../test/dialog-polyfill';
import { makeAuth, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch, type RecordedRequest } from '../../../test/test-utils';
import { makeWorkshop, makeWorkshopAuditEntry } from '../../../test/workshop-fixtures';

const participant = makeMe();
const facilitator = makeMe({ id: 'user-li', displayName: 'Li Wei', roles: ['facilitator'] });

interface ServerState {
  workshop: WorkshopDto;
}

/** A small workshop API over `state`; `extra` answers first when it returns something. */
function stubWorkshopApi(
  me: ReturnType<typeof makeMe>,
  state: ServerState,
  extra?: (request: RecordedRequest) => Response | undefined,
) {
  return stubFetch((request) => {
    const { url, method } = request;
    const handled = extra?.(request);
    if (handled) return handled;
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
    if (url.pathname === '/api/workshops/workshop-1' && method === 'GET') return jsonResponse(state.workshop);
    if (url.pathname === '/api/workshops/workshop-1/audit') {
      const meeting = makeWorkshopAuditEntry({
        id: 'waudit-2',
        action: 'meeting.changed',
        targetUser: null,
        detail: { provider: 'zoom' },
      });
      return jsonResponse({ items: [meeting, makeWorkshopAuditEntry()], nextCursor: null });
    }
    return apiError(404, 'NOT_FOUND');
  });
}

const calls = (requests: RecordedRequest[], method: string, pathname: string) =>
  requests.filter((r) => r.method === method && r.url.pathname === pathname);

beforeAll(() => installDialogPolyfill());

describe('Workshop page: participants', () => {
  it('shows each facilitator with avatar, city and role, opening their card', async () => {
    stubWorkshopApi(participant, { workshop: makeWorkshop() });
    renderApp({ path: '/workshops/workshop-1' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Mediation skills for city officials' })).toBeVisible();
    const person = screen.getByRole('button', { name: /Li Wei/ });
    expect(person).toHaveAttribute('aria-haspopup', 'dialog');
    expect(screen.getByText('Toronto · Facilitator')).toBeInTheDocument();
  });

  it('registers and cancels the registration, announcing each', async () => {
    const state: ServerState = { workshop: makeWorkshop() };
    const { requests } = stubWorkshopApi(participant, state, ({ url, method }) => {
      if (url.pathname !== '/api/workshops/workshop-1/registration') return undefined;
      const registered = method === 'PUT';
      state.workshop = {
        ...state.workshop,
        registeredCount: state.workshop.registeredCount + (registered ? 1 : -1),
        viewer: { ...state.workshop.viewer, registered },
      };
      return jsonResponse(state.workshop);
    });
    renderApp({ path: '/workshops/workshop-1' });
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { level: 1, name: 'Mediation skills for city officials' })).toBeVisible();
    const about = screen.getByRole('region', { name: 'About this workshop' });
    expect(within(about).getByText('mediation', { selector: 'strong' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Open the room' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Join the room' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByText('You are registered for this workshop.')).toHaveAttribute('role', 'status');
    expect(calls(requests, 'PUT', '/api/workshops/workshop-1/registration')).toHaveLength(1);
    expect(screen.getByText('13 of 30 places taken')).toBeInTheDocument();
    expect(screen.getByText('You are registered. You will be notified when the room opens.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Cancel my registration' }));
    expect(
      await screen.findByText('Your registration was cancelled; your place is free for someone else.'),
    ).toBeInTheDocument();
    expect(calls(requests, 'DELETE', '/api/workshops/workshop-1/registration')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Register' })).toBeInTheDocument();
    // Participants do not see the facilitators' log.
    expect(calls(requests, 'GET', '/api/workshops/workshop-1/audit')).toHaveLength(0);
  });

  it('says plainly when the last place was taken meanwhile, and shows the workshop as full', async () => {
    const state: ServerState = { workshop: makeWorkshop({ capacity: 30, registeredCount: 29 }) };
    stubWorkshopApi(participant, state, ({ url, method }) => {
      if (url.pathname === '/api/workshops/workshop-1/registration' && method === 'PUT') {
        state.workshop = { ...state.workshop, registeredCount: 30 };
        return apiError(409, 'WORKSHOP_FULL', 'This workshop is full.');
      }
      return undefined;
    });
    renderApp({ path: '/workshops/workshop-1' });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Register' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This workshop is full: every place is taken.');
    // The page reads the workshop again: no more Register button, and the places say why.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Register' })).not.toBeInTheDocument());
    expect(screen.getByText('30 of 30 places taken')).toBeInTheDocument();
    expect(screen.getAllByText(/full/i).length).toBeGreaterThan(0);
  });

  it('tells a removed participant they cannot take part, and offers no way in', async () => {
    stubWorkshopApi(participant, {
      workshop: makeWorkshop({ status: 'live', viewer: { registered: false, facilitator: false, removed: true } }),
    });
    renderApp({ path: '/workshops/workshop-1' });
    expect(
      await screen.findByText(
        'A facilitator removed you from this workshop. You cannot register for it or join its room again.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Removed by a facilitator')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Join the room' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Register' })).not.toBeInTheDocument();
  });

  it('shows the REMOVED refusal in words when registration is refused', async () => {
    const state: ServerState = { workshop: makeWorkshop() };
    stubWorkshopApi(participant, state, ({ url, method }) => {
      if (url.pathname === '/api/workshops/workshop-1/registration' && method === 'PUT') {
        return apiError(403, 'REMOVED');
      }
      return undefined;
    });
    renderApp({ path: '/workshops/workshop-1' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Register' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'A facilitator removed you from this workshop; you cannot rejoin it.',
    );
  });

  it('offers the room once the workshop is live', async () => {
    stubWorkshopApi(participant, {
      workshop: makeWorkshop({ status: 'live', viewer: { registered: true, facilitator: false, removed: false } }),
    });
    renderApp({ path: '/workshops/workshop-1' });
    expect(await screen.findByRole('link', { name: 'Join the room' })).toHaveAttribute(
      'href',
      '/workshops/workshop-1/room',
    );
    expect(screen.getByText('The room is open and your place is kept.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'End the workshop' })).not.toBeInTheDocument();
  });
});

describe('Workshop page: refreshing while scheduled', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks again every 30 seconds and on focus, and announces when the room opens', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const state: ServerState = { workshop: makeWorkshop() };
    const { requests } = stubWorkshopApi(participant, state);
    renderApp({ path: '/workshops/workshop-1' });
    await screen.findByRole('button', { name: 'Register' });
    const reads = () => calls(requests, 'GET', '/api/workshops/workshop-1').length;
    const before = reads();

    state.workshop = { ...state.workshop, status: 'live', openedAt: '2026-03-10T13:00:00.000Z' };
    await act(async () => {
      await vi.advanceTimersByTimeAsync(30_000);
    });
    await waitFor(() => expect(reads()).toBe(before + 1));
    expect(await screen.findByText('The workshop is live: the room is open.')).toHaveAttribute('role', 'status');
    expect(screen.getByRole('link', { name: 'Join the room' })).toBeInTheDocument();

    // Live: no more polling, but coming back to the tab reads it again.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000);
    });
    expect(reads()).toBe(before + 1);
    act(() => {
      window.dispatchEvent(new Event('visibilitychange'));
    });
    await waitFor(() => expect(reads()).toBe(before + 2));
  });
});

describe('Workshop page: facilitators', () => {
  let saved: { href: string; download: string }[] = [];
  const urlStatics = URL as unknown as {
    createObjectURL?: (blob: Blob) => string;
    revokeObjectURL?: (url: string) => void;
  };

  beforeEach(() => {
    saved = [];
    // jsdom has no object URLs and does not download: record what would be saved.
    urlStatics.createObjectURL = () => 'blob:transcript-1';
    urlStatics.revokeObjectURL = () => undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download });
    });
  });

  afterEach(() => {
    delete urlStatics.createObjectURL;
    delete urlStatics.revokeObjectURL;
  });

  const asFacilitator = (overrides: Partial<WorkshopDto> = {}) =>
    makeWorkshop({ viewer: { registered: false, facilitator: true, removed: false }, ...overrides });

  it('opens the room after confirming, then ends the workshop after confirming', async () => {
    const state: ServerState = { workshop: asFacilitator() };
    const { requests } = stubWorkshopApi(facilitator, state, ({ url, method }) => {
      if (method !== 'POST') return undefined;
      if (url.pathname === '/api/workshops/workshop-1/open') {
        state.workshop = { ...state.workshop, status: 'live', openedAt: '2026-03-10T13:00:00.000Z' };
        return jsonResponse(state.workshop);
      }
      if (url.pathname === '/api/workshops/workshop-1/end') {
        state.workshop = { ...state.workshop, status: 'ended', endedAt: '2026-03-10T14:31:00.000Z' };
        return jsonResponse(state.workshop);
      }
      return undefined;
    });
    renderApp({ path: '/workshops/workshop-1' });
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { level: 2, name: 'Run this workshop' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Register' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Edit the workshop' })).toHaveAttribute(
      'href',
      '/workshops/workshop-1/edit',
    );

    // Cancelling the confirmation does nothing.
    await user.click(screen.getByRole('button', { name: 'Open the room' }));
    let dialog = screen.getByRole('dialog', { name: 'Open the room now?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(calls(requests, 'POST', '/api/workshops/workshop-1/open')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Open the room' }));
    dialog = screen.getByRole('dialog', { name: 'Open the room now?' });
    await user.click(within(dialog).getByRole('button', { name: 'Open the room' }));
    expect(await screen.findByRole('link', { name: 'Go to the room' })).toHaveAttribute(
      'href',
      '/workshops/workshop-1/room',
    );
    expect(calls(requests, 'POST', '/api/workshops/workshop-1/open')).toHaveLength(1);
    expect(screen.getByText('The workshop is live: the room is open.')).toHaveAttribute('role', 'status');
    expect(screen.getByText('Live now', { selector: '.workshop-badge' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'End the workshop' }));
    dialog = screen.getByRole('dialog', { name: 'End this workshop?' });
    expect(dialog).toHaveTextContent('This cannot be undone.');
    await user.click(within(dialog).getByRole('button', { name: 'End the workshop' }));
    expect(
      await screen.findByText('The workshop has ended. Its transcript can be read and exported.'),
    ).toBeInTheDocument();
    expect(calls(requests, 'POST', '/api/workshops/workshop-1/end')).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Read the transcript' })).toHaveAttribute(
      'href',
      '/workshops/workshop-1/room',
    );
    expect(screen.queryByRole('link', { name: 'Edit the workshop' })).not.toBeInTheDocument();
  });

  it('exports the transcript of an ended workshop with the token in a header, never in the address', async () => {
    const { requests } = stubWorkshopApi(
      participant,
      { workshop: makeWorkshop({ status: 'ended', endedAt: '2026-03-10T14:31:00.000Z', messageCount: 3 }) },
      ({ url }) =>
        url.pathname === '/api/workshops/workshop-1/transcript.md'
          ? new Response('# Mediation skills for city officials\n', {
              status: 200,
              headers: { 'Content-Type': 'text/markdown' },
            })
          : undefined,
    );
    renderApp({ path: '/workshops/workshop-1' });
    const user = userEvent.setup();

    const exportLink = await screen.findByRole('link', { name: 'Export the transcript (Markdown)' });
    expect(exportLink).toHaveAttribute('href', '/api/workshops/workshop-1/transcript.md');
    await user.click(exportLink);
    expect(await screen.findByText('The transcript was downloaded.')).toBeInTheDocument();
    const download = calls(requests, 'GET', '/api/workshops/workshop-1/transcript.md')[0];
    expect(download?.headers.get('Authorization')).toBe('Bearer token-1');
    expect(download?.url.search).toBe('');
    expect(saved).toEqual([
      { href: 'blob:transcript-1', download: 'workshop-mediation-skills-for-city-officials-transcript.md' },
    ]);
    expect(screen.getByRole('link', { name: 'Read the transcript' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Register' })).not.toBeInTheDocument();
  });

  it('adds a scheduled workshop to the calendar as an .ics file, with the token in a header', async () => {
    const { requests } = stubWorkshopApi(participant, { workshop: makeWorkshop() }, ({ url }) =>
      url.pathname === '/api/workshops/workshop-1/calendar.ics'
        ? new Response('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', {
            status: 200,
            headers: { 'Content-Type': 'text/calendar' },
          })
        : undefined,
    );
    renderApp({ path: '/workshops/workshop-1' });
    const user = userEvent.setup();

    const link = await screen.findByRole('link', { name: 'Add to calendar (.ics)' });
    expect(link).toHaveAttribute('href', '/api/workshops/workshop-1/calendar.ics');
    expect(screen.getByRole('link', { name: 'Subscribe to all your visits and workshops' })).toHaveAttribute(
      'href',
      '/profile#calendar-feed',
    );
    await user.click(link);
    await waitFor(() =>
      expect(saved).toEqual([
        { href: 'blob:transcript-1', download: 'twinning-workshop-mediation-skills-for-city-officials.ics' },
      ]),
    );
    const download = calls(requests, 'GET', '/api/workshops/workshop-1/calendar.ics')[0];
    expect(download?.headers.get('Authorization')).toBe('Bearer token-1');
    expect(download?.url.search).toBe('');
  });

  it('offers no calendar file once the workshop has ended', async () => {
    stubWorkshopApi(participant, { workshop: makeWorkshop({ status: 'ended', endedAt: '2026-03-10T14:31:00.000Z' }) });
    renderApp({ path: '/workshops/workshop-1' });
    expect(await screen.findByRole('link', { name: 'Export the transcript (Markdown)' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Add to calendar (.ics)' })).not.toBeInTheDocument();
  });

  it('adds and removes co-facilitators found by name, and shows the facilitator log', async () => {
    const state: ServerState = { workshop: asFacilitator() };
    const { requests } = stubWorkshopApi(facilitator, state, ({ url, method }) => {
      if (url.pathname === '/api/workshops/facilitators') {
        return jsonResponse(
          url.searchParams.get('q') === 'ana'
            ? [
                { id: 'user-ana', displayName: 'Ana Souza' },
                { id: 'user-li', displayName: 'Li Wei' },
              ]
            : [],
        );
      }
      if (url.pathname === '/api/workshops/workshop-1/facilitators' && method === 'POST') {
        state.workshop = {
          ...state.workshop,
          facilitators: [
            ...state.workshop.facilitators,
            { id: 'user-ana', displayName: 'Ana Souza', handle: 'ana_souza', cities: [], role: 'facilitator' },
          ],
        };
        return jsonResponse(state.workshop);
      }
      if (url.pathname === '/api/workshops/workshop-1/facilitators/user-ana' && method === 'DELETE') {
        state.workshop = {
          ...state.workshop,
          facilitators: state.workshop.facilitators.filter((person) => person.id !== 'user-ana'),
        };
        return jsonResponse(state.workshop);
      }
      return undefined;
    });
    renderApp({ path: '/workshops/workshop-1' });
    const user = userEvent.setup();

    const log = await screen.findByRole('region', { name: 'Facilitator log' });
    expect(await within(log).findByText(/muted a participant/)).toHaveTextContent(
      'Li Wei · muted a participant · Minh Tran · for 10 minutes',
    );
    // a meeting link change names the provider, never the link
    expect(within(log).getByText(/changed the meeting link/)).toHaveTextContent(
      'Li Wei · changed the meeting link · Video call on Zoom',
    );

    const panel = screen.getByRole('region', { name: 'Facilitators' });
    // The creator cannot be removed here.
    expect(within(panel).queryByRole('button', { name: 'Remove Li Wei from the facilitators' })).toBeNull();
    await user.type(within(panel).getByRole('searchbox', { name: 'Find a facilitator by name' }), 'ana');
    // Those already facilitating are not offered again.
    const add = await within(panel).findByRole('button', { name: 'Add Ana Souza as a co-facilitator' });
    expect(within(panel).queryByRole('button', { name: 'Add Li Wei as a co-facilitator' })).toBeNull();
    await user.click(add);
    expect(await screen.findByText('Ana Souza is now a co-facilitator and was notified.')).toBeInTheDocument();
    expect(calls(requests, 'POST', '/api/workshops/workshop-1/facilitators')[0]?.body).toEqual({
      userId: 'user-ana',
    });

    await user.click(await within(panel).findByRole('button', { name: 'Remove Ana Souza from the facilitators' }));
    expect(await screen.findByText('Ana Souza no longer facilitates this workshop.')).toBeInTheDocument();
    await waitFor(() =>
      expect(within(panel).queryByRole('button', { name: 'Remove Ana Souza from the facilitators' })).toBeNull(),
    );
  });

  it('answers 404 with a clear page', async () => {
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(participant));
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/workshops/workshop-9' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Workshop not found' })).toBeInTheDocument();
  });
});
