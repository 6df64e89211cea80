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
import { AccessTokenService } from '../auth/access-token.service';
import { AppError } from '../common/app-error';
import { Rooms } from './rooms';
import { WsErrorFilter } from './ws-error.filter';
import { useSocketAuth, type AuthedSocketData } from './socket-auth';

/**
 * /notifications: each authenticated socket joins its user's own room; later features publish
 * `notification.created` there after their transaction commits.
 */
@UseFilters(WsErrorFilter)
@WebSocketGateway({ namespace: Namespaces.notifications })
export class NotificationsGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(NotificationsGateway.name);

  @WebSocketServer()
  namespace!: Namespace;

  constructor(private readonly tokens: AccessTokenService) {}

  afterInit(namespace: Namespace): void {
    useSocketAuth(namespace, this.tokens);
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
}
