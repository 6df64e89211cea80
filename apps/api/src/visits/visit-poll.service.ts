import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationsPublisher } from '../realtime/notifications.publisher';
import { ErrorCode, type FieldErrors, type VisitDto } from '@twinning/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { NotificationsService } from '../notifications';
import type { PickDateDto, VisitVoteDto } from './dto/visits.dto';
import { VisitAccess } from './visit-access';
import { VisitInvitations } from './visit-invitations';
import { VisitPollRepository } from './visit-poll.repository';
import type { VisitRecord } from './visit-rows';
import { VisitsRepository } from './visits.repository';
import { VisitsService } from './visits.service';

/** The poll is open while no dates are fixed and the visit is a draft or open. */
function pollOpen(visit: VisitRecord): boolean {
  return visit.start_date === null && (visit.status === 'draft' || visit.status === 'open');
}

/**
 * The date poll: members answer yes / if need be / no per option (answering again replaces the
 * answer); a coordinator picks one option, which fixes the visit's dates and closes the poll.
 * Votes lock the visit row for share and the pick for update, so no vote lands after the pick.
 */
@Injectable()
export class VisitPollService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly poll: VisitPollRepository,
    private readonly visitsRepository: VisitsRepository,
    private readonly visitAccess: VisitAccess,
    private readonly visits: VisitsService,
    private readonly notifications: NotificationsService,
    private readonly realtime: NotificationsPublisher,
    private readonly invitations: VisitInvitations,
  ) {}

  async vote(user: AuthUser, id: string, dto: VisitVoteDto): Promise<VisitDto> {
    await this.dataSource.transaction(async (manager) => {
      const { visit, member } = await this.visitAccess.require(user, id, { manager, lock: 'share' });
      if (!member) throw AppError.forbidden("Only officials of the partnership's cities can vote.");
      if (!pollOpen(visit)) throw new AppError(ErrorCode.INVALID_STATE, 'The date poll of this visit is closed.');
      const knownIds = await this.poll.knownOptionIds(
        id,
        dto.answers.map((a) => a.optionId),
        manager,
      );
      const fields: FieldErrors = {};
      const seen = new Set<string>();
      dto.answers.forEach((a, i) => {
        if (!knownIds.has(a.optionId)) fields[`answers.${i}.optionId`] = ['is not a date option of this visit'];
        else if (seen.has(a.optionId)) fields[`answers.${i}.optionId`] = ['answer each option once'];
        seen.add(a.optionId);
      });
      if (Object.keys(fields).length > 0) throw AppError.validation(fields);
      await this.poll.saveVotes(user.id, dto.answers, manager);
    });
    this.realtime.visitChanged(id, 'poll');
    return this.visits.read(user, id);
  }

  /** Fixes the visit's dates from an option, closes the poll, bumps SEQUENCE and notifies the voters. */
  async pick(user: AuthUser, id: string, dto: PickDateDto): Promise<VisitDto> {
    const created = await this.dataSource.transaction(async (manager) => {
      const { visit } = await this.visitAccess.require(user, id, {
        manager,
        lock: 'update',
        coordinator: 'Only coordinators can pick the dates.',
      });
      if (visit.start_date !== null) {
        throw new AppError(ErrorCode.INVALID_STATE, "This visit's dates are already fixed; the poll is closed.");
      }
      if (!pollOpen(visit)) throw new AppError(ErrorCode.INVALID_STATE, `This visit is ${visit.status}.`);
      const option = await this.poll.choose(id, dto.optionId, manager);
      if (!option) throw AppError.validation({ optionId: ['is not a date option of this visit'] });
      await this.visitsRepository.setDates(id, option.start_date, option.end_date, manager);
      // registrants get their first calendar invitation now that there are dates
      await this.invitations.send(manager, id, 'current');
      const voterIds = await this.poll.voterIds(id, manager);
      return this.notifications.create(
        manager,
        voterIds.map((userId) => ({
          userId,
          kind: 'visit.date_chosen' as const,
          payload: {
            actor: { id: user.id, displayName: user.displayName },
            visit: { id, title: visit.title },
            startDate: option.start_date,
            endDate: option.end_date,
            timeZone: visit.time_zone,
          },
        })),
        user.id,
      );
    });
    await this.notifications.publish(created);
    this.realtime.visitChanged(id, 'dates');
    return this.visits.read(user, id);
  }
}
