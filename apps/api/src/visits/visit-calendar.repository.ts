import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RegistrationStatus, VisitStatus } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AgendaRow } from './visit-rows';
import { dateText, isMemberSql, localText } from './visit-sql';

export interface CalendarVisitRow {
  id: string;
  title: string;
  purpose: string;
  status: VisitStatus;
  time_zone: string;
  start_date: string;
  end_date: string;
  sequence: number;
  updated_at: Date;
  host_name: string;
  /** The exporting user's or feed owner's registration, if any (a waitlisted one makes the copy TENTATIVE). */
  registration?: RegistrationStatus | null;
}

/** An agenda item as the calendar writes it (plain-text notes, no HTML), with its visit. */
export type CalendarItemRow = Omit<AgendaRow, 'notes_html'> & { visit_id: string };

/** A registrant who gets the visit's calendar invitation, with the event as their copy has it. */
export interface VisitInviteeRow extends CalendarVisitRow {
  registration: RegistrationStatus;
  user_id: string;
  email: string;
  display_name: string;
  preferred_language: 'en' | 'fr' | 'es' | 'ar';
  user_time_zone: string;
}

/**
 * The visit's columns; `sequence` is the visit's SEQUENCE plus that of the registration `r` (the
 * person's own copy: promoted, unregistered, registered again), 0 when there is none.
 */
const visitColumns = (registration: string | null) => `v.id, v.title, v.purpose, v.status, v.time_zone,
  ${dateText('v.start_date')} AS start_date, ${dateText('v.end_date')} AS end_date,
  v.sequence${registration ? ` + COALESCE(${registration}.calendar_sequence, 0)` : ''} AS sequence,
  v.updated_at, hc.name AS host_name`;

const ITEMS_SQL = `
  SELECT id, visit_id, ${localText('starts_local')} AS starts_local, ${localText('ends_local')} AS ends_local,
         title, site, address, host_contact, notes
    FROM visit_agenda_items WHERE visit_id = ANY($1::uuid[])
   ORDER BY starts_local, id`;

/** What iCalendar exports read, and `calendar_feeds` (one feed per user, known by its token's SHA-256). */
@Injectable()
export class VisitCalendarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The visit as `userId` exports it: their registration's SEQUENCE counts, as in their invitations,
   * and its state (a waitlisted delegate's copy is TENTATIVE).
   */
  async visit(id: string, userId: string): Promise<CalendarVisitRow | undefined> {
    const [visit]: CalendarVisitRow[] = await this.dataSource.query(
      `SELECT ${visitColumns('r')}, r.status AS registration FROM visits v JOIN cities hc ON hc.id = v.host_city_id
         LEFT JOIN visit_registrations r ON r.visit_id = v.id AND r.user_id = $2
        WHERE v.id = $1`,
      [id, userId],
    );
    return visit;
  }

  /**
   * Who gets the visit's invitation, update or cancellation, with their copy of the event: these
   * users whatever their registration's state (an unregistration), or else everyone registered or
   * waitlisted. Nothing while the visit has no dates. One statement.
   */
  async invitees(manager: EntityManager, visitId: string, userIds: string[] | null): Promise<VisitInviteeRow[]> {
    return manager.query(
      `SELECT ${visitColumns('r')}, r.status AS registration, u.id AS user_id, u.email, u.display_name,
              u.preferred_language, u.time_zone AS user_time_zone
         FROM visit_registrations r
         JOIN users u ON u.id = r.user_id
         JOIN visits v ON v.id = r.visit_id
         JOIN cities hc ON hc.id = v.host_city_id
        WHERE r.visit_id = $1 AND v.start_date IS NOT NULL
          AND CASE WHEN $2::uuid[] IS NULL THEN r.status IN ('registered', 'waitlisted') ELSE r.user_id = ANY($2::uuid[]) END
        ORDER BY u.id`,
      [visitId, userIds],
    );
  }

  /** The agenda items of these visits, in time order. One statement. */
  async items(visitIds: string[]): Promise<CalendarItemRow[]> {
    return this.dataSource.query(ITEMS_SQL, [visitIds]);
  }

  /** When the user's feed was created (undefined when they have none). */
  async feedCreatedAt(userId: string): Promise<Date | undefined> {
    const [row]: { created_at: Date }[] = await this.dataSource.query(
      `SELECT created_at FROM calendar_feeds WHERE user_id = $1`,
      [userId],
    );
    return row?.created_at;
  }

  /** Creates the user's feed or replaces its token; answers when. */
  async saveFeed(userId: string, tokenHash: Buffer): Promise<Date> {
    const [row]: { created_at: Date }[] = await this.dataSource.query(
      `INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = clock_timestamp()
       RETURNING created_at`,
      [userId, tokenHash],
    );
    return row.created_at;
  }

  async deleteFeed(userId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM calendar_feeds WHERE user_id = $1`, [userId]);
  }

  /**
   * The visits of the feed behind a token: those its owner is registered or waitlisted for, in
   * partnerships they still belong to (any, for admins), whose dates are fixed; by date.
   */
  async feedVisits(tokenHash: Buffer): Promise<CalendarVisitRow[]> {
    return this.dataSource.query(
      `SELECT ${visitColumns('r')}, r.status AS registration
         FROM calendar_feeds f
         JOIN users u ON u.id = f.user_id
         JOIN visit_registrations r ON r.user_id = f.user_id AND r.status IN ('registered', 'waitlisted')
         JOIN visits v ON v.id = r.visit_id
         JOIN cities hc ON hc.id = v.host_city_id
        WHERE f.token_hash = $1 AND v.start_date IS NOT NULL
          AND ('admin' = ANY(u.roles) OR ${isMemberSql('v.partnership_id', 'u.id')})
        ORDER BY v.start_date, v.id`,
      [tokenHash],
    );
  }

  /** The owner of the feed behind a token (undefined for an unknown or revoked token). */
  async feedOwner(tokenHash: Buffer): Promise<{ user_id: string; is_admin: boolean } | undefined> {
    const [owner]: { user_id: string; is_admin: boolean }[] = await this.dataSource.query(
      `SELECT f.user_id, 'admin' = ANY(u.roles) AS is_admin FROM calendar_feeds f JOIN users u ON u.id = f.user_id
        WHERE f.token_hash = $1`,
      [tokenHash],
    );
    return owner;
  }
}
