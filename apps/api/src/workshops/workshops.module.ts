import { Module } from '@nestjs/common';
import { WorkshopRegistrations } from './workshop-registrations';
import { WorkshopRoomService } from './workshop-room.service';
import { WorkshopsController } from './workshops.controller';
import { WorkshopsGateway } from './workshops.gateway';
import { WorkshopsPublisher } from './workshops.publisher';
import { WorkshopsService } from './workshops.service';

/**
 * Live workshops: REST for the workshop itself (list, create, register, open, end, history,
 * transcript) and the /workshops socket.io namespace for the room.
 */
@Module({
  controllers: [WorkshopsController],
  providers: [WorkshopsPublisher, WorkshopRegistrations, WorkshopsService, WorkshopRoomService, WorkshopsGateway],
  exports: [WorkshopsPublisher, WorkshopRegistrations],
})
export class WorkshopsModule {}
