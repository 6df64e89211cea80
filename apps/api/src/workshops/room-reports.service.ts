import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { iso } from '../common/sql';
import { WorkshopsPublisher } from '../realtime/workshops.publisher';
import { RoomMessagesRepository } from './room-messages.repository';
import { RoomReportsRepository } from './room-reports.repository';
import { WorkshopAuditRepository } from './workshop-audit.repository';
import { removedError, summary } from './workshop-rules';
import { toMessageDto } from './workshop-rows';

/**
 * Reports in the live room, part of its moderation: a participant reports a message, the
 * facilitators hear of it at once and resolve it (with an audit row). Only facilitators'
 * sockets receive either event.
 */
@Injectable()
export class RoomReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly messages: RoomMessagesRepository,
    private readonly reports: RoomReportsRepository,
    private readonly audit: WorkshopAuditRepository,
    private readonly publisher: WorkshopsPublisher,
  ) {}

  /** A participant reports a message (once per message); facilitators hear of it at once. */
  async report(user: AuthUser, workshopId: string, messageId: string, reason: string): Promise<string> {
    const access = await this.access.requireWorkshop(user, workshopId);
    if (access.removed) throw removedError();
    const message = await this.messages.byId(workshopId, messageId);
    if (!message) throw AppError.notFound('Message');
    if (message.author_id === user.id) throw AppError.forbidden('You cannot report your own message.');
    if (message.deleted_at) throw new AppError(ErrorCode.INVALID_STATE, 'This message was already deleted.');
    const report = await this.reports.create(workshopId, messageId, user.id, reason);
    if (!report) throw new AppError(ErrorCode.CONFLICT, 'You already reported this message.');
    this.publisher.toFacilitators(workshopId, 'report.created', {
      id: report.id,
      workshopId,
      message: toMessageDto(message),
      reporter: summary(user),
      reason,
      createdAt: iso(report.created_at),
    });
    return report.id;
  }

  async resolve(user: AuthUser, workshopId: string, reportId: string): Promise<void> {
    await this.access.requireWorkshop(user, workshopId, { facilitator: true });
    await this.dataSource.transaction(async (manager) => {
      const row = await this.reports.resolve(manager, workshopId, reportId, user.id);
      if (!row) throw AppError.notFound('Open report');
      await this.audit.record(manager, {
        workshopId,
        actorId: user.id,
        action: 'report.resolved',
        targetUserId: row.reporter_id,
        targetMessageId: row.message_id,
        detail: { reportId },
      });
    });
    this.publisher.toFacilitators(workshopId, 'report.resolved', { workshopId, reportId });
  }
}
