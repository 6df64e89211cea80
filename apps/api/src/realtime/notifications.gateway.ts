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
import { Namespaces, type Ack } from '@twinning/contracts';
import type { Namespace, Socket } from 'socket.io';
import { AccessService } from '../access/access.service';
import { AppError } from '../common/app-error';
import { idField } from '../common/payload';
import { NotificationsPublisher } from './notifications.publisher';
import { Rooms } from './rooms';
import { WsErrorFilter } from './ws-error.filter';
import { SocketAuth, type AuthedSocketData } from './socket-auth';

/**
 * /notifications: each authenticated socket joins its user's own room, where notifications arrive
 * after their transaction commits. A socket may also follow threads and forums it can read, and
 * study visits it can see, to refresh open pages live; access is checked on every subscribe.
 */
@UseFilters(WsErrorFilter)
@WebSocketGateway({ namespace: Namespaces.notifications })
export class NotificationsGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(NotificationsGateway.name);

  @WebSocketServer()
  namespace!: Namespace;

  constructor(
    private readonly socketAuth: SocketAuth,
    private readonly access: AccessService,
    private readonly publisher: NotificationsPublisher,
  ) {}

  afterInit(namespace: Namespace): void {
    this.socketAuth.guard(namespace);
    this.publisher.attach(namespace);
  }

  async handleConnection(socket: Socket): Promise<void> {
    const { user } = socket.data as AuthedSocketData;
    if (!user) {
      socket.disconnect(true);
      return;
    }
    await socket.join(Rooms.user(user.id));
    socket.emit('session.ready', { userId: user.id });
    this.logger.debug(`socket ${socket.id} joined ${Rooms.user(user.id)}`);
  }

  /** Round-trip check for clients (and the reconnect banner): takes an empty object. */
  @SubscribeMessage('session.ping')
  ping(@ConnectedSocket() _socket: Socket, @MessageBody() body: unknown): Ack<{ at: string }> {
    if (body !== undefined && (typeof body !== 'object' || body === null || Object.keys(body).length > 0)) {
      throw AppError.validation({ body: ['session.ping takes an empty object'] });
    }
    return { ok: true, at: new Date().toISOString() };
  }

  @SubscribeMessage('thread.subscribe')
  async subscribeThread(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const threadId = idField(body, 'threadId');
    await this.access.requireThread((socket.data as AuthedSocketData).user, threadId);
    await socket.join(Rooms.thread(threadId));
    return { ok: true };
  }

  @SubscribeMessage('thread.unsubscribe')
  async unsubscribeThread(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    await socket.leave(Rooms.thread(idField(body, 'threadId')));
    return { ok: true };
  }

  @SubscribeMessage('forum.subscribe')
  async subscribeForum(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const forumId = idField(body, 'forumId');
    await this.access.requireForum((socket.data as AuthedSocketData).user, forumId);
    await socket.join(Rooms.forum(forumId));
    return { ok: true };
  }

  @SubscribeMessage('forum.unsubscribe')
  async unsubscribeForum(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    await socket.leave(Rooms.forum(idField(body, 'forumId')));
    return { ok: true };
  }

  @SubscribeMessage('visit.subscribe')
  async subscribeVisit(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const visitId = idField(body, 'visitId');
    await this.access.requireVisit((socket.data as AuthedSocketData).user, visitId);
    await socket.join(Rooms.visit(visitId));
    return { ok: true };
  }

  @SubscribeMessage('visit.unsubscribe')
  async unsubscribeVisit(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    await socket.leave(Rooms.visit(idField(body, 'visitId')));
    return { ok: true };
  }
}
