import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar';
import { RoomMessagesRepository } from './room-messages.repository';
import { RoomMessagesService } from './room-messages.service';
import { RoomModerationService } from './room-moderation.service';
import { RoomPresenceService } from './room-presence.service';
import { RoomQaService } from './room-qa.service';
import { RoomQuestionsRepository } from './room-questions.repository';
import { RoomReportsRepository } from './room-reports.repository';
import { RoomReportsService } from './room-reports.service';
import { RoomSendWriter } from './room-send-writer';
import { RoomSnapshotService } from './room-snapshot.service';
import { RoomAttendanceRecorder } from './room-attendance.recorder';
import { RoomAttendanceRepository } from './room-attendance.repository';
import { WorkshopAttendanceRepository } from './workshop-attendance.repository';
import { WorkshopAttendanceService } from './workshop-attendance.service';
import { WorkshopAttendeesRepository } from './workshop-attendees.repository';
import { WorkshopAuditRepository } from './workshop-audit.repository';
import { WorkshopCalendarRepository } from './workshop-calendar.repository';
import { WorkshopCalendar } from './workshop-calendar';
import { WorkshopCalendarService } from './workshop-calendar.service';
import { WorkshopFacilitatorsRepository } from './workshop-facilitators.repository';
import { WorkshopFacilitatorsService } from './workshop-facilitators.service';
import { WorkshopHistoryService } from './workshop-history.service';
import { WorkshopLifecycleService } from './workshop-lifecycle.service';
import { WorkshopProvisioning } from './workshop-provisioning.service';
import { WorkshopRegistrations } from './workshop-registrations.service';
import { WorkshopsController } from './workshops.controller';
import { WorkshopsGateway } from './workshops.gateway';
import { WorkshopsRepository } from './workshops.repository';
import { WorkshopsService } from './workshops.service';

/**
 * Live workshops: REST for the workshop itself (list, create, edit, co-facilitators, register,
 * open, end, history, transcript, audit) and the /workshops socket.io namespace for the room
 * (messages, Q&A and hands, moderation and reports, presence), each a use-case service over the
 * repositories. The handshake, publisher and presence come from the realtime wing.
 */
@Module({
  imports: [CalendarModule],
  controllers: [WorkshopsController],
  providers: [
    // repositories
    WorkshopsRepository,
    WorkshopAttendeesRepository,
    WorkshopAttendanceRepository,
    RoomAttendanceRepository,
    WorkshopFacilitatorsRepository,
    WorkshopAuditRepository,
    WorkshopCalendarRepository,
    RoomMessagesRepository,
    RoomQuestionsRepository,
    RoomReportsRepository,
    // REST
    WorkshopsService,
    WorkshopFacilitatorsService,
    WorkshopLifecycleService,
    WorkshopRegistrations,
    WorkshopProvisioning,
    WorkshopHistoryService,
    WorkshopCalendar,
    WorkshopCalendarService,
    WorkshopAttendanceService,
    // the live room
    WorkshopsGateway,
    RoomPresenceService,
    RoomSnapshotService,
    RoomMessagesService,
    RoomSendWriter,
    RoomQaService,
    RoomModerationService,
    RoomReportsService,
    RoomAttendanceRecorder,
  ],
  // the private calendar feed (visits) lists the workshops a user registered for
  // attendance certificates read the attendance of the live time; training schedules its live sessions as workshops
  exports: [WorkshopCalendarService, WorkshopAttendanceRepository, WorkshopAttendanceService, WorkshopProvisioning],
})
export class WorkshopsModule {}
