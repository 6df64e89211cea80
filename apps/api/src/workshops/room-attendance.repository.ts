import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { affectedRows } from '../common/sql';

/**
 * The join and leave intervals of room sockets (workshop_attendance_intervals) and the heartbeats of
 * the instances that hold them (workshop_attendance_instances). One statement per join, leave or
 * disconnect; nothing on the message path.
 */
@Injectable()
export class RoomAttendanceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Opens the socket's interval in the room (none when the socket already has an open one there). */
  async open(workshopId: string, userId: string, socketId: string, instanceId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO workshop_attendance_intervals (workshop_id, user_id, socket_id, instance_id)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (socket_id, workshop_id) WHERE left_at IS NULL DO NOTHING`,
      [workshopId, userId, socketId, instanceId],
    );
  }

  /** Closes the socket's open intervals in these rooms (all of its rooms when `workshopIds` is null). */
  async close(socketId: string, workshopIds: readonly string[] | null): Promise<number> {
    const result: unknown = await this.dataSource.query(
      `UPDATE workshop_attendance_intervals SET left_at = greatest(joined_at, clock_timestamp())
        WHERE socket_id = $1 AND left_at IS NULL AND ($2::uuid[] IS NULL OR workshop_id = ANY($2::uuid[]))`,
      [socketId, workshopIds],
    );
    return affectedRows(result);
  }

  /** The room ended: every interval still open in it ends at its ended_at (in the ending transaction). */
  async closeRoom(manager: EntityManager, workshopId: string): Promise<void> {
    await manager.query(
      `UPDATE workshop_attendance_intervals i SET left_at = greatest(i.joined_at, w.ended_at)
         FROM workshops w
        WHERE w.id = $1 AND w.ended_at IS NOT NULL AND i.workshop_id = w.id AND i.left_at IS NULL`,
      [workshopId],
    );
  }

  /** The instance is alive (its open intervals are not stale). */
  async heartbeat(instanceId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO workshop_attendance_instances (instance_id, seen_at) VALUES ($1, clock_timestamp())
       ON CONFLICT (instance_id) DO UPDATE SET seen_at = EXCLUDED.seen_at`,
      [instanceId],
    );
  }

  /** The instance shuts down: its sockets' intervals end now, and it is forgotten. */
  async closeInstance(instanceId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE workshop_attendance_intervals SET left_at = greatest(joined_at, clock_timestamp())
          WHERE instance_id = $1 AND left_at IS NULL`,
        [instanceId],
      );
      await manager.query(`DELETE FROM workshop_attendance_instances WHERE instance_id = $1`, [instanceId]);
    });
  }

  /**
   * Instances not seen for `staleSeconds` crashed (or were cut off from the database): their open
   * intervals end at their last heartbeat, and they are forgotten. Returns the intervals closed.
   */
  async closeStale(staleSeconds: number): Promise<number> {
    const [row]: { closed: number }[] = await this.dataSource.query(
      `WITH stale AS (
         DELETE FROM workshop_attendance_instances
          WHERE seen_at < clock_timestamp() - make_interval(secs => $1)
         RETURNING instance_id, seen_at),
       closed AS (
         UPDATE workshop_attendance_intervals i SET left_at = greatest(i.joined_at, s.seen_at)
           FROM stale s WHERE i.instance_id = s.instance_id AND i.left_at IS NULL
         RETURNING i.id)
       SELECT count(*)::int AS closed FROM closed`,
      [staleSeconds],
    );
    return row.closed;
  }
}
