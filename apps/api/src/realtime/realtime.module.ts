import { Global, Module } from '@nestjs/common';
import { NotificationsGateway } from './notifications.gateway';
import { RealtimePublisher } from './realtime.publisher';

@Global()
@Module({ providers: [NotificationsGateway, RealtimePublisher], exports: [RealtimePublisher] })
export class RealtimeModule {}
