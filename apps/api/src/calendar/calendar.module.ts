import { Module } from '@nestjs/common';
import { CalendarInvitations } from './calendar-invitations.service';

/** Calendar invitations by mail, for the features whose events people register for (visits, workshops). */
@Module({
  providers: [CalendarInvitations],
  exports: [CalendarInvitations],
})
export class CalendarModule {}
