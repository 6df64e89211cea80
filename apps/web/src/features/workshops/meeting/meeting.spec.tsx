import type { WorkshopDto, WorkshopMeetingDto } from '@twinning/contracts';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { installDialogPolyfill } from '../../../test/dialog-polyfill';
import { fakeSocketSettings, socketFor } from '../../../test/fake-socket';
import { makeAuth, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch, type RecordedRequest } from '../../../test/test-utils';
import { makeWorkshop } from '../../../test/workshop-fixtures';
import { ROOM_ID, ana, makeJoinResult, makeRoomWorkshop } from '../../../test/workshop-room-fixtures';
import { MEETING_RECHECK_MS, meetingRefreshDelay, meetingState } from './meeting-state';

const JITSI = 'https://meet.jit.si/twinning-demo-room';
const MINUTE = 60_000;

const meeting = (overrides: Partial<WorkshopMeetingDto> = {}): WorkshopMeetingDto => ({
  provider: 'jitsi',
  url: null,
  opensAt: '2026-03-10T13:45:00.000Z',
  embed: false,
  ...overrides,
});

beforeAll(() => installDialogPolyfill());

describe('meetingState and meetingRefreshDelay', () => {
  const now = Date.parse('2026-03-10T13:00:00.000Z');
  const base = makeWorkshop({
    status: 'scheduled',
    startsAt: '2026-03-10T14:00:00.000Z',
    endsAt: '2026-03-10T15:00:00.000Z',
    meeting: meeting(),
  });
  const viewer = (v: Partial<WorkshopDto['viewer']>) => ({ ...base.viewer, ...v });

  it('says nothing without a meeting, for removed viewers, or once ended', () => {
    expect(meetingState({ ...base, meeting: null }, now)).toBe('none');
    expect(meetingState({ ...base, viewer: viewer({ removed: true }) }, now)).toBe('none');
    expect(meetingState({ ...base, status: 'ended', viewer: viewer({ registered: true }) }, now)).toBe('none');
  });

  it('offers to join when the server sent the link, and says when it comes otherwise', () => {
    expect(meetingState({ ...base, meeting: meeting({ url: JITSI }) }, now)).toBe('join');
    expect(meetingState({ ...base, viewer: viewer({ registered: true }) }, now)).toBe('soon');
    expect(meetingState({ ...base, viewer: viewer({ registered: false }) }, now)).toBe('register');
  });

  it('asks again just after the window opens, then at the recheck pace while the server holds it back', () => {
    const registered = { ...base, viewer: viewer({ registered: true }) };
    expect(meetingRefreshDelay(registered, now)).toBe(45 * MINUTE + 500);
    expect(meetingRefreshDelay(registered, now + 45 * MINUTE + 1000)).toBe(MEETING_RECHECK_MS);
    // the link is here: once more at the scheduled end of a room never opened
    const joined = { ...registered, meeting: meeting({ url: JITSI }) };
    expect(meetingRefreshDelay(joined, now)).toBe(60 * MINUTE); // capped at an hour, then computed again
    expect(meetingRefreshDelay({ ...joined, status: 'live' }, now)).toBeNull();
    // nothing to wait for: facilitators, the unregistered, no meeting
    expect(meetingRefreshDelay({ ...base, viewer: viewer({ facilitator: true }) }, now)).toBeNull();
    expect(meetingRefreshDelay(base, now)).toBeNull();
    expect(meetingRefreshDelay({ ...registered, meeting: null }, now)).toBeNull();
  });
});

/** The workshop page over a small API: GET answers `current()`, registration flips `viewer.registered`. */
function stubWorkshopPage(me: ReturnType<typeof makeMe>, current: () => WorkshopDto) {
  return stubFetch(({ url, method }: RecordedRequest) => {
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
    if (url.pathname === '/api/workshops/workshop-1' && method === 'GET') return jsonResponse(current());
    if (url.pathname === '/api/workshops/workshop-1/audit') return jsonResponse({ items: [], nextCursor: null });
    return apiError(404, 'NOT_FOUND');
  });
}

describe('Workshop page: "Join the call"', () => {
  const participant = makeMe();
  const facilitator = makeMe({ id: 'user-li', displayName: 'Li Wei', roles: ['facilitator'] });

  it('opens the call in a new tab, without giving the meeting a handle on this page', async () => {
    const workshop = makeWorkshop({
      status: 'live',
      viewer: { registered: true, facilitator: false, removed: false },
      meeting: meeting({ url: JITSI }),
    });
    stubWorkshopPage(participant, () => workshop);
    renderApp({ path: '/workshops/workshop-1' });
    const link = await screen.findByRole('link', { name: /Join the call/ }, { timeout: 5000 });
    expect(link).toHaveAttribute('href', JITSI);
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('rel')?.split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
    expect(screen.getByText('Video call on Jitsi Meet')).toBeInTheDocument();
  });

  it('tells an unregistered viewer how to get the link, and shows no link', async () => {
    stubWorkshopPage(participant, () => makeWorkshop({ meeting: meeting({ provider: 'zoom' }) }));
    renderApp({ path: '/workshops/workshop-1' });
    expect(
      await screen.findByText(
        'This workshop has a Zoom call. Registered participants get the link 15 minutes before the start.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Join the call/ })).not.toBeInTheDocument();
  });

  it('shows the button when the window opens, without a reload: the page asks the server at that moment', async () => {
    const opensAt = new Date(Date.now() + 1200).toISOString();
    const startsAt = new Date(Date.parse(opensAt) + 15 * MINUTE).toISOString();
    const endsAt = new Date(Date.parse(startsAt) + 60 * MINUTE).toISOString();
    let open = false;
    const current = () =>
      makeWorkshop({
        startsAt,
        endsAt,
        viewer: { registered: true, facilitator: false, removed: false },
        meeting: meeting({ provider: 'other', opensAt, url: open ? 'https://video.example.org/r/1' : null }),
      });
    const { requests } = stubWorkshopPage(participant, current);
    renderApp({ path: '/workshops/workshop-1' });
    expect(
      await screen.findByText(/The link to the video call appears here 15 minutes before the start/),
    ).toBeVisible();
    expect(screen.queryByRole('link', { name: /Join the call/ })).not.toBeInTheDocument();
    const before = requests.filter((r) => r.url.pathname === '/api/workshops/workshop-1').length;
    open = true; // the server's window opens at opensAt
    const link = await screen.findByRole('link', { name: /Join the call/ }, { timeout: 4000 });
    expect(link).toHaveAttribute('href', 'https://video.example.org/r/1');
    expect(screen.getByText('Video call on another service')).toBeInTheDocument();
    expect(requests.filter((r) => r.url.pathname === '/api/workshops/workshop-1').length).toBe(before + 1);
  });

  it('lets facilitators change the link in the edit form, refusing anything but https before sending', async () => {
    let workshop = makeWorkshop({
      viewer: { registered: false, facilitator: true, removed: false },
      meeting: meeting({ url: JITSI }),
    });
    const patches: unknown[] = [];
    stubFetch(({ url, method, body }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(facilitator));
      if (url.pathname === '/api/workshops/workshop-1' && method === 'PATCH') {
        patches.push(body);
        const next = (body as { meetingUrl?: string | null }).meetingUrl;
        workshop = { ...workshop, meeting: next ? meeting({ provider: 'zoom', url: next }) : null };
        return jsonResponse(workshop);
      }
      if (url.pathname === '/api/workshops/workshop-1') return jsonResponse(workshop);
      if (url.pathname === '/api/workshops/workshop-1/audit') return jsonResponse({ items: [], nextCursor: null });
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/workshops/workshop-1/edit' });
    const user = userEvent.setup();
    const field = await screen.findByRole('textbox', { name: 'Online meeting link (optional)' });
    expect(field).toHaveValue(JITSI);

    await user.clear(field);
    await user.type(field, 'http://zoom.us/j/1');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(
      await screen.findByText('Enter a full https:// link, such as https://meet.jit.si/our-workshop.'),
    ).toBeVisible();
    expect(patches).toHaveLength(0);

    await user.clear(field);
    await user.type(field, 'https://zoom.us/j/1');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(patches).toEqual([{ meetingUrl: 'https://zoom.us/j/1' }]));
  });
});

describe('Room: "Join the call"', () => {
  const me = makeMe({ id: ana.id, displayName: ana.displayName, handle: ana.handle });

  beforeEach(() => {
    fakeSocketSettings.autoConnect = false;
    vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600);
  });

  async function openRoom(workshop: WorkshopDto) {
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
      if (url.pathname === `/api/workshops/${ROOM_ID}`) return jsonResponse(workshop);
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: `/workshops/${ROOM_ID}/room` });
    const socket = await waitFor(() => socketFor('/workshops'));
    socket.respond('workshop.join', () => ({ ok: true, ...makeJoinResult() }));
    act(() => socket.serverAccept());
  }

  it('opens a meeting on an embed origin beside the chat, with camera, microphone, screen and full screen allowed', async () => {
    await openRoom(makeRoomWorkshop({ meeting: meeting({ url: JITSI, embed: true }) }));
    const user = userEvent.setup();
    const toggle = await screen.findByRole('button', { name: 'Join the call' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    const region = screen.getByRole('region', { name: 'The Jitsi Meet call' });
    const frame = within(region).getByTitle('The Jitsi Meet call');
    expect(frame.tagName).toBe('IFRAME');
    expect(frame).toHaveAttribute('src', JITSI);
    expect(frame.getAttribute('allow')?.split(/;\s*/)).toEqual(
      expect.arrayContaining(['camera', 'microphone', 'display-capture', 'fullscreen']),
    );
    expect(within(region).getByRole('link', { name: 'Open in a new tab' })).toHaveAttribute(
      'rel',
      'noopener noreferrer',
    );
    expect(screen.getByRole('button', { name: 'Hide the call' })).toHaveAttribute('aria-expanded', 'true');
    await user.click(within(region).getByRole('button', { name: 'Close the call' }));
    expect(screen.queryByTitle('The Jitsi Meet call')).not.toBeInTheDocument();
  });

  it('opens other meetings in a new tab, never in a frame', async () => {
    await openRoom(makeRoomWorkshop({ meeting: meeting({ provider: 'zoom', url: 'https://zoom.us/j/1' }) }));
    const link = await screen.findByRole('link', { name: /Join the call/ });
    expect(link).toHaveAttribute('target', '_blank');
    expect(document.querySelector('iframe')).toBeNull();
  });
});

describe('Room: the server is asked again', () => {
  const me = makeMe({ id: ana.id, displayName: ana.displayName, handle: ana.handle });

  beforeEach(() => {
    fakeSocketSettings.autoConnect = false;
    vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600);
  });

  it('after entering a live room (which registers) and when the room ends, so the link comes and goes', async () => {
    let workshop = makeRoomWorkshop({
      viewer: { registered: false, facilitator: false, removed: false },
      meeting: meeting({ provider: 'zoom' }),
    });
    const { requests } = stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
      if (url.pathname === `/api/workshops/${ROOM_ID}`) return jsonResponse(workshop);
      return apiError(404, 'NOT_FOUND');
    });
    const fetches = () => requests.filter((r) => r.url.pathname === `/api/workshops/${ROOM_ID}`).length;
    renderApp({ path: `/workshops/${ROOM_ID}/room` });
    const socket = await waitFor(() => socketFor('/workshops'));
    socket.respond('workshop.join', () => ({ ok: true, ...makeJoinResult() }));
    // the join registers her: the server now sends the link
    workshop = {
      ...workshop,
      viewer: { ...workshop.viewer, registered: true },
      meeting: meeting({ provider: 'zoom', url: 'https://zoom.us/j/1' }),
    };
    act(() => socket.serverAccept());
    expect(await screen.findByRole('link', { name: /Join the call/ })).toHaveAttribute('href', 'https://zoom.us/j/1');
    const before = fetches();

    // a facilitator ends the workshop: asked again, the server holds the link back
    workshop = { ...workshop, status: 'ended', meeting: meeting({ provider: 'zoom' }) };
    act(() =>
      socket.serverEmit('workshop.status', { workshopId: ROOM_ID, status: 'ended', at: new Date().toISOString() }),
    );
    await waitFor(() => expect(screen.queryByRole('link', { name: /Join the call/ })).not.toBeInTheDocument());
    expect(fetches()).toBeGreaterThan(before);
  });
});
