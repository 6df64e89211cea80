import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** A workshop as calendars see it; `sequence` is the workshop's plus the reader's own copy's. */
export interface CalendarWorkshopRow {
  id: string;
  title: string;
  description: string;
  starts_at: Date;
  ends_at: Date;
  sequence: number;
  updated_at: Date;
  /** The organiser's (creator's) time zone, UTC when they are gone. */
  host_time_zone: string;
}

/** A registrant who gets the workshop's invitation, with their account's language and zone. */
export interface WorkshopInviteeRow extends CalendarWorkshopRow {
  user_id: string;
  email: string;
  display_name: string;
  preferred_language: 'en' | 'fr' | 'es' | 'ar';
  user_time_zone: string;
}

const COLUMNS = `w.id, w.title, w.description, w.starts_at, w.ends_at,
  w.sequence + COALESCE(a.calendar_sequence, 0) AS sequence, w.updated_at,
  COALESCE(cu.time_zone, 'UTC') AS host_time_zone`;

/** What workshop calendars (the .ics file, the feed, invitations) read. */
@Injectable()
export class WorkshopCalendarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One workshop as `userId` exports it (callers have checked that they may see it). */
  async workshop(workshopId: string, userId: string): Promise<CalendarWorkshopRow | undefined> {
    const [row]: CalendarWorkshopRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS}
         FROM workshops w
         LEFT JOIN users cu ON cu.id = w.created_by
         LEFT JOIN workshop_attendees a ON a.workshop_id = w.id AND a.user_id = $2
        WHERE w.id = $1`,
      [workshopId, userId],
    );
    return row;
  }

  /**
   * The workshops of a user's calendar feed: those they hold a place in (not removed) and may
   * still see (`visibleSql`, with the user as $1), by start. One statement.
   */
  async registered(userId: string, visibleSql: string): Promise<CalendarWorkshopRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS}
         FROM workshop_attendees a
         JOIN workshops w ON w.id = a.workshop_id
         LEFT JOIN users cu ON cu.id = w.created_by
        WHERE a.user_id = $1 AND a.registered AND a.removed_at IS NULL AND ${visibleSql}
        ORDER BY w.starts_at, w.id`,
      [userId],
    );
  }

  /**
   * Who gets the workshop's invitation, update or cancellation: these users whatever their
   * registration's state (an unregistration), or else everyone holding a place. One statement.
   */
  async invitees(manager: EntityManager, workshopId: string, userIds: string[] | null): Promise<WorkshopInviteeRow[]> {
    return manager.query(
      `SELECT ${COLUMNS}, u.id AS user_id, u.email, u.display_name, u.preferred_language,
              u.time_zone AS user_time_zone
         FROM workshop_attendees a
         JOIN users u ON u.id = a.user_id
         JOIN workshops w ON w.id = a.workshop_id
         LEFT JOIN users cu ON cu.id = w.created_by
        WHERE a.workshop_id = $1
          AND CASE WHEN $2::uuid[] IS NULL THEN a.registered AND a.removed_at IS NULL
                   ELSE a.user_id = ANY($2::uuid[]) END
        ORDER BY u.id`,
      [workshopId, userIds],
    );
  }
}
