import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calendar invitations: workshops gain an iCalendar SEQUENCE (bumped when their title or times
 * change), and each visit registration and workshop attendee a `calendar_sequence`, bumped when
 * that person's own copy of the event changes (promoted from the waitlist, unregistered,
 * registered again). An invitation's SEQUENCE is the event's plus the person's, so every update
 * and cancellation a calendar receives carries a higher SEQUENCE than the one before.
 */
export class CalendarInvitations1765000600000 implements MigrationInterface {
  name = 'CalendarInvitations1765000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workshops ADD COLUMN sequence integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE visit_registrations ADD COLUMN calendar_sequence integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE workshop_attendees ADD COLUMN calendar_sequence integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workshop_attendees DROP COLUMN calendar_sequence`);
    await q.query(`ALTER TABLE visit_registrations DROP COLUMN calendar_sequence`);
    await q.query(`ALTER TABLE workshops DROP COLUMN sequence`);
  }
}
