import { Inject, Injectable } from '@nestjs/common';
import type { CalendarMailReason } from '@twinning/contracts';
import type { EntityManager } from 'typeorm';
import { CalendarInvitations } from '../calendar';
import type { IcsEvent } from '../common/icalendar';
import { plainExcerpt } from '../common/markdown';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WorkshopCalendarRepository, type CalendarWorkshopRow } from './workshop-calendar.repository';

/**
 * A workshop as one iCalendar event (UID `workshop-<id>@twinning`, times in UTC, the page's URL,
 * never a meeting link): the `.ics` file, the rows of the private calendar feed, and the
 * invitations mailed when people register, unregister or the workshop changes.
 */
@Injectable()
export class WorkshopCalendar {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendars: WorkshopCalendarRepository,
    private readonly invitations: CalendarInvitations,
  ) {}

  pageUrl(workshopId: string): string {
    return `${this.config.publicUrl}/workshops/${workshopId}`;
  }

  event(row: CalendarWorkshopRow): IcsEvent {
    const url = this.pageUrl(row.id);
    return {
      uid: `workshop-${row.id}@twinning`,
      sequence: row.sequence,
      status: 'CONFIRMED',
      summary: row.title,
      start: { utc: new Date(row.starts_at) },
      end: { utc: new Date(row.ends_at) },
      location: url,
      description: [plainExcerpt(row.description, 2000), `Workshop page: ${url}`].filter(Boolean).join('\n\n'),
      url,
      lastModified: new Date(row.updated_at),
    };
  }

  /**
   * Mails the workshop's invitation (or its update or cancellation, after `reason`) to these users,
   * or to everyone holding a place; one query for all of them, in the caller's transaction.
   */
  async invite(
    manager: EntityManager,
    workshopId: string,
    reason: CalendarMailReason,
    userIds: string[] | null = null,
  ): Promise<void> {
    const rows = await this.calendars.invitees(manager, workshopId, userIds);
    await this.invitations.send(
      manager,
      rows.map((row) => ({
        recipient: {
          userId: row.user_id,
          email: row.email,
          displayName: row.display_name,
          language: row.preferred_language,
          timeZone: row.user_time_zone,
        },
        kind: 'workshop',
        reason,
        event: this.event(row),
        url: this.pageUrl(row.id),
        when: { start: new Date(row.starts_at), end: new Date(row.ends_at) },
        hostTimeZone: row.host_time_zone,
        place: null,
      })),
    );
  }
}
