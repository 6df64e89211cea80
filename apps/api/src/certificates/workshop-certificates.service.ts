import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type CertificateDto } from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { WorkshopAttendanceRepository, type WorkshopForCertificates } from '../workshops';
import { CertificatesService } from './certificates.service';

/** Live time when the room was opened and ended; otherwise the scheduled time. In quarter hours, at least one. */
export function workshopHours(w: WorkshopForCertificates): number {
  const [from, to] = w.openedAt && w.endedAt ? [w.openedAt, w.endedAt] : [w.startsAt, w.endsAt];
  const quarters = Math.round((to.getTime() - from.getTime()) / (15 * 60_000));
  return Math.max(1, quarters) / 4;
}

/**
 * Attendance certificates: a facilitator of an ended workshop (or an admin) issues them to registered
 * participants they choose. (Attendance from presence, 75 % of the live time, will decide who may get one.)
 */
@Injectable()
export class WorkshopCertificatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly attendance: WorkshopAttendanceRepository,
    private readonly certificates: CertificatesService,
  ) {}

  async issue(user: AuthUser, workshopId: string, userIds: string[]): Promise<CertificateDto[]> {
    const ids = [...new Set(userIds)];
    return this.dataSource.transaction(async (manager) => {
      // 404 for workshops the user cannot see, 403 for those they do not run.
      await this.access.requireWorkshop(user, workshopId, { facilitator: true, manager });
      const workshop = await this.attendance.workshop(manager, workshopId);
      if (!workshop) throw AppError.notFound('Workshop');
      if (workshop.status !== 'ended') {
        throw new AppError(ErrorCode.INVALID_STATE, 'Certificates are issued once the workshop has ended.');
      }
      const registered = await this.attendance.registeredAmong(manager, workshopId, ids);
      const others = ids.filter((id) => !registered.has(id));
      if (others.length > 0) {
        throw AppError.validation(
          { userIds: [`not registered participants of this workshop: ${others.join(', ')}`] },
          'Certificates go to registered participants only.',
        );
      }
      const hours = workshopHours(workshop);
      const issued: CertificateDto[] = [];
      for (const userId of ids) {
        const row = await this.certificates.issue(manager, {
          userId,
          sourceKind: 'workshop',
          sourceId: workshopId,
          title: workshop.title,
          hours,
        });
        issued.push(this.certificates.toDto(row));
      }
      return issued;
    });
  }
}
