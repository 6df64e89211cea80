import { Logger, UseFilters } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayInit,
} from '@nestjs/websockets';
import {
  ErrorCode,
  Namespaces,
  type Ack,
  type RaisedHandDto,
  type WorkshopClientEvents,
  type WorkshopJoinResult,
  type WorkshopMessageDto,
  type WorkshopQuestionDto,
  type WorkshopRoomState,
  type WorkshopStatus,
} from '@twinning/contracts';
import type { Namespace, Socket } from 'socket.io';
import { SocketAuth } from '../realtime/socket-auth';
import { WorkshopPresence } from '../realtime/workshop-presence';
import { WorkshopsPublisher } from '../realtime/workshops.publisher';
import { answerWsError, WsErrorFilter } from '../realtime/ws-error.filter';
import * as parse from './room-payloads';
import * as session from './room-session';
import { RoomMessagesService } from './room-messages.service';
import { RoomModerationService } from './room-moderation.service';
import { RoomAttendanceRecorder } from './room-attendance.recorder';
import { RoomPresenceService } from './room-presence.service';
import { RoomQaService } from './room-qa.service';
import { RoomReportsService } from './room-reports.service';

/** Every event a client may send; anything else sent with an ack is answered NOT_FOUND. */
const CLIENT_EVENTS: Record<keyof WorkshopClientEvents, true> = {
  'workshop.join': true,
  'workshop.leave': true,
  'message.send': true,
  'history.before': true,
  'typing.start': true,
  'message.report': true,
  'question.ask': true,
  'question.vote': true,
  'hand.raise': true,
  'hand.lower': true,
  'message.delete': true,
  'message.pin': true,
  'participant.mute': true,
  'participant.remove': true,
  'room.update': true,
  'report.resolve': true,
  'question.status': true,
  'hand.callNext': true,
};

/**
 * /workshops: the live rooms. The handshake is authenticated like every namespace (SocketAuth);
 * each handler validates its payload strictly, checks through the session helper that the socket
 * joined the room where that matters, and hands plain values to the room's use-case services,
 * which check the policy, write and publish. The gateway alone puts sockets in rooms and takes
 * them out. Failures answer the ack with `{ ok: false, error }` (WsErrorFilter).
 */
@UseFilters(WsErrorFilter)
@WebSocketGateway({ namespace: Namespaces.workshops })
export class WorkshopsGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(WorkshopsGateway.name);
  @WebSocketServer()
  namespace!: Namespace;

  constructor(
    private readonly socketAuth: SocketAuth,
    private readonly publisher: WorkshopsPublisher,
    private readonly presence: WorkshopPresence,
    private readonly roomPresence: RoomPresenceService,
    private readonly messages: RoomMessagesService,
    private readonly qa: RoomQaService,
    private readonly moderation: RoomModerationService,
    private readonly reports: RoomReportsService,
    private readonly attendance: RoomAttendanceRecorder,
  ) {}

  afterInit(namespace: Namespace): void {
    this.socketAuth.guard(namespace);
    this.publisher.attach(namespace);
    this.presence.attach(namespace);
  }

  handleConnection(socket: Socket): void {
    if (!session.startSession(socket)) {
      socket.disconnect(true);
      return;
    }
    socket.once('disconnect', (reason) => {
      // On shutdown every socket goes at once and the adapter's Redis is closing: no presence to tell.
      if (reason === 'server shutting down') return;
      // socket.io already took the socket out of its rooms
      this.roomPresence.left(session.sessionUser(socket).id, session.joinedWorkshops(socket)).catch(() => undefined);
      this.attendance.left(socket.id, null).catch((error: Error) => this.attendanceFailed(error));
    });
    socket.on('message.send', (...args: unknown[]) => void this.send(socket, args));
    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (typeof event === 'string' && Object.hasOwn(CLIENT_EVENTS, event)) return;
      const ack = args[args.length - 1];
      if (typeof ack !== 'function') return;
      (ack as (res: Ack) => void)({
        ok: false,
        error: { code: ErrorCode.NOT_FOUND, message: `Unknown event "${String(event).slice(0, 64)}"` },
      });
    });
  }

  @SubscribeMessage('workshop.join')
  async join(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<WorkshopJoinResult>> {
    const { workshopId, afterSeq } = parse.parseJoin(body);
    const user = session.sessionUser(socket);
    const admission = await this.roomPresence.admit(user, workshopId, session.sessionHandle(socket));
    // in the room before the messages are read, so a message created meanwhile is not missed
    await session.enterRoom(socket, workshopId, admission.role, admission.author.handle);
    let result: WorkshopJoinResult;
    try {
      result = await this.roomPresence.arrive(user, admission, afterSeq);
    } catch (error) {
      await session.leaveRoom(socket, workshopId);
      throw error;
    }
    await this.recordJoin(socket, workshopId, admission.access.status);
    return { ok: true, ...result };
  }

  /**
   * Attendance: the socket's interval in the room opens now (one statement on join, none per message).
   * A socket that disconnected meanwhile has its interval closed again. A failure to record does not
   * refuse the room; the facilitator can correct attendance.
   */
  private async recordJoin(socket: Socket, workshopId: string, status: WorkshopStatus): Promise<void> {
    try {
      await this.attendance.joined(workshopId, status, session.sessionUser(socket).id, socket.id);
      if (socket.disconnected) await this.attendance.left(socket.id, null);
    } catch (error) {
      this.attendanceFailed(error as Error);
    }
  }

  private attendanceFailed(error: Error): void {
    this.logger.warn(`Attendance not recorded: ${error.message}`);
  }

  @SubscribeMessage('workshop.leave')
  async leave(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const { workshopId } = parse.parseRef(body);
    if (await session.leaveRoom(socket, workshopId)) {
      await this.attendance.left(socket.id, [workshopId]).catch((error: Error) => this.attendanceFailed(error));
      await this.roomPresence.left(session.sessionUser(socket).id, [workshopId]);
    }
    return { ok: true };
  }

  /**
   * `message.send`, the room's hot path, is bound on the socket directly (handleConnection), not
   * with @SubscribeMessage: Nest's per-event machinery (parameter resolution, pipes, guards,
   * interceptors, filters and its rxjs stream) cost about a sixth of a room's throughput in
   * `tools/bench/rooms.mjs` (1,650 → 1,900–2,030 acknowledged sends/s on 2 cores). It does what
   * the decorated handlers do: the payload as Nest would pass it (several values as an array), the
   * same strict parser, and failures answered by WsErrorFilter's own mapping.
   */
  private async send(socket: Socket, args: unknown[]): Promise<void> {
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (response: Ack<{ message: WorkshopMessageDto }>) => void) : null;
    const values = ack ? args.slice(0, -1) : args;
    try {
      const p = parse.parseSend(values.length > 1 ? values : values[0]);
      const message = await this.messages.send(
        session.joinedUser(socket, p.workshopId),
        p.workshopId,
        p.clientId,
        p.body,
      );
      ack?.({ ok: true, message });
    } catch (error) {
      answerWsError(error, socket, ack as ((response: unknown) => void) | null, this.logger);
    }
  }

  @SubscribeMessage('history.before')
  async historyBefore(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: unknown,
  ): Promise<Ack<{ messages: WorkshopMessageDto[]; hasMoreBefore: boolean }>> {
    const p = parse.parseHistoryBefore(body);
    const page = await this.messages.historyBefore(session.sessionUser(socket), p.workshopId, p.beforeSeq, p.limit);
    return { ok: true, ...page };
  }

  @SubscribeMessage('typing.start')
  async typing(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const { workshopId } = parse.parseRef(body);
    const user = session.joinedUser(socket, workshopId);
    await this.roomPresence.typing(user, session.sessionAuthor(socket), workshopId);
    return { ok: true };
  }

  @SubscribeMessage('message.report')
  async report(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<{ reportId: string }>> {
    const p = parse.parseReport(body);
    const user = session.joinedUser(socket, p.workshopId);
    return { ok: true, reportId: await this.reports.report(user, p.workshopId, p.messageId, p.reason) };
  }

  @SubscribeMessage('question.ask')
  async ask(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: unknown,
  ): Promise<Ack<{ question: WorkshopQuestionDto }>> {
    const p = parse.parseAsk(body);
    const user = session.joinedUser(socket, p.workshopId);
    return { ok: true, question: await this.qa.ask(user, p.workshopId, p.body) };
  }

  @SubscribeMessage('question.vote')
  async vote(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: unknown,
  ): Promise<Ack<{ question: WorkshopQuestionDto }>> {
    const p = parse.parseVote(body);
    const user = session.joinedUser(socket, p.workshopId);
    return { ok: true, question: await this.qa.vote(user, p.workshopId, p.questionId, p.vote) };
  }

  @SubscribeMessage('hand.raise')
  async raiseHand(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: unknown,
  ): Promise<Ack<{ hands: RaisedHandDto[] }>> {
    const { workshopId } = parse.parseRef(body);
    return { ok: true, hands: await this.qa.raiseHand(session.joinedUser(socket, workshopId), workshopId) };
  }

  @SubscribeMessage('hand.lower')
  async lowerHand(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: unknown,
  ): Promise<Ack<{ hands: RaisedHandDto[] }>> {
    const p = parse.parseLowerHand(body);
    const user = session.sessionUser(socket);
    const target = p.userId ?? user.id;
    // your own hand needs your socket in the room; a facilitator lowers anyone's from anywhere
    if (target === user.id) session.joinedUser(socket, p.workshopId);
    return { ok: true, hands: await this.qa.lowerHand(user, p.workshopId, target) };
  }

  // --- facilitators only ---------------------------------------------------------------------------

  @SubscribeMessage('message.delete')
  async deleteMessage(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const p = parse.parseMessageRef(body);
    await this.messages.delete(session.sessionUser(socket), p.workshopId, p.messageId);
    return { ok: true };
  }

  @SubscribeMessage('message.pin')
  async pin(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const p = parse.parsePin(body);
    await this.messages.pin(session.sessionUser(socket), p.workshopId, p.messageId, p.pinned);
    return { ok: true };
  }

  @SubscribeMessage('participant.mute')
  async mute(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const p = parse.parseMute(body);
    await this.moderation.mute(session.sessionUser(socket), p.workshopId, p.userId, p.minutes);
    return { ok: true };
  }

  @SubscribeMessage('participant.remove')
  async remove(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const p = parse.parseRemove(body);
    await this.moderation.remove(session.sessionUser(socket), p.workshopId, p.userId, p.reason);
    return { ok: true };
  }

  @SubscribeMessage('room.update')
  async updateRoom(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: unknown,
  ): Promise<Ack<{ state: WorkshopRoomState }>> {
    const { workshopId, ...change } = parse.parseRoomUpdate(body);
    return { ok: true, state: await this.moderation.updateRoom(session.sessionUser(socket), workshopId, change) };
  }

  @SubscribeMessage('report.resolve')
  async resolveReport(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const p = parse.parseResolveReport(body);
    await this.reports.resolve(session.sessionUser(socket), p.workshopId, p.reportId);
    return { ok: true };
  }

  @SubscribeMessage('question.status')
  async questionStatus(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: unknown,
  ): Promise<Ack<{ question: WorkshopQuestionDto }>> {
    const p = parse.parseQuestionStatus(body);
    return {
      ok: true,
      question: await this.qa.setStatus(session.sessionUser(socket), p.workshopId, p.questionId, p.status),
    };
  }

  @SubscribeMessage('hand.callNext')
  async callNext(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: unknown,
  ): Promise<Ack<{ called: RaisedHandDto | null }>> {
    return { ok: true, called: await this.qa.callNext(session.sessionUser(socket), parse.parseRef(body).workshopId) };
  }
}
