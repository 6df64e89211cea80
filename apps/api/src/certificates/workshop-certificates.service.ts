import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ATTENDANCE_CERTIFICATE_PERCENT,
  ErrorCode,
  type CertificateDto,
  type ParticipantAttendanceDto,
  type WorkshopAttendanceReportDto,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { WorkshopAttendanceRepository, WorkshopAttendanceService, type WorkshopForCertificates } from '../workshops';
import { CertificatesRepository } from './certificates.repository';
import { CertificatesService } from './certificates.service';

/** Live time when the room was opened and ended; otherwise the scheduled time. In quarter hours, at least one. */
export function workshopHours(w: WorkshopForCertificates): number {
  const [from, to] = w.openedAt && w.endedAt ? [w.openedAt, w.endedAt] : [w.startsAt, w.endsAt];
  const quarters = Math.round((to.getTime() - from.getTime()) / (15 * 60_000));
  return Math.max(1, quarters) / 4;
}

/**
 * Attendance certificates: a facilitator of an ended workshop (or an admin) issues them to registered
 * participants present for at least ATTENDANCE_CERTIFICATE_PERCENT of the live time, as measured from
 * presence in the room or as the facilitator corrected it.
 */
@Injectable()
export class WorkshopCertificatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly attendance: WorkshopAttendanceRepository,
    private readonly attendanceOf: WorkshopAttendanceService,
    private readonly certificates: CertificatesService,
    private readonly repository: CertificatesRepository,
  ) {}

  /** Each registered participant's attendance, eligibility and certificate (facilitators and admins). */
  async report(user: AuthUser, workshopId: string): Promise<WorkshopAttendanceReportDto> {
    const manager = this.dataSource.manager;
    await this.access.requireWorkshop(user, workshopId, { facilitator: true, manager });
    const attendance = await this.attendanceOf.compute(manager, workshopId);
    const ids = attendance.participants.map((p) => p.user.id);
    const issued = new Map(
      (await this.repository.bySource(manager, 'workshop', workshopId, ids)).map((row) => [row.user_id, row]),
    );
    return {
      ...attendance,
      participants: attendance.participants.map((p) => {
        const row = issued.get(p.user.id);
        return {
          ...p,
          certificate: row
            ? {
                id: row.id,
                verificationCode: row.verification_code,
                issuedAt: row.issued_at.toISOString(),
                revoked: row.revoked_at !== null,
              }
            : null,
        };
      }),
    };
  }

  /** Issues to the participants named; every one must be registered and eligible (else nothing is issued). */
  async issue(user: AuthUser, workshopId: string, userIds: string[]): Promise<CertificateDto[]> {
    const ids = [...new Set(userIds)];
    return this.dataSource.transaction(async (manager) => {
      const workshop = await this.issuable(user, workshopId, manager);
      const registered = await this.attendance.registeredAmong(manager, workshopId, ids);
      const others = ids.filter((id) => !registered.has(id));
      if (others.length > 0) {
        throw AppError.validation(
          { userIds: [`not registered participants of this workshop: ${others.join(', ')}`] },
          'Certificates go to registered participants only.',
        );
      }
      const participants = (await this.attendanceOf.compute(manager, workshopId, ids)).participants;
      const absent = participants.filter((p) => !p.eligible);
      if (absent.length > 0) {
        const names = absent.map((p) => `${p.user.displayName} (${p.percent} %)`).join(', ');
        throw new AppError(
          ErrorCode.INVALID_STATE,
          `Not present for ${ATTENDANCE_CERTIFICATE_PERCENT} % of the live time: ${names}. ` +
            'Correct their attendance first if they did attend.',
          { userIds: absent.map((p) => `${p.user.displayName} (${p.user.id}) attended ${p.percent} %`) },
        );
      }
      return this.issueTo(manager, workshop, participants);
    });
  }

  /** Issues to every eligible participant who has no certificate for the workshop yet; returns the new ones. */
  async issueEligible(user: AuthUser, workshopId: string): Promise<CertificateDto[]> {
    return this.dataSource.transaction(async (manager) => {
      const workshop = await this.issuable(user, workshopId, manager);
      const eligible = (await this.attendanceOf.compute(manager, workshopId)).participants.filter((p) => p.eligible);
      const have = new Set(
        (
          await this.repository.bySource(
            manager,
            'workshop',
            workshopId,
            eligible.map((p) => p.user.id),
          )
        ).map((row) => row.user_id),
      );
      return this.issueTo(
        manager,
        workshop,
        eligible.filter((p) => !have.has(p.user.id)),
      );
    });
  }

  /** 404 for workshops the user cannot see, 403 for those they do not run; ended workshops only. */
  private async issuable(user: AuthUser, workshopId: string, manager: EntityManager): Promise<WorkshopForCertificates> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true, manager });
    const workshop = await this.attendance.workshop(manager, workshopId);
    if (!workshop) throw AppError.notFound('Workshop');
    if (workshop.status !== 'ended') {
      throw new AppError(ErrorCode.INVALID_STATE, 'Certificates are issued once the workshop has ended.');
    }
    return workshop;
  }

  private async issueTo(
    manager: EntityManager,
    workshop: WorkshopForCertificates,
    participants: ParticipantAttendanceDto[],
  ): Promise<CertificateDto[]> {
    const hours = workshopHours(workshop);
    const issued: CertificateDto[] = [];
    for (const p of participants) {
      const row = await this.certificates.issue(manager, {
        userId: p.user.id,
        sourceKind: 'workshop',
        sourceId: workshop.id,
        title: workshop.title,
        hours,
      });
      issued.push(this.certificates.toDto(row));
    }
    return issued;
  }
}
