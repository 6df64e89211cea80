import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { buildCalendar, type IcsEvent } from '../common/icalendar';
import { WorkshopCalendar } from './workshop-calendar';
import { WorkshopCalendarRepository } from './workshop-calendar.repository';
import { WorkshopsService } from './workshops.service';

/** The `.ics` file of one workshop and the workshops of a user's calendar feed. */
@Injectable()
export class WorkshopCalendarService {
  constructor(
    private readonly access: AccessService,
    private readonly workshops: WorkshopsService,
    private readonly calendars: WorkshopCalendarRepository,
    private readonly calendar: WorkshopCalendar,
  ) {}

  /** The workshop as a VCALENDAR, for whoever may see its page (404 otherwise). */
  async file(user: AuthUser, workshopId: string): Promise<string> {
    await this.workshops.get(user, workshopId);
    const row = await this.calendars.workshop(workshopId, user.id);
    if (!row) throw AppError.notFound('Workshop');
    return buildCalendar({ stamp: new Date(), events: [this.calendar.event(row)] });
  }

  /** The events of the workshops a user holds a place in and may still see (their calendar feed). */
  async feedEvents(userId: string, isAdmin: boolean): Promise<IcsEvent[]> {
    const rows = await this.calendars.registered(userId, this.access.visibleWorkshopsSql('w', '$1', isAdmin));
    return rows.map((row) => this.calendar.event(row));
  }
}
