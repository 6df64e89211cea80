import type { QuestionStatus, WorkshopClientEvents } from '@twinning/contracts';
import type { RoomStore } from './room-store';

type ClientEvent = keyof WorkshopClientEvents;
export type PayloadOf<E extends ClientEvent> = Parameters<WorkshopClientEvents[E]>[0];
export type AckOf<E extends ClientEvent> = Parameters<Parameters<WorkshopClientEvents[E]>[1]>[0];

/**
 * What the viewer can do in the live room besides writing messages: report a message, ask and upvote
 * questions, raise a hand, and (facilitators) moderate. Each is one request to the room whose answer
 * updates the store; `RoomConnection` supplies the request (answered with OFFLINE_ERROR while the room
 * is not joined) and adds the messages, the join and the replay.
 */
export abstract class RoomActions {
  protected constructor(protected readonly store: RoomStore) {}

  protected get workshopId(): string {
    return this.store.getState().workshopId;
  }

  /** Sends a request to the room and resolves with its answer. */
  abstract request<E extends ClientEvent>(event: E, payload: PayloadOf<E>): Promise<AckOf<E>>;

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
