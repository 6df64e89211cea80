import type { EntityManager } from 'typeorm';
import type { CreatedNotifications, NotificationsService } from '../notifications';
import { returnedRows } from '../common/sql';

/**
 * Moves waitlisted delegates onto the delegation, strictly first come, first served: the head of
 * the queue (by queued_at, id) is promoted while its places (1 + accompanying) fit in what is
 * free; the first that does not fit stops the promotion, so nobody behind it jumps the queue. The
 * caller holds the visit row lock. Each promoted delegate is notified. Two statements.
 */
export async function promoteWaitlist(
  manager: EntityManager,
  notifications: NotificationsService,
  visit: { id: string; title: string },
  actorId: string,
): Promise<CreatedNotifications> {
  const promoted = returnedRows<{ user_id: string; places: number }>(
    await manager.query(
      `WITH queue AS (
       SELECT r.id, sum(1 + r.accompanying) OVER (ORDER BY r.queued_at, r.id) AS running
         FROM visit_registrations r
        WHERE r.visit_id = $1 AND r.status = 'waitlisted'
     ), free AS (
       SELECT capacity - places_taken AS places FROM visits WHERE id = $1
     )
     UPDATE visit_registrations r SET status = 'registered', updated_at = clock_timestamp()
       FROM queue q, free f
      WHERE r.id = q.id AND q.running <= f.places
     RETURNING r.user_id, 1 + r.accompanying AS places`,
      [visit.id],
    ),
  );
  if (promoted.length === 0) return { items: [] };
  await manager.query(`UPDATE visits SET places_taken = places_taken + $2 WHERE id = $1`, [
    visit.id,
    promoted.reduce((sum, p) => sum + p.places, 0),
  ]);
  return notifications.create(
    manager,
    promoted.map((p) => ({
      userId: p.user_id,
      kind: 'visit.registration' as const,
      payload: { visit, status: 'promoted' as const, position: null },
    })),
    actorId,
  );
}
