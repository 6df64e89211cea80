import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { PersonSummary } from '@twinning/contracts';
import { personJson, toPerson, type PersonJson } from '../common/person-sql';
import { affectedRows } from '../common/sql';

/** A user a facilitator acts on, and whether they are a facilitator (or admin) themselves. */
export interface TargetUser {
  id: string;
  display_name: string;
  facilitator: boolean;
}

/**
 * The people of a workshop besides its facilitators: registrations (with the workshop's counter),
 * mutes and removals, and the handle a room shows for each user.
 */
@Injectable()
export class WorkshopAttendeesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * These users as the workshop's room shows them (in a partnership's workshop, with the member
   * city they belong to), in one query whatever their number.
   */
  async peopleIn(workshopId: string, userIds: string[]): Promise<PersonSummary[]> {
    if (userIds.length === 0) return [];
    const rows: { person: PersonJson }[] = await this.dataSource.query(
      `SELECT ${personJson('u', 'w.partnership_id')} AS person
         FROM users u LEFT JOIN workshops w ON w.id = $1
        WHERE u.id = ANY($2::uuid[])`,
      [workshopId, userIds],
    );
    return rows.map((row) => toPerson(row.person));
  }

  async attendee(
    manager: EntityManager,
    workshopId: string,
    userId: string,
  ): Promise<{ registered: boolean; removed_at: Date | null } | undefined> {
    const [attendee]: { registered: boolean; removed_at: Date | null }[] = await manager.query(
      `SELECT registered, removed_at FROM workshop_attendees WHERE workshop_id = $1 AND user_id = $2`,
      [workshopId, userId],
    );
    return attendee;
  }

  /** Registers the user and counts the place (the caller holds the workshop row's lock). */
  async register(manager: EntityManager, workshopId: string, userId: string): Promise<void> {
    await manager.query(
      `INSERT INTO workshop_attendees (workshop_id, user_id, registered) VALUES ($1, $2, true)
       ON CONFLICT (workshop_id, user_id) DO UPDATE
         SET registered = true, registered_at = clock_timestamp(),
             calendar_sequence = workshop_attendees.calendar_sequence + 1`,
      [workshopId, userId],
    );
    await manager.query(`UPDATE workshops SET registered_count = registered_count + 1 WHERE id = $1`, [workshopId]);
  }

  /** Gives the place back if the user held one (the caller holds the workshop row's lock). */
  async unregister(manager: EntityManager, workshopId: string, userId: string): Promise<boolean> {
    // an UPDATE answers [rows, rowCount] through the driver: count the rows it changed
    const result: unknown = await manager.query(
      `UPDATE workshop_attendees SET registered = false, calendar_sequence = calendar_sequence + 1
        WHERE workshop_id = $1 AND user_id = $2 AND registered`,
      [workshopId, userId],
    );
    if (affectedRows(result) === 0) return false;
    await manager.query(`UPDATE workshops SET registered_count = registered_count - 1 WHERE id = $1`, [workshopId]);
    return true;
  }

  /** Registered participants who are not removed, and the facilitators: who hears that the room opened. */
  async registeredAndFacilitators(manager: EntityManager, workshopId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `SELECT user_id FROM workshop_attendees WHERE workshop_id = $1 AND registered AND removed_at IS NULL
       UNION
       SELECT user_id FROM workshop_facilitators WHERE workshop_id = $1`,
      [workshopId],
    );
    return rows.map((r) => r.user_id);
  }

  async target(manager: EntityManager, workshopId: string, userId: string): Promise<TargetUser | undefined> {
    const [target]: TargetUser[] = await manager.query(
      `SELECT u.id, u.display_name,
              ('admin' = ANY(u.roles) OR EXISTS (SELECT 1 FROM workshop_facilitators f
                                            WHERE f.workshop_id = $1 AND f.user_id = u.id)) AS facilitator
         FROM users u WHERE u.id = $2`,
      [workshopId, userId],
    );
    return target;
  }

  /** Mutes the user for `minutes` (0 lifts the mute); the end of the mute, if any. */
  async mute(manager: EntityManager, workshopId: string, userId: string, minutes: number): Promise<Date | null> {
    const [row]: { muted_until: Date | null }[] = await manager.query(
      `INSERT INTO workshop_attendees (workshop_id, user_id, registered, muted_until)
       VALUES ($1, $2, false, CASE WHEN $3::int > 0 THEN clock_timestamp() + make_interval(mins => $3::int) END)
       ON CONFLICT (workshop_id, user_id) DO UPDATE SET muted_until = EXCLUDED.muted_until
       RETURNING muted_until`,
      [workshopId, userId, minutes],
    );
    return row.muted_until;
  }

  /** The mutes still running in the workshop (what facilitators see on joining), soonest end first. */
  async activeMutes(workshopId: string): Promise<{ userId: string; mutedUntil: string }[]> {
    const rows: { user_id: string; muted_until: Date }[] = await this.dataSource.query(
      `SELECT user_id, muted_until FROM workshop_attendees
        WHERE workshop_id = $1 AND muted_until > clock_timestamp() AND removed_at IS NULL
        ORDER BY muted_until, user_id`,
      [workshopId],
    );
    return rows.map((r) => ({ userId: r.user_id, mutedUntil: r.muted_until.toISOString() }));
  }

  /** Bars the user from the workshop; false when they already were. */
  async remove(
    manager: EntityManager,
    workshopId: string,
    userId: string,
    by: string,
    reason: string,
  ): Promise<boolean> {
    const removed: unknown[] = await manager.query(
      `INSERT INTO workshop_attendees (workshop_id, user_id, registered, removed_at, removed_by, removal_reason)
       VALUES ($1, $2, false, clock_timestamp(), $3, $4)
       ON CONFLICT (workshop_id, user_id) DO UPDATE
         SET registered = false, removed_at = EXCLUDED.removed_at, removed_by = EXCLUDED.removed_by,
             removal_reason = EXCLUDED.removal_reason
       WHERE workshop_attendees.removed_at IS NULL
       RETURNING user_id`,
      [workshopId, userId, by, reason],
    );
    return removed.length > 0;
  }
}
