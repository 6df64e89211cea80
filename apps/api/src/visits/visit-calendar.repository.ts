import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RegistrationStatus, VisitStatus } from '@twinning/contracts';
import { DataSource } from 'typeorm';
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
  /** The feed owner's registration (feeds only). */
  registration?: RegistrationStatus;
}

/** An agenda item as the calendar writes it (plain-text notes, no HTML), with its visit. */
export type CalendarItemRow = Omit<AgendaRow, 'notes_html'> & { visit_id: string };

const VISIT_COLUMNS = `v.id, v.title, v.purpose, v.status, v.time_zone, ${dateText('v.start_date')} AS start_date,
  ${dateText('v.end_date')} AS end_date, v.sequence, v.updated_at, hc.name AS host_name`;

const ITEMS_SQL = `
  SELECT id, visit_id, ${localText('starts_local')} AS starts_local, ${localText('ends_local')} AS ends_local,
         title, site, address, host_contact, notes
    FROM visit_agenda_items WHERE visit_id = ANY($1::uuid[])
   ORDER BY starts_local, id`;

/** What iCalendar exports read, and `calendar_feeds` (one feed per user, known by its token's SHA-256). */
@Injectable()
export class VisitCalendarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async visit(id: string): Promise<CalendarVisitRow | undefined> {
    const [visit]: CalendarVisitRow[] = await this.dataSource.query(
      `SELECT ${VISIT_COLUMNS} FROM visits v JOIN cities hc ON hc.id = v.host_city_id WHERE v.id = $1`,
      [id],
    );
    return visit;
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
      `SELECT ${VISIT_COLUMNS}, r.status AS registration
         FROM calendar_feeds f
         JOIN users u ON u.id = f.user_id
         JOIN visit_registrations r ON r.user_id = f.user_id AND r.status IN ('registered', 'waitlisted')
         JOIN visits v ON v.id = r.visit_id
         JOIN cities hc ON hc.id = v.host_city_id
        WHERE f.token_hash = $1 AND v.start_date IS NOT NULL
          AND (u.role = 'admin' OR ${isMemberSql('v.partnership_id', 'u.id')})
        ORDER BY v.start_date, v.id`,
      [tokenHash],
    );
  }

  async feedExists(tokenHash: Buffer): Promise<boolean> {
    const known: unknown[] = await this.dataSource.query(`SELECT 1 FROM calendar_feeds WHERE token_hash = $1`, [
      tokenHash,
    ]);
    return known.length > 0;
  }
}
