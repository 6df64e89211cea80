import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendance of live workshops, from presence in the room.
 *
 * `workshop_attendance_intervals`: one row per socket that joined a room (written when it joins and when
 * it leaves or disconnects, never per message). A user with two tabs, or sockets on two instances, has
 * overlapping rows: they are merged when attendance is computed, and clipped to the live time
 * (opened_at..ended_at). Open rows are closed when the room ends, when their instance shuts down, and,
 * after a crash, at the last heartbeat of their instance (`workshop_attendance_instances`).
 *
 * `workshop_attendance_overrides`: a facilitator's correction (present or absent, optionally the minutes
 * attended), with who set it and when; the change is also written to workshop_audit.
 */
export class WorkshopAttendance1765850000000 implements MigrationInterface {
  name = 'WorkshopAttendance1765850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE workshop_attendance_intervals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        socket_id varchar(64) NOT NULL,
        instance_id varchar(64) NOT NULL,
        joined_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        left_at timestamptz,
        CONSTRAINT workshop_attendance_intervals_order CHECK (left_at IS NULL OR left_at >= joined_at)
      )`);
    await q.query(
      `CREATE INDEX workshop_attendance_intervals_user_idx
         ON workshop_attendance_intervals (workshop_id, user_id, joined_at)`,
    );
    // a socket has at most one open interval per room (joining twice does not open a second one)
    await q.query(
      `CREATE UNIQUE INDEX workshop_attendance_intervals_open_key
         ON workshop_attendance_intervals (socket_id, workshop_id) WHERE left_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX workshop_attendance_intervals_instance_idx
         ON workshop_attendance_intervals (instance_id) WHERE left_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE workshop_attendance_instances (
        instance_id varchar(64) PRIMARY KEY,
        seen_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`
      CREATE TABLE workshop_attendance_overrides (
        workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        present boolean NOT NULL,
        minutes integer CHECK (minutes IS NULL OR minutes >= 0),
        set_by uuid REFERENCES users (id) ON DELETE SET NULL,
        set_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (workshop_id, user_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM workshop_audit WHERE action IN ('attendance.corrected', 'attendance.reset')`);
    await q.query(`DROP TABLE workshop_attendance_overrides`);
    await q.query(`DROP TABLE workshop_attendance_instances`);
    await q.query(`DROP TABLE workshop_attendance_intervals`);
  }
}
