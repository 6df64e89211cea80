import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Immediate notification mail: `notifications.mailed_at` records when a notification went out in a
 * mail of its own, so nothing is mailed twice. The partial index serves the mail job, which gathers
 * a user's unread, unmailed notifications (of one thread when they are about a thread).
 */
export class NotificationMail1765000300000 implements MigrationInterface {
  name = 'NotificationMail1765000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications ADD COLUMN mailed_at timestamptz`);
    await q.query(
      `CREATE INDEX notifications_unmailed_idx ON notifications (user_id, created_at)
        WHERE mailed_at IS NULL AND read_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications_unmailed_idx`);
    await q.query(`ALTER TABLE notifications DROP COLUMN mailed_at`);
  }
}
