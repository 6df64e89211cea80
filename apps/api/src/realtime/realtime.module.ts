import { Global, Module } from '@nestjs/common';
import { NotificationsGateway } from './notifications.gateway';
import { NotificationsPublisher } from './notifications.publisher';
import { SocketAuth } from './socket-auth';
import { WorkshopPresence } from './workshop-presence';
import { WorkshopsPublisher } from './workshops.publisher';

/**
 * The realtime wing: the handshake every namespace uses, one typed publisher per namespace (the
 * only code that emits), presence in workshop rooms, and the /notifications gateway.
 */
@Global()
@Module({
  providers: [NotificationsGateway, NotificationsPublisher, WorkshopsPublisher, SocketAuth, WorkshopPresence],
  exports: [NotificationsPublisher, WorkshopsPublisher, SocketAuth, WorkshopPresence],
})
export class RealtimeModule {}
