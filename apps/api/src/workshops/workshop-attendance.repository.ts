import { Injectable } from '@nestjs/common';
import type { WorkshopStatus } from '@twinning/contracts';
import type { EntityManager } from 'typeorm';

/** What attendance certificates need to know about a workshop. */
export interface WorkshopForCertificates {
  id: string;
  title: string;
  status: WorkshopStatus;
  startsAt: Date;
  endsAt: Date;
  openedAt: Date | null;
  endedAt: Date | null;
  /** openedAt..endedAt (until now while live) in seconds, to the microsecond; 0 before the room opened. */
  liveSeconds: number;
}

/** One registered participant's attendance as stored: measured seconds and the facilitator's correction. */
export interface AttendanceRow {
  user_id: string;
  display_name: string;
  /** Seconds present within the live time, the participant's intervals merged (two tabs count once). */
  seconds: number;
  override_present: boolean | null;
  override_minutes: number | null;
  override_by_id: string | null;
  override_by_name: string | null;
  override_at: Date | null;
}

/**
 * A workshop's attendance, as the facilitator and other features (certificates) read it: the registered
 * participants (not removed), the time each spent in the room during the live time (openedAt..endedAt,
 * until now while live), and the facilitator's corrections.
 */
@Injectable()
export class WorkshopAttendanceRepository {
  async workshop(manager: EntityManager, workshopId: string): Promise<WorkshopForCertificates | undefined> {
    const rows: WorkshopForCertificates[] = await manager.query(
      `SELECT id, title, status, starts_at AS "startsAt", ends_at AS "endsAt", opened_at AS "openedAt",
              ended_at AS "endedAt",
              coalesce(extract(epoch FROM coalesce(ended_at, clock_timestamp()) - opened_at), 0)::float8
                AS "liveSeconds"
         FROM workshops WHERE id = $1`,
      [workshopId],
    );
    return rows[0];
  }

  /** The users among `userIds` registered for the workshop and not removed from it. */
  async registeredAmong(manager: EntityManager, workshopId: string, userIds: readonly string[]): Promise<Set<string>> {
    const rows: { user_id: string }[] = await manager.query(
      `SELECT user_id FROM workshop_attendees
        WHERE workshop_id = $1 AND user_id = ANY($2::uuid[]) AND registered AND removed_at IS NULL`,
      [workshopId, userIds],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  /**
   * Every registered participant (or only `userIds`) with their seconds in the room during the live time,
   * by name. Intervals are clipped to the live time, then merged per user (gaps-and-islands: an interval
   * starts a new island when it begins after every earlier one ended), so overlapping sockets of one user
   * count once. An interval still open counts until the end of the live time. One statement.
   */
  async attendance(manager: EntityManager, workshopId: string, userIds?: readonly string[]): Promise<AttendanceRow[]> {
    return manager.query(
      `WITH live AS (
         SELECT opened_at AS lo, coalesce(ended_at, clock_timestamp()) AS hi
           FROM workshops WHERE id = $1 AND opened_at IS NOT NULL),
       clipped AS (
         SELECT i.user_id, greatest(i.joined_at, live.lo) AS s, least(coalesce(i.left_at, live.hi), live.hi) AS e
           FROM workshop_attendance_intervals i, live
          WHERE i.workshop_id = $1 AND ($2::uuid[] IS NULL OR i.user_id = ANY($2::uuid[]))),
       marked AS (
         SELECT user_id, s, e,
                CASE WHEN s <= max(e) OVER (PARTITION BY user_id ORDER BY s, e
                                            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                     THEN 0 ELSE 1 END AS starts_island
           FROM clipped WHERE e > s),
       islands AS (
         SELECT user_id, s, e, sum(starts_island) OVER (PARTITION BY user_id ORDER BY s, e) AS island FROM marked),
       present AS (
         SELECT user_id, sum(extract(epoch FROM (island_end - island_start)))::float8 AS seconds
           FROM (SELECT user_id, min(s) AS island_start, max(e) AS island_end FROM islands GROUP BY user_id, island) x
          GROUP BY user_id)
       SELECT a.user_id, u.display_name, coalesce(p.seconds, 0)::float8 AS seconds,
              o.present AS override_present, o.minutes AS override_minutes, o.set_at AS override_at,
              ob.id AS override_by_id, ob.display_name AS override_by_name
         FROM workshop_attendees a
         JOIN users u ON u.id = a.user_id
         LEFT JOIN present p ON p.user_id = a.user_id
         LEFT JOIN workshop_attendance_overrides o ON o.workshop_id = a.workshop_id AND o.user_id = a.user_id
         LEFT JOIN users ob ON ob.id = o.set_by
        WHERE a.workshop_id = $1 AND a.registered AND a.removed_at IS NULL
          AND ($2::uuid[] IS NULL OR a.user_id = ANY($2::uuid[]))
        ORDER BY lower(u.display_name), u.id`,
      [workshopId, userIds ?? null],
    );
  }

  /** Sets (or replaces) the facilitator's correction of a participant's attendance. */
  async setOverride(
    manager: EntityManager,
    o: { workshopId: string; userId: string; present: boolean; minutes: number | null; setBy: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO workshop_attendance_overrides (workshop_id, user_id, present, minutes, set_by)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (workshop_id, user_id) DO UPDATE
         SET present = EXCLUDED.present, minutes = EXCLUDED.minutes, set_by = EXCLUDED.set_by,
             set_at = clock_timestamp()`,
      [o.workshopId, o.userId, o.present, o.minutes, o.setBy],
    );
  }

  /** Removes the correction; whether there was one. */
  async clearOverride(manager: EntityManager, workshopId: string, userId: string): Promise<boolean> {
    const rows: { user_id: string }[] = await manager.query(
      `WITH gone AS (DELETE FROM workshop_attendance_overrides WHERE workshop_id = $1 AND user_id = $2 RETURNING user_id)
       SELECT user_id FROM gone`,
      [workshopId, userId],
    );
    return rows.length > 0;
  }
}
