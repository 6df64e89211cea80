import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar';
import { PartnershipsModule } from '../partnerships';
import { WorkshopsModule } from '../workshops';
import { VisitAccess } from './visit-access';
import { VisitAgendaRepository } from './visit-agenda.repository';
import { VisitAgendaService } from './visit-agenda.service';
import { VisitCalendarRepository } from './visit-calendar.repository';
import { VisitCalendarService } from './visit-calendar.service';
import { VisitInvitations } from './visit-invitations';
import { VisitPollRepository } from './visit-poll.repository';
import { VisitPollService } from './visit-poll.service';
import { VisitRegistrationsRepository } from './visit-registrations.repository';
import { VisitRegistrationsService } from './visit-registrations.service';
import { VisitReportsRepository } from './visit-reports.repository';
import { VisitReportsService } from './visit-reports.service';
import { VisitWaitlist } from './visit-waitlist';
import { CalendarFeedController, VisitsController } from './visits.controller';
import { VisitsRepository } from './visits.repository';
import { VisitsService } from './visits.service';

/**
 * Study visits: planning (date poll, agenda in the host's time zone, states), registration with a
 * waitlist, the roster, iCalendar exports and feeds, and the visit report. Controllers are transport,
 * services policy (access, states, transactions, what to notify and publish after commit),
 * repositories SQL and row mapping.
 */
@Module({
  imports: [PartnershipsModule, CalendarModule, WorkshopsModule],
  controllers: [VisitsController, CalendarFeedController],
  providers: [
    VisitsRepository,
    VisitPollRepository,
    VisitAgendaRepository,
    VisitRegistrationsRepository,
    VisitReportsRepository,
    VisitCalendarRepository,
    VisitAccess,
    VisitWaitlist,
    VisitInvitations,
    VisitsService,
    VisitPollService,
    VisitAgendaService,
    VisitRegistrationsService,
    VisitCalendarService,
    VisitReportsService,
  ],
})
export class VisitsModule {}
