import { Module } from '@nestjs/common';
import { WorkshopRegistrations } from './workshop-registrations';
import { WorkshopsPublisher } from './workshops.publisher';

/**
 * Live workshops: REST for the workshop itself (list, create, register, open, end, history,
 * transcript) and the /workshops socket.io namespace for the room.
 */
@Module({
  controllers: [],
  providers: [WorkshopsPublisher, WorkshopRegistrations],
  exports: [WorkshopsPublisher, WorkshopRegistrations],
})
export class WorkshopsModule {}
