import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { WorkshopAccess } from '../access/access.service';
import { AppError } from '../common/app-error';
import { affectedRows } from '../common/sql';

/**
 * Registration of participants, shared by the REST endpoints and joining a room. Each change
 * locks the workshop row, so concurrent registrations never take more places than the capacity
 * (a CHECK on registered_count backs this up). Facilitators never register: they are always in.
 */
@Injectable()
export class WorkshopRegistrations {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Registers the user unless already registered. Refuses removed users (REMOVED), ended
   * workshops (INVALID_STATE) and full ones (WORKSHOP_FULL). Returns whether a place was taken now.
   */
  async register(userId: string, access: WorkshopAccess): Promise<boolean> {
    if (access.facilitator) return false;
    if (access.removed) throw removedError();
    if (access.registered) return false;
    return this.dataSource.transaction(async (manager) => {
      const workshop = await this.lock(manager, access.workshopId);
      const [attendee]: { registered: boolean; removed_at: Date | null }[] = await manager.query(
        `SELECT registered, removed_at FROM workshop_attendees WHERE workshop_id = $1 AND user_id = $2`,
        [access.workshopId, userId],
      );
      if (attendee?.removed_at) throw removedError();
      if (attendee?.registered) return false;
      if (workshop.status === 'ended') {
        throw new AppError(ErrorCode.INVALID_STATE, 'This workshop has ended; registration is closed.');
      }
      if (workshop.capacity !== null && workshop.registered_count >= workshop.capacity) {
        throw new AppError(ErrorCode.WORKSHOP_FULL, 'This workshop is full.');
      }
      await manager.query(
        `INSERT INTO workshop_attendees (workshop_id, user_id, registered) VALUES ($1, $2, true)
         ON CONFLICT (workshop_id, user_id) DO UPDATE SET registered = true, registered_at = clock_timestamp()`,
        [access.workshopId, userId],
      );
      await manager.query(`UPDATE workshops SET registered_count = registered_count + 1 WHERE id = $1`, [
        access.workshopId,
      ]);
      return true;
    });
  }

  /** Gives the user's place back (no-op when not registered). */
  async unregister(userId: string, workshopId: string, manager?: EntityManager): Promise<boolean> {
    const run = async (m: EntityManager) => {
      await this.lock(m, workshopId);
      // an UPDATE answers [rows, rowCount] through the driver: count the rows it changed
      const result: unknown = await m.query(
        `UPDATE workshop_attendees SET registered = false WHERE workshop_id = $1 AND user_id = $2 AND registered`,
        [workshopId, userId],
      );
      if (affectedRows(result) === 0) return false;
      await m.query(`UPDATE workshops SET registered_count = registered_count - 1 WHERE id = $1`, [workshopId]);
      return true;
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  private async lock(manager: EntityManager, workshopId: string) {
    const [row]: { status: string; capacity: number | null; registered_count: number }[] = await manager.query(
      `SELECT status, capacity, registered_count FROM workshops WHERE id = $1 FOR UPDATE`,
      [workshopId],
    );
    if (!row) throw AppError.notFound('Workshop');
    return row;
  }
}

function removedError(): AppError {
  return new AppError(ErrorCode.REMOVED, 'A facilitator removed you from this workshop.');
}
