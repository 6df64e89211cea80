import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A workshop's online meeting: an https link (Jitsi, BigBlueButton, Zoom, Teams…) shown to its
 * facilitators, and to registered participants from 15 minutes before the start until it ends.
 * The API validates the link; the CHECK keeps anything but https out of the column.
 */
export class WorkshopMeeting1765400000000 implements MigrationInterface {
  name = 'WorkshopMeeting1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workshops ADD COLUMN meeting_url text`);
    await q.query(
      `ALTER TABLE workshops ADD CONSTRAINT workshops_meeting_url_https
         CHECK (meeting_url IS NULL OR (meeting_url LIKE 'https://%' AND length(meeting_url) <= 500))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workshops DROP CONSTRAINT workshops_meeting_url_https`);
    await q.query(`ALTER TABLE workshops DROP COLUMN meeting_url`);
  }
}
