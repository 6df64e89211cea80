import { Global, Module } from '@nestjs/common';
import { NotificationsGateway } from './notifications.gateway';
import { NotificationsPublisher } from './notifications.publisher';
import { WorkshopsPublisher } from './workshops.publisher';

/** The realtime wing: one typed publisher per namespace (the only code that emits) and the /notifications gateway. */
@Global()
@Module({
  providers: [NotificationsGateway, NotificationsPublisher, WorkshopsPublisher],
  exports: [NotificationsPublisher, WorkshopsPublisher],
})
export class RealtimeModule {}
