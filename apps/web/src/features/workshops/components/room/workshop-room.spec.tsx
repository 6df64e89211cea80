import type { WorkshopDto, WorkshopJoinResult } from '@twinning/contracts';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { installDialogPolyfill } from '../../../../test/dialog-polyfill';
import { fakeSocketSettings, socketFor, type FakeSocket } from '../../../../test/fake-socket';
import { makeAuth, makeMe } from '../../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../../test/test-utils';
import {
  ROOM_ID,
  ana,
  fatima,
  li,
  makeJoinResult,
  makeQuestion,
  makeReport,
  makeRoomMessage,
  makeRoomState,
  makeRoomWorkshop,
} from '../../../../test/workshop-room-fixtures';

const me = makeMe({ id: ana.id, displayName: ana.displayName, handle: ana.handle });

beforeAll(() => installDialogPolyfill());

beforeEach(() => {
  // Each spec answers the room's handshake itself, after saying how the server answers the join.
  fakeSocketSettings.autoConnect = false;
  // jsdom lays nothing out: give the message list's scroller a height so the virtualiser renders rows.
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600);
});

function stubApi(workshop: WorkshopDto = makeRoomWorkshop(), viewer = me) {
  return stubFetch(({ url }) => {
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(viewer));
    if (url.pathname === `/api/workshops/${ROOM_ID}`) return jsonResponse(workshop);
    return apiError(404, 'NOT_FOUND');
  });
}

/** Opens the room page and lets the server accept the room's socket with `join` as the join answer. */
async function openRoom(join: Partial<WorkshopJoinResult> = {}, workshop?: WorkshopDto): Promise<FakeSocket> {
  stubApi(workshop);
  renderApp({ path: `/workshops/${ROOM_ID}/room` });
  const socket = await waitFor(() => socketFor('/workshops'));
  socket.respond('workshop.join', () => ({
    ok: true,
    ...makeJoinResult({ messages: [1, 2, 3].map((seq) => makeRoomMessage(seq)), ...join }),
  }));
  act(() => socket.serverAccept());
  await screen.findByText('Message 3');
  return socket;
}

const composer = () => screen.getByRole('textbox', { name: 'Message' });
const announcer = () => document.querySelector('.room-announcer') as HTMLElement;

describe('Workshop live room', () => {
  it('joins the room and shows the conversation in a labelled feed', async () => {
    const socket = await openRoom();
    expect(socket.sent('workshop.join')).toEqual([{ workshopId: ROOM_ID }]);
    expect(
      screen.getByRole('heading', { level: 1, name: 'Negotiation skills for city officials' }),
    ).toBeInTheDocument();
    const feed = screen.getByRole('feed', { name: 'Conversation messages' });
    expect(within(feed).getAllByRole('article')).toHaveLength(3);
    expect(within(feed).getAllByRole('article')[0]).toHaveAccessibleName(/^Li Wei/);
    expect(screen.getByText('Message 1').closest('[dir="auto"]')).not.toBeNull();
    expect(screen.getByText('3 people in the room')).toBeInTheDocument();
  });

  it('shows a message at once as pending, then as stored when the ack arrives', async () => {
    const user = userEvent.setup();
    const socket = await openRoom();
    socket.respond('message.send', () => undefined); // Hold the answer.

    await user.type(composer(), 'Good afternoon from Rotterdam');
    await user.keyboard('{Enter}');

    const pending = screen.getByText('Good afternoon from Rotterdam').closest('article') as HTMLElement;
    expect(within(pending).getByText('Sending…')).toBeInTheDocument();
    expect(composer()).toHaveValue('');
    const [sent] = socket.emitted.filter((entry) => entry.event === 'message.send');
    const { clientId } = sent?.payload as { clientId: string };

    act(() =>
      sent?.ack?.({
        ok: true,
        message: makeRoomMessage(4, { author: ana, clientId, body: 'Good afternoon from Rotterdam' }),
      }),
    );
    expect(screen.queryByText('Sending…')).not.toBeInTheDocument();
    // The stored copy replaced the pending one: once, with its time.
    const articles = within(screen.getByRole('feed')).getAllByRole('article');
    expect(articles).toHaveLength(4);
    expect(articles[3]).toHaveTextContent('Good afternoon from Rotterdam');
    expect(articles[3]?.querySelector('time')).not.toBeNull();
  });

  it('mutes everywhere when a send is refused with MUTED (composer, Q&A, hand), and offers to retry or discard', async () => {
    const user = userEvent.setup();
    const socket = await openRoom();
    socket.respond('message.send', () => ({
      ok: false,
      error: { code: 'MUTED', message: 'Muted', retryAfterSeconds: 300 },
    }));

    await user.type(composer(), 'Can I speak?{Enter}');

    await waitFor(() => expect(composer()).toBeDisabled());
    expect(composer()).toHaveAccessibleDescription(/You are muted for [45] min(, \d+ sec)?\./);
    await user.click(screen.getByRole('tab', { name: /^Q&A/ }));
    const ask = screen.getByRole('textbox', { name: 'Ask a question' });
    expect(ask).toBeDisabled();
    expect(ask).toHaveAccessibleDescription(/^You are muted for [45] min/);
    await user.click(screen.getByRole('tab', { name: /^People/ }));
    expect(screen.getByRole('button', { name: 'Raise my hand' })).toBeDisabled();
    const failed = screen.getByText('Can I speak?').closest('article') as HTMLElement;
    expect(within(failed).getByText('Not sent')).toBeInTheDocument();
    expect(within(failed).getByRole('button', { name: 'Send again' })).toBeInTheDocument();
    await user.click(within(failed).getByRole('button', { name: 'Discard' }));
    expect(screen.queryByText('Can I speak?')).not.toBeInTheDocument();
  });

  it('keeps Shift+Enter as a new line and counts characters near the limit', async () => {
    const user = userEvent.setup();
    const socket = await openRoom();
    await user.type(composer(), 'First line{Shift>}{Enter}{/Shift}second line');
    expect(composer()).toHaveValue('First line\nsecond line');
    expect(socket.sent('message.send')).toEqual([]);
    expect(screen.queryByText(/characters$/)).not.toBeInTheDocument();

    await user.clear(composer());
    await user.click(composer());
    await user.paste('x'.repeat(4_001));
    expect(screen.getByText('4,001 / 4,000 characters')).toBeInTheDocument();
    expect(composer()).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    await user.keyboard('{Enter}');
    expect(socket.sent('message.send')).toEqual([]);
  });

  it('shows the reconnect banner while disconnected and rejoins with the last seq', async () => {
    const socket = await openRoom();
    const banner = () => screen.queryByText(/Reconnecting… your messages will be sent when the connection is back/);
    expect(banner()).not.toBeInTheDocument();

    act(() => socket.dropConnection());
    expect(banner()).toBeInTheDocument();
    expect(banner()?.closest('[role="status"]')).not.toBeNull();

    socket.respond('workshop.join', () => ({ ok: true, ...makeJoinResult({ messages: [makeRoomMessage(4)] }) }));
    act(() => socket.serverAccept());
    expect(socket.sent('workshop.join').at(-1)).toEqual({ workshopId: ROOM_ID, afterSeq: 3 });
    expect(banner()).not.toBeInTheDocument();
    expect(screen.getByText('Message 4')).toBeInTheDocument();
  });

  it('sends what was written while disconnected after the rejoin', async () => {
    const user = userEvent.setup();
    const socket = await openRoom();
    act(() => socket.dropConnection());
    await user.type(composer(), 'Typed offline{Enter}');
    expect(screen.getByText('Waiting for the connection…')).toBeInTheDocument();
    expect(socket.sent('message.send')).toEqual([]);

    act(() => socket.serverAccept());
    expect(socket.sent('message.send')).toEqual([expect.objectContaining({ body: 'Typed offline' })]);
  });

  it('announces messages from others in a polite live region (not the whole list)', async () => {
    const socket = await openRoom();
    expect(announcer()).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByRole('feed')).not.toHaveAttribute('aria-live');
    expect(announcer()).toHaveTextContent(''); // The history of the first join is not announced.

    act(() => socket.serverEmit('message.created', makeRoomMessage(4, { body: 'Welcome, everyone' })));
    expect(announcer()).toHaveTextContent('New message from Li Wei: Welcome, everyone');
    expect(screen.getByText('Welcome, everyone')).toBeInTheDocument();
  });

  it('sums up messages arriving close together', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const socket = await openRoom();
      act(() => socket.serverEmit('message.created', makeRoomMessage(4)));
      act(() => {
        socket.serverEmit('message.created', makeRoomMessage(5, { author: fatima }));
        socket.serverEmit('message.created', makeRoomMessage(6));
        socket.serverEmit('message.created', makeRoomMessage(7, { author: fatima }));
      });
      expect(announcer()).toHaveTextContent('New message from Li Wei: Message 4');
      act(() => vi.advanceTimersByTime(3_000));
      expect(announcer()).toHaveTextContent('3 new messages from Fatima Zahra and Li Wei');
    } finally {
      vi.useRealTimers();
    }
  });

  it('toggles an upvote with aria-pressed', async () => {
    const user = userEvent.setup();
    const socket = await openRoom({ questions: [makeQuestion('q1', { votes: 2 })] });
    await user.click(screen.getByRole('tab', { name: /Q&A/ }));
    const upvote = screen.getByRole('button', { name: 'Upvote' });
    expect(upvote).toHaveAttribute('aria-pressed', 'false');
    expect(upvote).toHaveAccessibleDescription('2 votes');

    socket.respond('question.vote', (payload) => {
      const { vote } = payload as { vote: boolean };
      return { ok: true, question: makeQuestion('q1', { votes: vote ? 3 : 2 }) };
    });
    await user.click(upvote);
    expect(upvote).toHaveAttribute('aria-pressed', 'true');
    expect(upvote).toHaveAccessibleDescription('3 votes');
    await user.click(upvote);
    expect(upvote).toHaveAttribute('aria-pressed', 'false');
    expect(socket.sent('question.vote')).toEqual([
      { workshopId: ROOM_ID, questionId: 'q1', vote: true },
      { workshopId: ROOM_ID, questionId: 'q1', vote: false },
    ]);
  });

  it('does not show the moderation panel to a participant', async () => {
    await openRoom();
    expect(screen.getByRole('tab', { name: /People/ })).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: /Moderation/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lock the room' })).not.toBeInTheDocument();
  });

  it('gives facilitators the moderation panel: live reports, lock, mute', async () => {
    const user = userEvent.setup();
    const socket = await openRoom(
      { state: makeRoomState({ you: { role: 'facilitator', mutedUntil: null } }) },
      makeRoomWorkshop({ viewer: { registered: false, facilitator: true, removed: false } }),
    );
    await user.click(screen.getByRole('tab', { name: 'Moderation (0)' }));
    expect(screen.getByText('No open reports.')).toBeInTheDocument();

    act(() => socket.serverEmit('report.created', makeReport('r1', makeRoomMessage(2))));
    expect(screen.getByRole('tab', { name: 'Moderation (1)' })).toBeInTheDocument();
    expect(screen.getByText('Reason: Off topic')).toBeInTheDocument();
    expect(announcer()).toHaveTextContent('New report from Minh Tran.');

    await user.click(screen.getByRole('button', { name: 'Lock the room' }));
    expect(socket.sent('room.update')).toEqual([{ workshopId: ROOM_ID, locked: true }]);

    // The person menu in the people list, with the keyboard: the first item has the focus, arrows move.
    await user.click(screen.getByRole('tab', { name: /^People/ }));
    const toggle = screen.getByRole('button', { name: 'Actions for Li Wei' });
    expect(toggle).toHaveAttribute('aria-haspopup', 'menu');
    toggle.focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu', { name: 'Actions for Li Wei' });
    expect(within(menu).getByRole('menuitem', { name: 'Mute for 5 minutes' })).toHaveFocus();
    expect(within(menu).queryByRole('menuitem', { name: 'Unmute' })).not.toBeInTheDocument();
    await user.keyboard('{ArrowDown}');
    expect(within(menu).getByRole('menuitem', { name: 'Mute for 15 minutes' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(socket.sent('participant.mute')).toEqual([{ workshopId: ROOM_ID, userId: li.id, minutes: 15 }]);
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(toggle).toHaveFocus();
    expect(announcer()).toHaveTextContent('Li Wei is muted for 15 minutes.');

    // Muted: the people list says for how long, and the menu on Li's messages offers to unmute.
    const until = new Date(Date.now() + 15 * 60_000).toISOString();
    act(() => socket.serverEmit('participant.muted', { workshopId: ROOM_ID, user: li, mutedUntil: until, by: fatima }));
    expect(await screen.findByText(/^Muted · 1[45] min/)).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Actions for the message from Li Wei' })[0] as HTMLElement);
    const messageMenu = screen.getByRole('menu', { name: 'Actions for the message from Li Wei' });
    const person = within(messageMenu).getByRole('group', { name: 'Li Wei' });
    expect(
      within(person)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Mute for 5 minutes', 'Mute for 15 minutes', 'Mute for 1 hour', 'Unmute', 'Remove from the workshop']);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('tells a participant prominently when the facilitator calls on them', async () => {
    const user = userEvent.setup();
    const socket = await openRoom();
    act(() => socket.serverEmit('hand.called', { workshopId: ROOM_ID, user: ana, by: fatima }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The facilitator has called on you');
    await user.click(within(alert).getByRole('button', { name: 'OK' }));
    expect(screen.queryByText('The facilitator has called on you')).not.toBeInTheDocument();
  });

  it('says clearly when the viewer was removed, and does not rejoin', async () => {
    const socket = await openRoom();
    act(() => socket.serverEmit('participant.removed', { workshopId: ROOM_ID, user: ana, by: fatima }));
    expect(screen.getByRole('alert')).toHaveTextContent('A facilitator removed you from this workshop.');
    expect(composer()).toBeDisabled();
    expect(socket.connected).toBe(false);
    expect(screen.queryByText(/Reconnecting/)).not.toBeInTheDocument();
  });

  it('works right to left in Arabic: the arrow keys follow the reading direction in the tabs', async () => {
    const user = userEvent.setup();
    stubApi(makeRoomWorkshop(), { ...me, preferredLanguage: 'ar' });
    renderApp({ path: `/workshops/${ROOM_ID}/room`, initialLanguage: 'ar' });
    const socket = await waitFor(() => socketFor('/workshops'));
    socket.respond('workshop.join', () => ({ ok: true, ...makeJoinResult({ messages: [makeRoomMessage(1)] }) }));
    act(() => socket.serverAccept());
    await screen.findByText('Message 1');
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(screen.getByRole('textbox', { name: 'الرسالة' })).toHaveAttribute('dir', 'auto');

    const people = screen.getByRole('tab', { name: 'الحاضرون (3)' });
    people.focus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'الأسئلة (0)' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'الأسئلة (0)' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowRight}');
    expect(people).toHaveFocus();
  });

  it('writes message times in the page’s one time format (French: 9:05, not 09:05)', async () => {
    stubApi(makeRoomWorkshop(), { ...me, preferredLanguage: 'fr' });
    renderApp({ path: `/workshops/${ROOM_ID}/room`, initialLanguage: 'fr' });
    const socket = await waitFor(() => socketFor('/workshops'));
    // 13:05 UTC is 9:05 in Toronto (EDT), the viewer's time zone
    const message = makeRoomMessage(1, { createdAt: '2026-03-10T13:05:00.000Z' });
    socket.respond('workshop.join', () => ({ ok: true, ...makeJoinResult({ messages: [message] }) }));
    act(() => socket.serverAccept());
    await screen.findByText('Message 1');
    const time = document.querySelector('time.room-message__time');
    expect(time).toHaveTextContent(/^9:05$/);
    expect(time).toHaveAttribute('dateTime', '2026-03-10T13:05:00.000Z');
  });

  it('keeps an ended workshop as a read-only transcript', async () => {
    const socket = await openRoom();
    act(() =>
      socket.serverEmit('workshop.status', { workshopId: ROOM_ID, status: 'ended', at: '2026-03-10T16:00:00.000Z' }),
    );
    expect(screen.getByText(/This workshop has ended\. The conversation stays here/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Message' })).not.toBeInTheDocument();
    expect(screen.getByText('Message 1')).toBeInTheDocument();
    expect(announcer()).toHaveTextContent('The workshop has ended.');
  });
});
