import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  PAGE_SIZE_DEFAULT,
  TRAINING_LIMITS,
  TRAINING_REQUEST_TRANSITIONS,
  calendarDaysBetween,
  isCalendarDate,
  type FieldErrors,
  type Page,
  type TrainingRequestDto,
  type TrainingRequestStatus,
  type TrainingRequestSummaryDto,
} from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { decodeCursor, keysetPage } from '../common/cursor';
import type { FieldIssue } from '../common/field-issues';
import { RateLimitService, type LimitSpec } from '../rate-limit/rate-limit.service';
import type {
  CreateTrainingRequestDto,
  TrainingRequestListQueryDto,
  WithdrawTrainingRequestDto,
} from './dto/training.dto';
import { TrainingAccess, trainingViewer } from './training-access';
import { TrainingDeliveryRepository } from './training-delivery.repository';
import { evaluationClosesAt } from './training-evaluations.service';
import { TrainingOffersRepository } from './training-offers.repository';
import { TrainingRepository, toSummary } from './training.repository';

export const TRAINING_REQUEST_RATE_LIMIT: LimitSpec = { name: 'training-request', points: 10, durationSeconds: 3600 };

const OPEN_PARTNERSHIP = ['proposed', 'active'];

/** Refuses a move that TRAINING_REQUEST_TRANSITIONS does not allow: INVALID_STATE naming both states. */
export function assertTrainingMove(from: TrainingRequestStatus, to: TrainingRequestStatus): void {
  const allowed = TRAINING_REQUEST_TRANSITIONS[from];
  if (allowed.includes(to)) return;
  throw new AppError(
    ErrorCode.INVALID_STATE,
    `A training request cannot go from ${from} to ${to}` +
      (allowed.length ? `; from ${from} it can go to ${allowed.join(' or ')}.` : `: ${from} is final.`),
  );
}

/**
 * Training requests: the board, the request page, creating and withdrawing. Offers and their
 * acceptance live in TrainingOffersService; both answer with `read`, the one builder of the DTO.
 */
@Injectable()
export class TrainingRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: TrainingRepository,
    private readonly offers: TrainingOffersRepository,
    private readonly delivery: TrainingDeliveryRepository,
    private readonly trainingAccess: TrainingAccess,
    private readonly access: AccessService,
    private readonly rateLimits: RateLimitService,
  ) {}

  /** Requests the viewer may see, newest first; one statement. */
  async list(user: AuthUser, query: TrainingRequestListQueryDto): Promise<Page<TrainingRequestSummaryDto>> {
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const rows = await this.requests.list(trainingViewer(user), {
      status: query.status,
      after: decodeCursor<[string, string]>(query.cursor, 2),
      take: limit + 1,
    });
    return keysetPage(rows, limit, toSummary, (r) => [r.created_at.toISOString(), r.id]);
  }

  /** The request page as `user` sees it (404 when they may not). Four queries, six once scheduled. */
  async read(user: AuthUser, id: string): Promise<TrainingRequestDto> {
    const { row, viewer, requester } = await this.trainingAccess.require(user, id);
    const scheduled = row.scheduled_at !== null;
    const accepted = row.accepted_offer_id !== null;
    const [officials, offers, history, sessions] = await Promise.all([
      this.requests.officials(id),
      this.offers.visible(id, user.id, requester),
      this.requests.events(id),
      scheduled ? this.delivery.sessions(id) : Promise.resolve([]),
    ]);
    const format = offers.find((o) => o.id === row.accepted_offer_id)?.format ?? row.format;
    const inPerson = scheduled && format === 'in_person';
    const attendance = inPerson && (requester || row.is_trainer) ? await this.delivery.attendance(id) : null;
    const open = row.status === 'open';
    return {
      ...toSummary(row),
      audienceRoles: row.audience_roles,
      officials,
      notes: row.notes,
      createdBy: row.created_by ? { id: row.created_by, displayName: row.creator_name ?? '' } : null,
      acceptedOfferId: row.accepted_offer_id,
      offers,
      history,
      schedule:
        scheduled && row.scheduled_at && row.delivery_ends_at
          ? {
              format,
              sessions,
              place: row.place,
              course:
                row.course_id && row.course_version_id
                  ? { id: row.course_id, versionId: row.course_version_id, title: row.course_title ?? '' }
                  : null,
              deadline: row.course_deadline?.toISOString() ?? null,
              scheduledAt: row.scheduled_at.toISOString(),
              deliveryEndsAt: row.delivery_ends_at.toISOString(),
              deliveredAt: row.delivered_at?.toISOString() ?? null,
              evaluationClosesAt: evaluationClosesAt(row.delivered_at)?.toISOString() ?? null,
            }
          : null,
      attendance,
      viewer: {
        requester: row.is_requester,
        canDecide: requester && (open || row.status === 'matched'),
        canOffer: open && !row.is_requester && (viewer.isFacilitator || row.coordinates_expert_city),
        trainer: row.is_trainer,
        canSchedule: row.status === 'matched' && accepted && (requester || row.is_trainer),
        canMarkAttendance:
          inPerson && (viewer.isAdmin || row.is_trainer) && (row.status === 'scheduled' || row.status === 'delivered'),
        participant: row.is_participant,
        canSeeResults: requester || row.is_trainer,
      },
    };
  }

  /**
   * A coordinator asks for a training for their city, or for a partnership whose member city they
   * coordinate. The named officials must be approved officials of the requesting city (or of a
   * member city). The preferred period is kept in the requester's zone (the city's by default).
   */
  async create(user: AuthUser, dto: CreateTrainingRequestDto): Promise<TrainingRequestDto> {
    await this.rateLimits.consume(TRAINING_REQUEST_RATE_LIMIT, user.id);
    checkRequest(dto);
    const id = await this.dataSource.transaction(async (manager) => {
      if (dto.partnershipId) {
        const access = await this.access.requirePartnership(user, dto.partnershipId, { private: true, manager });
        if (access.role !== 'coordinator') {
          throw AppError.forbidden("Only coordinators of the partnership's cities can request a training for it.");
        }
        if (!OPEN_PARTNERSHIP.includes(access.status)) {
          throw new AppError(
            ErrorCode.INVALID_STATE,
            `This partnership is ${access.status}; it cannot request training.`,
          );
        }
      }
      const scope = dto.cityId ? { cityId: dto.cityId } : { partnershipId: dto.partnershipId ?? '' };
      const cities = await this.requests.requestingCities(scope, user.id, manager);
      if (cities.length === 0 && dto.cityId) throw AppError.field('cityId', 'unknownCity');
      const coordinated = cities.filter((c) => c.coordinated);
      if (coordinated.length === 0) {
        throw AppError.forbidden('Only the city’s coordinators can request a training for it.');
      }
      const cityIds = cities.map((c) => c.id);
      const officials = await this.requests.officialsOf(dto.officialIds, cityIds, manager);
      const refused = dto.officialIds.filter((uid) => !officials.has(uid));
      if (refused.length > 0) {
        const names = await this.requests.names(refused, manager);
        throw AppError.fromIssues({
          officialIds: refused.map((uid): FieldIssue =>
            names.has(uid)
              ? { rule: 'notRequestingOfficial', params: { field: 'officialIds', value: names.get(uid) } }
              : { rule: 'unknownUser', params: { field: 'officialIds', value: uid } },
          ),
        });
      }
      const requestId = await this.requests.insert(
        {
          cityId: dto.cityId ?? null,
          partnershipId: dto.partnershipId ?? null,
          title: dto.title,
          themes: dto.themes,
          skills: dto.skills,
          audienceRoles: dto.audienceRoles,
          headCount: dto.headCount,
          languages: dto.languages,
          format: dto.format,
          preferredStart: dto.preferredStart,
          preferredEnd: dto.preferredEnd,
          timeZone: dto.timeZone ?? coordinated[0].time_zone,
          notes: dto.notes ?? '',
          createdBy: user.id,
        },
        manager,
      );
      await this.requests.insertOfficials(requestId, dto.officialIds, manager);
      await this.requests.insertEvent(requestId, { actorId: user.id, from: null, to: 'open' }, manager);
      return requestId;
    });
    return this.read(user, id);
  }

  /** The requesters withdraw an open or matched request; the move is recorded with the reason. */
  async withdraw(user: AuthUser, id: string, dto: WithdrawTrainingRequestDto): Promise<TrainingRequestDto> {
    await this.dataSource.transaction(async (manager) => {
      const { row } = await this.trainingAccess.require(user, id, {
        manager,
        lock: true,
        requester: 'Only the requesters can withdraw a training request.',
      });
      assertTrainingMove(row.status, 'withdrawn');
      await this.requests.setStatus(id, 'withdrawn', undefined, manager);
      await this.requests.insertEvent(
        id,
        { actorId: user.id, from: row.status, to: 'withdrawn', note: dto.reason ?? '' },
        manager,
      );
    });
    return this.read(user, id);
  }
}

/** Exactly one of cityId and partnershipId; a real preferred period of at most a year. */
function checkRequest(dto: CreateTrainingRequestDto): void {
  const fields: FieldErrors = {};
  if (!dto.cityId === !dto.partnershipId) {
    const message = 'give either cityId or partnershipId (exactly one)';
    fields.cityId = [message];
    fields.partnershipId = [message];
  }
  if (!isCalendarDate(dto.preferredStart)) fields.preferredStart = ['preferredStart must be a date (YYYY-MM-DD)'];
  if (!isCalendarDate(dto.preferredEnd)) fields.preferredEnd = ['preferredEnd must be a date (YYYY-MM-DD)'];
  if (!fields.preferredStart && !fields.preferredEnd) {
    const days = calendarDaysBetween(dto.preferredStart, dto.preferredEnd) + 1;
    if (days < 1) fields.preferredEnd = ['preferredEnd must not be before preferredStart'];
    else if (days > TRAINING_LIMITS.periodDaysMax) {
      fields.preferredEnd = [`the preferred period lasts at most ${TRAINING_LIMITS.periodDaysMax} days`];
    }
  }
  if (Object.keys(fields).length > 0) throw AppError.validation(fields);
}
