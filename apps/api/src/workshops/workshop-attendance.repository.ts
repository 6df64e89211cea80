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
}

/**
 * A workshop's attendance, as other features (certificates) read it. Today: who registered and was
 * not removed. The attendance rule (present for 75 % of the live time) will answer here.
 */
@Injectable()
export class WorkshopAttendanceRepository {
  async workshop(manager: EntityManager, workshopId: string): Promise<WorkshopForCertificates | undefined> {
    const rows: WorkshopForCertificates[] = await manager.query(
      `SELECT id, title, status, starts_at AS "startsAt", ends_at AS "endsAt", opened_at AS "openedAt",
              ended_at AS "endedAt"
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
}
