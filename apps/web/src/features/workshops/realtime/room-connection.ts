import {
  ErrorCode,
  Namespaces,
  WORKSHOP_LIMITS,
  type ApiError,
  type WorkshopClientEvents,
  type WorkshopServerEvents,
} from '@twinning/contracts';
import { openAuthenticatedSocket, RETRY_BASE_MS, type AuthenticatedSocket } from '../../../lib/socket';
import { newClientId } from './client-id';
import { RoomActions, type AckOf, type PayloadOf } from './room-actions';
import { contiguousSeqOf, firstSeqOf, lastSeqOf, type ServerAction } from './room-state';
import type { RoomStore } from './room-store';

/**
 * The live room's own socket.io connection to `/workshops` (the app's `/notifications` socket is another
 * one, see lib/realtime), opened through the shared factory (`lib/socket`: handshake with the current
 * token, session renewal, back-off). On top of it, the room joins on every connect with the last `seq`
 * it holds (paging forward until caught up), and then sends again, with the same `clientId`, the
 * messages that had no answer when the connection dropped: the server returns the stored message
 * instead of storing it twice.
 */

type ClientEvent = keyof WorkshopClientEvents;
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

const SIGNED_OUT: ApiError = { code: ErrorCode.UNAUTHENTICATED, message: 'Signed out' };

/** The answer given locally to a request made (or left unanswered) while the room is not connected. */
export const OFFLINE_ERROR: ApiError = { code: ErrorCode.SERVICE_UNAVAILABLE, message: 'Not connected to the room' };

export interface RoomConnectionOptions {
  now?: () => number;
}

export class RoomConnection extends RoomActions {
  private connection: AuthenticatedSocket<typeof Namespaces.workshops> | null = null;
  /** Changes with every connect and disconnect: answers meant for an older connection are ignored. */
  private generation = 0;
  /** A refused join waiting to be tried again. */
  private joinTimer: ReturnType<typeof setTimeout> | null = null;
  private gapTimer: ReturnType<typeof setTimeout> | null = null;
  private lastTypingAt = Number.NEGATIVE_INFINITY;
  /** Requests waiting for their answer; a disconnect answers them with OFFLINE_ERROR. */
  private readonly inFlight = new Set<() => void>();
  private readonly now: () => number;

  constructor(store: RoomStore, options: RoomConnectionOptions = {}) {
    super(store);
    this.now = options.now ?? Date.now;
  }

  /** Opens the connection (once; nothing happens while it is open or after the room closed for good). */
  start(): void {
    if (this.connection || this.store.getState().connection === 'closed') return;
    const connection = openAuthenticatedSocket(Namespaces.workshops, {
      // A connect whose join is refused still counts: the back-off starts again once a join succeeds.
      resetBackoff: 'byOwner',
      onConnect: () => {
        this.generation += 1;
        this.clearJoinRetry();
        this.join();
      },
      onDisconnect: (reason) => {
        this.generation += 1;
        this.failInFlight();
        if (reason !== 'io client disconnect') this.store.dispatch({ type: 'disconnected' });
      },
      onSessionEnd: () => this.close(SIGNED_OUT),
    });
    this.connection = connection;
    const socket = connection.socket;
    for (const event of Object.keys(SERVER_EVENTS) as (keyof WorkshopServerEvents)[]) {
      const listener = (payload: unknown) =>
        this.onServerEvent({ type: 'server', event, payload, now: this.now() } as ServerAction);
      (socket.on as (event: string, listener: (payload: unknown) => void) => void).call(socket, event, listener);
    }
  }

  /** Leaves the room and closes the connection (the page is left). */
  stop(): void {
    const connection = this.connection;
    this.connection = null;
    this.clearJoinRetry();
    if (this.gapTimer !== null) clearTimeout(this.gapTimer);
    this.gapTimer = null;
    this.generation += 1;
    this.failInFlight();
    if (!connection) return;
    if (connection.socket.connected)
      connection.socket.emit('workshop.leave', { workshopId: this.workshopId }, () => undefined);
    connection.close();
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

  // --- Joining ------------------------------------------------------------------------------------

  private clearJoinRetry(): void {
    if (this.joinTimer !== null) clearTimeout(this.joinTimer);
    this.joinTimer = null;
  }

  private emit<E extends ClientEvent>(event: E, payload: PayloadOf<E>, ack: (res: AckOf<E>) => void): void {
    const socket = this.connection?.socket;
    (socket?.emit as RawEmit | undefined)?.call(socket, event, payload, ack);
  }

  private isLive(): boolean {
    return this.connection?.socket.connected === true && this.store.getState().connection === 'joined';
  }

  /** Joins with the last seq held (none the first time), and pages forward while the replay was capped. */
  private join(): void {
    const connection = this.connection;
    if (!connection?.socket.connected) return;
    const generation = this.generation;
    const state = this.store.getState();
    const last = contiguousSeqOf(state);
    const afterSeq = last ?? (state.everJoined ? 0 : undefined);
    const payload =
      afterSeq === undefined ? { workshopId: this.workshopId } : { workshopId: this.workshopId, afterSeq };
    this.emit('workshop.join', payload, (res) => {
      if (generation !== this.generation || connection !== this.connection) return;
      if (!res.ok) {
        this.joinFailed(res.error);
        return;
      }
      connection.backoff.reset();
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
    const backoff = this.connection?.backoff.next() ?? 0;
    const delay = Math.max(backoff, (error.retryAfterSeconds ?? 0) * 1000, RETRY_BASE_MS);
    this.clearJoinRetry();
    this.joinTimer = setTimeout(() => {
      this.joinTimer = null;
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
}
