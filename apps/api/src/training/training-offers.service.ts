import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  isCalendarDate,
  PAGE_SIZE_DEFAULT,
  type MyTrainingOfferDto,
  type Page,
  type TrainingRequestDto,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { hasRole, type AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { decodeCursor, keysetPage } from '../common/cursor';
import type { FieldIssue } from '../common/field-issues';
import { CoursesRepository } from '../courses';
import { NotificationsService, type CreatedNotifications, type NewNotification } from '../notifications';
import { RateLimitService, type LimitSpec } from '../rate-limit/rate-limit.service';
import type { CreateTrainingOfferDto, MyTrainingOffersQueryDto } from './dto/training.dto';
import { TrainingAccess, trainingViewer } from './training-access';
import { TrainingRequestsService, assertTrainingMove } from './training-requests.service';
import { TrainingOffersRepository } from './training-offers.repository';
import { TrainingRepository } from './training.repository';

export const TRAINING_OFFER_RATE_LIMIT: LimitSpec = { name: 'training-offer', points: 20, durationSeconds: 3600 };

/**
 * Offers on training requests: facilitators (for themselves) and coordinators of cities that
 * declare training expertise (for their city) answer open requests; the requesters accept one,
 * which matches the request and declines the others, and every trainer concerned is told.
 */
@Injectable()
export class TrainingOffersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: TrainingRepository,
    private readonly offers: TrainingOffersRepository,
    private readonly trainingAccess: TrainingAccess,
    private readonly requestsService: TrainingRequestsService,
    private readonly notifications: NotificationsService,
    private readonly rateLimits: RateLimitService,
    private readonly courses: CoursesRepository,
  ) {}

  async create(user: AuthUser, id: string, dto: CreateTrainingOfferDto): Promise<TrainingRequestDto> {
    await this.rateLimits.consume(TRAINING_OFFER_RATE_LIMIT, user.id);
    const badDates = dto.proposedDates.filter((d) => !isCalendarDate(d));
    if (badDates.length > 0) throw AppError.validation({ proposedDates: ['proposedDates must be dates (YYYY-MM-DD)'] });
    if ((dto.format === 'self_paced') !== (dto.courseId !== undefined)) {
      throw AppError.field('courseId', 'courseForSelfPaced');
    }
    await this.dataSource.transaction(async (manager) => {
      const { row } = await this.trainingAccess.require(user, id, { manager, lock: true });
      if (row.is_requester) throw AppError.forbidden('The requesters cannot answer their own training request.');
      if (dto.cityId) {
        if (!(await this.offers.coordinatedExpertCity(user.id, dto.cityId, manager))) {
          throw AppError.forbidden('Only coordinators of a city that declares training expertise can offer for it.');
        }
      } else if (!hasRole(user, 'facilitator')) {
        throw AppError.forbidden(
          'Only facilitators and coordinators of cities with training expertise can offer training.',
        );
      }
      if (row.status !== 'open') {
        throw new AppError(
          ErrorCode.INVALID_STATE,
          `This training request is ${row.status}; offers are only made to open requests.`,
        );
      }
      await this.checkTrainers(dto.trainerIds, dto.cityId ?? null, manager);
      if (dto.courseId) {
        const versions = await this.courses.versions(manager, dto.courseId);
        if (!versions.some((v) => v.state === 'published')) throw AppError.field('courseId', 'unpublishedCourse');
      }
      await this.offers.insertOffer(
        {
          requestId: id,
          createdBy: user.id,
          cityId: dto.cityId ?? null,
          approach: dto.approach,
          format: dto.format,
          proposedDates: [...dto.proposedDates].sort(),
          language: dto.language,
          courseId: dto.courseId ?? null,
        },
        dto.trainerIds,
        manager,
      );
    });
    return this.requestsService.read(user, id);
  }

  /** A trainer's own offers (any signed-in user: none for most), newest first, with their requests. One query. */
  async mine(user: AuthUser, query: MyTrainingOffersQueryDto): Promise<Page<MyTrainingOfferDto>> {
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const rows = await this.offers.mine(
      trainingViewer(user),
      decodeCursor<[string, string]>(query.cursor, 2),
      limit + 1,
    );
    return keysetPage(
      rows,
      limit,
      ({ cursor: _, ...offer }) => offer,
      (r) => r.cursor,
    );
  }

  /**
   * The requesters accept one offer: the request moves open → matched, the other pending offers are
   * declined, the accepted offer's trainers (and its author) are told, and so are the others'.
   */
  async accept(user: AuthUser, id: string, offerId: string): Promise<TrainingRequestDto> {
    const created = await this.dataSource.transaction(async (manager): Promise<CreatedNotifications> => {
      const { row } = await this.trainingAccess.require(user, id, {
        manager,
        lock: true,
        requester: 'Only the requesters can accept an offer.',
      });
      const all = await this.offers.offerParties(id, manager);
      const offer = all.find((o) => o.id === offerId);
      if (!offer) throw AppError.notFound('Training offer');
      assertTrainingMove(row.status, 'matched');
      await this.offers.acceptOffer(id, offerId, manager);
      await this.requests.setStatus(id, 'matched', offerId, manager);
      await this.requests.insertEvent(id, { actorId: user.id, from: row.status, to: 'matched' }, manager);
      const actor = { id: user.id, displayName: user.displayName };
      const request = { id, title: row.title };
      const accepted = new Set(offer.user_ids);
      const items: NewNotification[] = offer.user_ids.map((userId) => ({
        userId,
        kind: 'training.offer_accepted',
        payload: { actor, request, offerId },
      }));
      const told = new Set<string>();
      for (const other of all) {
        if (other.id === offerId || other.status !== 'pending') continue;
        for (const userId of other.user_ids) {
          if (accepted.has(userId) || told.has(userId)) continue;
          told.add(userId);
          items.push({ userId, kind: 'training.offer_declined', payload: { actor, request, offerId: other.id } });
        }
      }
      return this.notifications.create(manager, items, user.id);
    });
    await this.notifications.publish(created);
    return this.requestsService.read(user, id);
  }

  /** Every trainer is a facilitator, or an approved official of the offering city. */
  private async checkTrainers(trainerIds: string[], cityId: string | null, manager: EntityManager): Promise<void> {
    const rows = await this.offers.trainerCandidates(trainerIds, cityId, manager);
    const problems: FieldIssue[] = [];
    for (const trainerId of trainerIds) {
      const row = rows.find((r) => r.id === trainerId);
      if (!row) problems.push({ rule: 'unknownUser', params: { field: 'trainerIds', value: trainerId } });
      else if (!hasRole(row, 'facilitator') && !row.city_official) {
        problems.push({ rule: 'notTrainer', params: { field: 'trainerIds', value: row.display_name } });
      }
    }
    if (problems.length > 0) throw AppError.fromIssues({ trainerIds: problems });
  }
}
