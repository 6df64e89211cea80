import {
  ErrorCode,
  Namespaces,
  WORKSHOP_LIMITS,
  type ApiError,
  type QuestionStatus,
  type WorkshopClientEvents,
  type WorkshopServerEvents,
} from '@twinning/contracts';
import { io, type Socket } from 'socket.io-client';
import { getAccessToken, onSessionEvent, refreshSession } from '../../../lib/api-client';
import { retryDelay } from '../../../lib/realtime';
import { newClientId } from './client-id';
import { contiguousSeqOf, firstSeqOf, lastSeqOf, type ServerAction } from './room-state';
import type { RoomStore } from './room-store';

/**
 * The live room's own socket.io connection to `/workshops` (the app's `/notifications` socket is another
 * one, see lib/realtime). It authenticates every handshake with the access token of that moment, renews
 * the session when the server refuses an expired token, joins the room on every connect with the last
 * `seq` it holds (paging forward until caught up), and then sends again, with the same `clientId`, the
 * messages that had no answer when the connection dropped: the server returns the stored message
 * instead of storing it twice.
 */

export type WorkshopSocket = Socket<WorkshopServerEvents, WorkshopClientEvents>;
type ClientEvent = keyof WorkshopClientEvents;
export type PayloadOf<E extends ClientEvent> = Parameters<WorkshopClientEvents[E]>[0];
export type AckOf<E extends ClientEvent> = Parameters<Parameters<WorkshopClientEvents[E]>[1]>[0];
type RawEmit = (event: string, payload: unknown, ack: (res: never) => void) => void;

/** Every server event; a missing one is a type error. */
const SERVER_EVENTS: Readonly<Record<keyof WorkshopServerEvents, true>> = {
  'message.created': true,
  'message.deleted': true,
  'message.pinned': true,
  'presence.joined': true,
  'presence.left': true,
  typing: true,
  'participant.muted': true,
  'participant.removed': true,
  'room.updated': true,
  'workshop.status': true,
  'report.created': true,
  'report.resolved': true,
  'question.created': true,
  'question.updated': true,
  'hand.queue': true,
  'hand.called': true,
};

const AUTH_CODES: ReadonlySet<string> = new Set([ErrorCode.TOKEN_EXPIRED, ErrorCode.UNAUTHENTICATED]);
const RETRY_BASE_MS = 1_000;
/** How long a hole in the seqs may last before the missing messages are fetched. */
const GAP_WAIT_MS = 1_500;

/** Join refusals that trying again would not change. */
const FINAL_JOIN_CODES: ReadonlySet<string> = new Set([
  ErrorCode.NOT_FOUND,
  ErrorCode.FORBIDDEN,
  ErrorCode.REMOVED,
  ErrorCode.WORKSHOP_FULL,
  ErrorCode.VALIDATION_FAILED,
  ErrorCode.INVALID_STATE,
  ErrorCode.UNAUTHENTICATED,
]);

/** The answer given locally to a request made (or left unanswered) while the room is not connected. */
export const OFFLINE_ERROR: ApiError = { code: ErrorCode.SERVICE_UNAVAILABLE, message: 'Not connected to the room' };

export interface RoomConnectionOptions {
  now?: () => number;
}

export class RoomConnection {
  private socket: WorkshopSocket | null = null;
  /** Changes with every connect and disconnect: answers meant for an older connection are ignored. */
  private generation = 0;
  /** Consecutive refused handshakes or failed joins, for the back-off. */
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private gapTimer: ReturnType<typeof setTimeout> | null = null;
  private stopSessionWatch: (() => void) | null = null;
  private lastTypingAt = Number.NEGATIVE_INFINITY;
  /** Requests waiting for their answer; a disconnect answers them with OFFLINE_ERROR. */
  private readonly inFlight = new Set<() => void>();
  private readonly now: () => number;

  constructor(
    private readonly store: RoomStore,
    options: RoomConnectionOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  private get workshopId(): string {
    return this.store.getState().workshopId;
  }

  /** Opens the connection (once; nothing happens while it is open or after the room closed for good). */
  start(): void {
    if (this.socket || this.store.getState().connection === 'closed') return;
    const socket: WorkshopSocket = io(Namespaces.workshops, {
      path: '/socket.io',
      transports: ['websocket', 'polling'],
      autoConnect: false,
      // A function, so that every reconnect presents the token of that moment.
      auth: (cb) => cb({ token: getAccessToken() }),
    });
    this.socket = socket;

    socket.on('connect', () => {
      this.generation += 1;
      this.clearRetry();
      this.join();
    });
    socket.on('disconnect', (reason) => {
      this.generation += 1;
      this.failInFlight();
      if (reason === 'io client disconnect') return;
      this.store.dispatch({ type: 'disconnected' });
      // The server closed the socket: socket.io will not reconnect by itself.
      if (reason === 'io server disconnect') this.scheduleConnect(Math.max(retryDelay(this.failures++), RETRY_BASE_MS));
    });
    socket.on('connect_error', (error) => {
      // While `active`, socket.io retries by itself (network trouble); otherwise the server refused us.
      if (!socket.active) this.handleRefusal(error);
    });
    for (const event of Object.keys(SERVER_EVENTS) as (keyof WorkshopServerEvents)[]) {
      const listener = (payload: unknown) =>
        this.onServerEvent({ type: 'server', event, payload, now: this.now() } as ServerAction);
      (socket.on as (event: string, listener: (payload: unknown) => void) => void).call(socket, event, listener);
    }

    this.stopSessionWatch = onSessionEvent((event) => {
      if (event.type === 'ended') this.close({ code: ErrorCode.UNAUTHENTICATED, message: 'Signed out' });
      // A renewed token while waiting to retry a refused handshake: no need to wait any longer.
      else if (this.retryTimer !== null && !socket.connected) this.scheduleConnect(0);
    });
    socket.connect();
  }

  /** Leaves the room and closes the connection (the page is left). */
  stop(): void {
    const socket = this.socket;
    this.socket = null;
    this.clearRetry();
    if (this.gapTimer !== null) clearTimeout(this.gapTimer);
    this.gapTimer = null;
    this.stopSessionWatch?.();
    this.stopSessionWatch = null;
    this.generation += 1;
    this.failInFlight();
    if (!socket) return;
    if (socket.connected) socket.emit('workshop.leave', { workshopId: this.workshopId }, () => undefined);
    socket.off();
    socket.disconnect();
  }

  /** Closes for good: the room is not joined again. */
  private close(error: ApiError | null): void {
    this.stop();
    this.store.dispatch({ type: 'closed', error });
  }

  private onServerEvent(action: ServerAction): void {
    this.store.dispatch(action);
    // Removed by a facilitator: the server took this socket out of the room; do not come back.
    if (this.store.getState().removed) this.stop();
    else if (action.event === 'message.created') this.watchForGap();
  }

  /**
   * Broadcasts from several instances may arrive out of order, and one whose instance died between
   * storing and sending never arrives. A hole in the seqs that outlasts GAP_WAIT_MS is fetched.
   */
  private watchForGap(): void {
    if (this.gapTimer !== null) return;
    const state = this.store.getState();
    if (contiguousSeqOf(state) === lastSeqOf(state)) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      void this.fillGap();
    }, GAP_WAIT_MS);
  }

  private async fillGap(): Promise<void> {
    const state = this.store.getState();
    const from = contiguousSeqOf(state);
    const next = state.messages.find((m) => from !== undefined && m.seq > from);
    if (from === undefined || !next || !this.isLive()) return;
    const res = await this.request('history.before', {
      workshopId: this.workshopId,
      beforeSeq: next.seq,
      limit: Math.min(next.seq - from - 1, WORKSHOP_LIMITS.historyPageMax),
    });
    if (res.ok) this.store.dispatch({ type: 'gap.filled', messages: res.messages });
    this.watchForGap();
  }

  // --- Connection ---------------------------------------------------------------------------------

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private scheduleConnect(delay: number): void {
    this.clearRetry();
    const current = this.socket;
    if (!current) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (current === this.socket && !current.connected) current.connect();
    }, delay);
  }

  /** The server refused the handshake: renew the session for an expired token, then try again after a pause. */
  private handleRefusal(error: Error): void {
    const current = this.socket;
    if (!current) return;
    const code = (error as Error & { data?: { code?: unknown } }).data?.code;
    const delay = retryDelay(this.failures);
    this.failures += 1;
    if (typeof code !== 'string' || !AUTH_CODES.has(code)) {
      this.scheduleConnect(Math.max(delay, RETRY_BASE_MS));
      return;
    }
    refreshSession().then(
      (auth) => {
        if (current !== this.socket) return;
        if (auth) this.scheduleConnect(delay);
        else this.close({ code: ErrorCode.UNAUTHENTICATED, message: 'Signed out' });
      },
      () => {
        if (current === this.socket) this.scheduleConnect(Math.max(delay, RETRY_BASE_MS)); // Offline: later.
      },
    );
  }

  private emit<E extends ClientEvent>(event: E, payload: PayloadOf<E>, ack: (res: AckOf<E>) => void): void {
    (this.socket?.emit as RawEmit | undefined)?.call(this.socket, event, payload, ack);
  }

  private isLive(): boolean {
    return this.socket?.connected === true && this.store.getState().connection === 'joined';
  }

  /** Joins with the last seq held (none the first time), and pages forward while the replay was capped. */
  private join(): void {
    const socket = this.socket;
    if (!socket?.connected) return;
    const generation = this.generation;
    const state = this.store.getState();
    const last = contiguousSeqOf(state);
    const afterSeq = last ?? (state.everJoined ? 0 : undefined);
    const payload =
      afterSeq === undefined ? { workshopId: this.workshopId } : { workshopId: this.workshopId, afterSeq };
    this.emit('workshop.join', payload, (res) => {
      if (generation !== this.generation || socket !== this.socket) return;
      if (!res.ok) {
        this.joinFailed(res.error);
        return;
      }
      this.failures = 0;
      this.store.dispatch({ type: 'joined', result: res });
      if (res.hasMoreAfter && res.messages.length > 0) {
        this.join();
        return;
      }
      this.flushPending();
    });
  }

  private joinFailed(error: ApiError): void {
    const final = FINAL_JOIN_CODES.has(error.code);
    this.store.dispatch({ type: 'join.failed', error, final });
    if (final) {
      this.stop();
      return;
    }
    const generation = this.generation;
    const delay = Math.max(retryDelay(this.failures++), (error.retryAfterSeconds ?? 0) * 1000, RETRY_BASE_MS);
    this.clearRetry();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (generation === this.generation) this.join();
    }, delay);
  }

  private failInFlight(): void {
    for (const fail of [...this.inFlight]) fail();
  }

  /** Sends a request to the room; answered with OFFLINE_ERROR when not connected (or if it drops first). */
  request<E extends ClientEvent>(event: E, payload: PayloadOf<E>): Promise<AckOf<E>> {
    return new Promise((resolve) => {
      const offline = { ok: false, error: OFFLINE_ERROR } as AckOf<E>;
      if (!this.isLive()) {
        resolve(offline);
        return;
      }
      let settled = false;
      const settle = (res: AckOf<E>) => {
        if (settled) return;
        settled = true;
        this.inFlight.delete(fail);
        resolve(res);
      };
      const fail = () => settle(offline);
      this.inFlight.add(fail);
      this.emit(event, payload, settle);
    });
  }

  // --- Messages -----------------------------------------------------------------------------------

  /** Shows the message at once (pending) and sends it now or as soon as the room is joined again. */
  send(body: string): string {
    const clientId = newClientId();
    this.store.dispatch({ type: 'pending.add', clientId, body, createdAt: new Date(this.now()).toISOString() });
    this.transmit(clientId);
    return clientId;
  }

  retry(clientId: string): void {
    this.store.dispatch({ type: 'pending.retry', clientId });
    this.transmit(clientId);
  }

  discard(clientId: string): void {
    this.store.dispatch({ type: 'pending.discard', clientId });
  }

  private transmit(clientId: string): void {
    if (!this.isLive()) return; // Sent after the next join.
    const pending = this.store.getState().pending.find((p) => p.clientId === clientId);
    if (!pending || pending.status !== 'queued') return;
    this.store.dispatch({ type: 'pending.sending', clientId });
    const attempt = pending.attempt + 1;
    const generation = this.generation;
    this.emit('message.send', { workshopId: this.workshopId, clientId, body: pending.body }, (res) => {
      // A stored message is good news whenever it comes; a refusal only counts for the current attempt.
      if (res.ok) {
        if (res.message) this.store.dispatch({ type: 'send.acked', clientId, attempt, message: res.message });
      } else if (generation === this.generation) {
        this.store.dispatch({ type: 'send.failed', clientId, attempt, error: res.error, now: this.now() });
      }
    });
  }

  private flushPending(): void {
    for (const pending of this.store.getState().pending) {
      if (pending.status === 'queued') this.transmit(pending.clientId);
    }
  }

  /** Loads the page of messages before the oldest one held. */
  async loadOlder(): Promise<void> {
    const state = this.store.getState();
    const beforeSeq = firstSeqOf(state);
    if (state.loadingOlder || !state.hasMoreBefore || beforeSeq === undefined || !this.isLive()) return;
    this.store.dispatch({ type: 'history.loading' });
    const res = await this.request('history.before', {
      workshopId: this.workshopId,
      beforeSeq,
      limit: WORKSHOP_LIMITS.historyPageDefault,
    });
    if (res.ok)
      this.store.dispatch({ type: 'history.loaded', messages: res.messages, hasMoreBefore: res.hasMoreBefore });
    else this.store.dispatch({ type: 'history.failed' });
  }

  /** Tells the room the viewer is typing (at most once per throttle period). */
  typing(): void {
    const now = this.now();
    if (now - this.lastTypingAt < WORKSHOP_LIMITS.typingThrottleMs || !this.isLive()) return;
    this.lastTypingAt = now;
    this.emit('typing.start', { workshopId: this.workshopId }, () => undefined);
  }

  report(messageId: string, reason: string) {
    return this.request('message.report', { workshopId: this.workshopId, messageId, reason });
  }

  // --- Q&A and hands ------------------------------------------------------------------------------

  async ask(body: string) {
    const res = await this.request('question.ask', { workshopId: this.workshopId, body });
    if (res.ok && res.question) this.store.dispatch({ type: 'question.upsert', question: res.question });
    return res;
  }

  /** Upvotes (or withdraws the upvote) at once; undone if the server refuses. */
  async vote(questionId: string, vote: boolean) {
    this.store.dispatch({ type: 'question.voted', questionId, vote });
    const res = await this.request('question.vote', { workshopId: this.workshopId, questionId, vote });
    if (!res.ok) this.store.dispatch({ type: 'question.voted', questionId, vote: !vote });
    else if (res.question) this.store.dispatch({ type: 'question.upsert', question: res.question });
    return res;
  }

  async raiseHand() {
    const res = await this.request('hand.raise', { workshopId: this.workshopId });
    if (res.ok && res.hands) this.store.dispatch({ type: 'hands', hands: res.hands });
    return res;
  }

  /** Lowers the viewer's hand, or (facilitators) someone else's. */
  async lowerHand(userId?: string) {
    const payload = userId ? { workshopId: this.workshopId, userId } : { workshopId: this.workshopId };
    const res = await this.request('hand.lower', payload);
    if (res.ok && res.hands) this.store.dispatch({ type: 'hands', hands: res.hands });
    return res;
  }

  dismissCall(): void {
    this.store.dispatch({ type: 'calledOnMe.dismiss' });
  }

  // --- Facilitators -------------------------------------------------------------------------------

  deleteMessage(messageId: string) {
    return this.request('message.delete', { workshopId: this.workshopId, messageId });
  }

  pin(messageId: string, pinned: boolean) {
    return this.request('message.pin', { workshopId: this.workshopId, messageId, pinned });
  }

  /** `minutes: 0` lifts the mute. */
  mute(userId: string, minutes: number) {
    return this.request('participant.mute', { workshopId: this.workshopId, userId, minutes });
  }

  remove(userId: string, reason?: string) {
    const payload = reason ? { workshopId: this.workshopId, userId, reason } : { workshopId: this.workshopId, userId };
    return this.request('participant.remove', payload);
  }

  async updateRoom(update: { locked?: boolean; slowModeSeconds?: number }) {
    const res = await this.request('room.update', { workshopId: this.workshopId, ...update });
    if (res.ok && res.state) this.store.dispatch({ type: 'room.state', state: res.state });
    return res;
  }

  async resolveReport(reportId: string) {
    const res = await this.request('report.resolve', { workshopId: this.workshopId, reportId });
    if (res.ok) this.store.dispatch({ type: 'report.removed', reportId });
    return res;
  }

  async setQuestionStatus(questionId: string, status: QuestionStatus) {
    const res = await this.request('question.status', { workshopId: this.workshopId, questionId, status });
    if (res.ok && res.question) this.store.dispatch({ type: 'question.upsert', question: res.question });
    return res;
  }

  callNextHand() {
    return this.request('hand.callNext', { workshopId: this.workshopId });
  }
}
