import { Module } from '@nestjs/common';
import { VisitAccess } from './visit-access';
import { VisitAgendaService } from './visit-agenda.service';
import { VisitCalendarService } from './visit-calendar.service';
import { VisitPollService } from './visit-poll.service';
import { VisitRegistrationsService } from './visit-registrations.service';
import { VisitReportsService } from './visit-reports.service';
import { CalendarFeedController, VisitsController } from './visits.controller';
import { VisitsService } from './visits.service';

/**
 * Study visits: planning (date poll, agenda in the host's time zone, states), registration with a
 * waitlist, the roster, iCalendar exports and feeds, and the visit report.
 */
@Module({
  controllers: [VisitsController, CalendarFeedController],
  providers: [
    VisitAccess,
    VisitsService,
    VisitPollService,
    VisitAgendaService,
    VisitRegistrationsService,
    VisitCalendarService,
    VisitReportsService,
  ],
})
export class VisitsModule {}
