import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ATTENDANCE_CERTIFICATE_PERCENT,
  ErrorCode,
  type AttendanceOverrideRequest,
  type ParticipantAttendanceDto,
  type WorkshopAttendanceDto,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { isoOrNull } from '../common/sql';
import {
  WorkshopAttendanceRepository,
  type AttendanceRow,
  type WorkshopForCertificates,
} from './workshop-attendance.repository';
import { WorkshopAuditRepository } from './workshop-audit.repository';

/** A share of the live time in percent, rounded down to one decimal (so 74.96 % never shows as 75). */
const percentOf = (seconds: number, live: number) =>
  live > 0 ? Math.min(100, Math.floor((seconds / live) * 1000 + 1e-9) / 10) : 0;

/**
 * A participant's attendance from the stored row: measured minutes and share of the live time, as
 * corrected by the facilitator. Eligible: the correction's word when there is one, else present for at
 * least ATTENDANCE_CERTIFICATE_PERCENT of the live time (compared on exact seconds).
 */
export function toParticipantAttendance(row: AttendanceRow, live: number): ParticipantAttendanceDto {
  const seconds = Math.min(row.seconds, live);
  const measuredPercent = percentOf(seconds, live);
  const hasOverride = row.override_present !== null;
  const minutes = row.override_minutes ?? Math.round(seconds / 60);
  return {
    user: { id: row.user_id, displayName: row.display_name },
    measuredMinutes: Math.round(seconds / 60),
    measuredPercent,
    minutes,
    percent: row.override_minutes !== null ? percentOf(row.override_minutes * 60, live) : measuredPercent,
    eligible: hasOverride
      ? row.override_present === true
      : live > 0 && seconds * 100 >= live * ATTENDANCE_CERTIFICATE_PERCENT,
    override: hasOverride
      ? {
          present: row.override_present === true,
          minutes: row.override_minutes,
          by: row.override_by_id ? { id: row.override_by_id, displayName: row.override_by_name ?? '' } : null,
          at: (row.override_at ?? new Date()).toISOString(),
        }
      : null,
  };
}

/**
 * Attendance of a workshop's live time, per registered participant, and the facilitator's corrections
 * (recorded with who and when, and in the workshop's audit log).
 */
@Injectable()
export class WorkshopAttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly repository: WorkshopAttendanceRepository,
    private readonly audit: WorkshopAuditRepository,
  ) {}

  /** The facilitators' (and admins') view; 404 for workshops the user cannot see, 403 for those they do not run. */
  async report(user: AuthUser, workshopId: string): Promise<WorkshopAttendanceDto> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    return this.compute(this.dataSource.manager, workshopId);
  }

  /** The attendance of every registered participant (or only `userIds`); the caller has checked access. */
  async compute(
    manager: EntityManager,
    workshopId: string,
    userIds?: readonly string[],
  ): Promise<WorkshopAttendanceDto> {
    const workshop = await this.repository.workshop(manager, workshopId);
    if (!workshop) throw AppError.notFound('Workshop');
    const rows = await this.repository.attendance(manager, workshopId, userIds);
    const live = Math.max(0, workshop.liveSeconds);
    return {
      workshopId,
      status: workshop.status,
      openedAt: isoOrNull(workshop.openedAt),
      endedAt: isoOrNull(workshop.endedAt),
      liveMinutes: Math.round(live / 60),
      thresholdPercent: ATTENDANCE_CERTIFICATE_PERCENT,
      participants: rows.map((row) => toParticipantAttendance(row, live)),
    };
  }

  /**
   * A facilitator corrects a registered participant's attendance of an ended workshop: present or absent,
   * optionally with the minutes attended (at most the live time).
   */
  async setOverride(
    user: AuthUser,
    workshopId: string,
    userId: string,
    body: AttendanceOverrideRequest,
  ): Promise<ParticipantAttendanceDto> {
    return this.dataSource.transaction(async (manager) => {
      const workshop = await this.correctable(user, workshopId, userId, manager);
      const minutes = body.minutes ?? null;
      const liveMinutes = Math.ceil(workshop.liveSeconds / 60);
      if (minutes !== null && minutes > liveMinutes) {
        throw AppError.validation(
          { minutes: [`minutes must not exceed the live time (${liveMinutes} minutes)`] },
          `At most ${liveMinutes} minutes: the workshop was live that long.`,
        );
      }
      await this.repository.setOverride(manager, {
        workshopId,
        userId,
        present: body.present,
        minutes,
        setBy: user.id,
      });
      await this.audit.record(manager, {
        workshopId,
        actorId: user.id,
        action: 'attendance.corrected',
        targetUserId: userId,
        detail: { present: body.present, minutes },
      });
      return (await this.compute(manager, workshopId, [userId])).participants[0];
    });
  }

  /** Back to the measured attendance (audited when there was a correction). */
  async clearOverride(user: AuthUser, workshopId: string, userId: string): Promise<ParticipantAttendanceDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.correctable(user, workshopId, userId, manager);
      if (await this.repository.clearOverride(manager, workshopId, userId)) {
        await this.audit.record(manager, {
          workshopId,
          actorId: user.id,
          action: 'attendance.reset',
          targetUserId: userId,
        });
      }
      return (await this.compute(manager, workshopId, [userId])).participants[0];
    });
  }

  /** Facilitators only, ended workshops only, registered participants only. */
  private async correctable(
    user: AuthUser,
    workshopId: string,
    userId: string,
    manager: EntityManager,
  ): Promise<WorkshopForCertificates> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true, manager });
    const workshop = await this.repository.workshop(manager, workshopId);
    if (!workshop) throw AppError.notFound('Workshop');
    if (workshop.status !== 'ended') {
      throw new AppError(ErrorCode.INVALID_STATE, 'Attendance is corrected once the workshop has ended.');
    }
    if (!(await this.repository.registeredAmong(manager, workshopId, [userId])).has(userId)) {
      throw AppError.validation(
        { userId: ['not a registered participant of this workshop'] },
        'Attendance is corrected for registered participants only.',
      );
    }
    return workshop;
  }
}
