import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  THEMES,
  TRAINING_LIMITS,
  WORKSHOP_LANGUAGES,
  isCalendarDate,
  type FieldErrors,
  type TrainingRequestDto,
  type WorkshopLanguage,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import type { FieldIssue } from '../common/field-issues';
import { CourseLearningRepository, CoursesRepository } from '../courses';
import { NotificationsService, type CreatedNotifications, type NewNotification } from '../notifications';
import { WorkshopProvisioning } from '../workshops';
import type { MarkTrainingAttendanceDto, ScheduleTrainingDto } from './dto/training-delivery.dto';
import { TrainingAccess } from './training-access';
import { TrainingDeliveryRepository, type AcceptedOfferRow, type NewSession } from './training-delivery.repository';
import { TrainingRequestsService, assertTrainingMove } from './training-requests.service';
import { TrainingRepository, type TrainingRequestRow } from './training.repository';

/**
 * Scheduling a matched training (matched → scheduled), by the accepted offer's format:
 * - live online: one workshop per session, scoped to the requesting partnership or city, the offer's
 *   trainers its facilitators (whatever their platform roles) and the named officials registered;
 * - in person: the sessions and the place; the trainer then marks attendance per named official;
 * - self paced: the named officials enrolled in the offer's course (its published version) with a deadline.
 * The accepted offer's author and trainers, the requesters and admins may schedule. Everyone
 * concerned (requesters, officials, trainers) is told, by notification and mail per their settings.
 */
@Injectable()
export class TrainingScheduleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: TrainingRepository,
    private readonly delivery: TrainingDeliveryRepository,
    private readonly trainingAccess: TrainingAccess,
    private readonly requestsService: TrainingRequestsService,
    private readonly workshops: WorkshopProvisioning,
    private readonly courses: CoursesRepository,
    private readonly learning: CourseLearningRepository,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async schedule(user: AuthUser, id: string, dto: ScheduleTrainingDto): Promise<TrainingRequestDto> {
    const created = await this.dataSource.transaction(async (manager): Promise<CreatedNotifications> => {
      const { row, viewer } = await this.trainingAccess.require(user, id, { manager, lock: true });
      const offer = row.accepted_offer_id ? await this.delivery.acceptedOffer(id, manager) : undefined;
      if (!viewer.isAdmin && !row.is_requester && !offer?.party_ids.includes(user.id)) {
        throw AppError.forbidden("Only the requesters and the accepted offer's trainers can schedule this training.");
      }
      assertTrainingMove(row.status, 'scheduled');
      if (!offer) throw new AppError(ErrorCode.INVALID_STATE, 'This training request has no accepted offer.');
      const officials = await this.delivery.officialIds(id, manager);
      let startsAt: string | null = null;
      let deadline: Date | null = null;
      if (offer.format === 'self_paced') {
        deadline = await this.scheduleCourse(manager, row, offer, officials, dto);
      } else {
        const sessions = await this.scheduleSessions(manager, user, row, offer, officials, dto);
        startsAt = sessions[0].startsAt;
      }
      await this.requests.insertEvent(id, { actorId: user.id, from: row.status, to: 'scheduled' }, manager);
      const requesters = await this.delivery.requesterIds(id, manager);
      const told = [...new Set([...requesters, ...officials, ...offer.party_ids])];
      return this.notifications.create(
        manager,
        told.map((userId): NewNotification => ({
          userId,
          kind: 'training.scheduled',
          payload: {
            actor: { id: user.id, displayName: user.displayName },
            request: { id, title: row.title },
            startsAt,
            deadline: deadline?.toISOString() ?? null,
          },
        })),
        user.id,
      );
    });
    await this.notifications.publish(created);
    return this.requestsService.read(user, id);
  }

  /** The trainer marks in-person attendance of named officials (scheduled or delivered trainings). */
  async markAttendance(user: AuthUser, id: string, dto: MarkTrainingAttendanceDto): Promise<TrainingRequestDto> {
    await this.dataSource.transaction(async (manager) => {
      const { row, viewer } = await this.trainingAccess.require(user, id, { manager, lock: true });
      if (!viewer.isAdmin && !row.is_trainer) {
        throw AppError.forbidden("Only the accepted offer's trainers can mark attendance.");
      }
      const offer = await this.delivery.acceptedOffer(id, manager);
      if (offer?.format !== 'in_person') {
        throw new AppError(
          ErrorCode.INVALID_STATE,
          'Attendance is marked by the trainer for in-person trainings only.',
        );
      }
      if (row.status !== 'scheduled' && row.status !== 'delivered') {
        throw new AppError(
          ErrorCode.INVALID_STATE,
          `This training request is ${row.status}; attendance is marked while it is scheduled or delivered.`,
        );
      }
      const officials = new Set(await this.delivery.officialIds(id, manager));
      const refused = dto.entries.filter((e) => !officials.has(e.userId)).map((e) => e.userId);
      if (refused.length > 0) {
        const names = await this.requests.names(refused, manager);
        throw AppError.fromIssues({
          entries: refused.map((uid): FieldIssue => ({
            rule: names.has(uid) ? 'notNamedOfficial' : 'unknownUser',
            params: { field: 'entries', value: names.get(uid) ?? uid },
          })),
        });
      }
      const twice = dto.entries.find((e, i) => dto.entries.findIndex((o) => o.userId === e.userId) !== i);
      if (twice) throw AppError.field('entries', 'listedTwice', { value: twice.userId });
      await this.delivery.markAttendance(id, dto.entries, user.id, manager);
    });
    return this.requestsService.read(user, id);
  }

  /** Live online and in person: the sessions (workshops when live), and the place in person. */
  private async scheduleSessions(
    manager: EntityManager,
    user: AuthUser,
    row: TrainingRequestRow,
    offer: AcceptedOfferRow,
    officials: string[],
    dto: ScheduleTrainingDto,
  ): Promise<NewSession[]> {
    const fields: FieldErrors = {};
    if (dto.deadline !== undefined) fields.deadline = ['deadline is only given for self-paced trainings'];
    const live = offer.format === 'live_online';
    const place = dto.place?.trim() ?? '';
    if (live && dto.place !== undefined) fields.place = ['place is only given for in-person trainings'];
    if (!live && !place) fields.place = ['place is required for in-person trainings'];
    if (!live && dto.language !== undefined) fields.language = ['language is only given for live online trainings'];
    const language = (dto.language ?? offer.language) as WorkshopLanguage;
    if (live && !WORKSHOP_LANGUAGES.includes(language)) {
      fields.language = [`language must be one of ${WORKSHOP_LANGUAGES.join(', ')} (the workshops' language)`];
    }
    const given = dto.sessions ?? [];
    if (given.length === 0) fields.sessions = ['give at least one session (startsAt and endsAt)'];
    const now = this.clock.now().getTime();
    const problems: string[] = [];
    for (const s of given) {
      const start = Date.parse(s.startsAt);
      const end = Date.parse(s.endsAt);
      if (!(end > start)) problems.push('each session must end after it starts');
      else if (start <= now) problems.push('sessions must be in the future');
    }
    if (problems.length > 0) fields.sessions = [...new Set(problems)];
    if (Object.keys(fields).length > 0) throw AppError.validation(fields);

    const ordered = [...given].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
    const sessions: NewSession[] = [];
    for (const [i, s] of ordered.entries()) {
      const title = (
        s.title?.trim() || (ordered.length > 1 ? `${row.title} (${i + 1}/${ordered.length})` : row.title)
      ).slice(0, TRAINING_LIMITS.sessionTitleMax);
      const startsAt = new Date(s.startsAt).toISOString();
      const endsAt = new Date(s.endsAt).toISOString();
      let workshopId: string | null = null;
      if (live) {
        const workshop = await this.workshops.create(manager, {
          title,
          description: offer.approach,
          theme: row.themes[0] ?? THEMES[0],
          language,
          scope: row.partnership_id ? { partnershipId: row.partnership_id } : { cityId: row.city_id ?? '' },
          startsAt,
          endsAt,
          createdBy: user.id,
          facilitatorIds: offer.trainer_ids,
          attendeeIds: officials,
        });
        workshopId = workshop.id;
      }
      sessions.push({ title, startsAt, endsAt, workshopId });
    }
    await this.delivery.insertSessions(row.id, sessions, manager);
    const last = Math.max(...sessions.map((s) => Date.parse(s.endsAt)));
    await this.delivery.markScheduled(
      row.id,
      {
        place: live ? null : place.slice(0, TRAINING_LIMITS.placeMax),
        courseId: null,
        courseVersionId: null,
        courseDeadline: null,
        deliveryEndsAt: new Date(last).toISOString(),
      },
      manager,
    );
    return sessions;
  }

  /** Self paced: the named officials enrolled in the offer's course (its published version) until the deadline. */
  private async scheduleCourse(
    manager: EntityManager,
    row: TrainingRequestRow,
    offer: AcceptedOfferRow,
    officials: string[],
    dto: ScheduleTrainingDto,
  ): Promise<Date> {
    const fields: FieldErrors = {};
    for (const key of ['sessions', 'place', 'language'] as const) {
      if (dto[key] !== undefined) fields[key] = [`${key} is not given for self-paced trainings`];
    }
    if (dto.deadline === undefined) fields.deadline = ['deadline is required for self-paced trainings'];
    else if (!isCalendarDate(dto.deadline)) fields.deadline = ['deadline must be a date (YYYY-MM-DD)'];
    if (Object.keys(fields).length > 0) throw AppError.validation(fields);
    const deadline = await this.delivery.endOfDay(dto.deadline ?? '', row.time_zone, manager);
    if (deadline.getTime() <= this.clock.now().getTime())
      throw AppError.validation({ deadline: ['deadline must be in the future'] });
    const published = offer.course_id
      ? (await this.courses.versions(manager, offer.course_id)).find((v) => v.state === 'published')
      : undefined;
    if (!offer.course_id || !published) {
      throw new AppError(
        ErrorCode.INVALID_STATE,
        "The accepted offer's course has no published version: it cannot be scheduled until the course is published.",
      );
    }
    await this.learning.enrol(manager, offer.course_id, published.id, officials);
    await this.delivery.markScheduled(
      row.id,
      {
        place: null,
        courseId: offer.course_id,
        courseVersionId: published.id,
        courseDeadline: deadline,
        deliveryEndsAt: deadline.toISOString(),
      },
      manager,
    );
    return deadline;
  }
}
