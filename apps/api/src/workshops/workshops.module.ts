import { Module } from '@nestjs/common';
import { WorkshopRegistrations } from './workshop-registrations';
import { WorkshopRoomService } from './workshop-room.service';
import { WorkshopsController } from './workshops.controller';
import { WorkshopsGateway } from './workshops.gateway';
import { WorkshopsService } from './workshops.service';

/**
 * Live workshops: REST for the workshop itself (list, create, register, open, end, history,
 * transcript) and the /workshops socket.io namespace for the room.
 */
@Module({
  controllers: [WorkshopsController],
  providers: [WorkshopRegistrations, WorkshopsService, WorkshopRoomService, WorkshopsGateway],
  exports: [WorkshopRegistrations],
})
export class WorkshopsModule {}
