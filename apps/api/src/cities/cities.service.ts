import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  PAGE_SIZE_DEFAULT,
  type CityDetailDto,
  type CityDto,
  type CityRole,
  type CitySummaryDto,
  type CreateCityRequest,
  type JoinRequestDto,
  type JoinRequestStatus,
  type Page,
  type UpdateCityRequest,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { hasRole, type AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { decodeCursor, keysetPage } from '../common/cursor';
import { isUuid } from '../common/id.pipe';
import { NotificationsService } from '../notifications';
import { UsersRepository } from '../users';
import { CitiesRepository, toCityDto } from './cities.repository';
import type { CityListQueryDto } from './dto/cities.dto';
import { CityMembershipsRepository } from './memberships.repository';

export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

@Injectable()
export class CitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cities: CitiesRepository,
    private readonly memberships: CityMembershipsRepository,
    private readonly users: UsersRepository,
    private readonly notifications: NotificationsService,
  ) {}

  /** The directory: filters by region, profile, theme and text; keyset pagination on (name, id); one query. */
  async list(query: CityListQueryDto): Promise<Page<CitySummaryDto>> {
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const rows = await this.cities.directory({
      region: query.region,
      profile: query.profile,
      theme: query.theme,
      q: query.q,
      after: decodeCursor<[string, string]>(query.cursor, 2),
      take: limit + 1,
    });
    return keysetPage(
      rows,
      limit,
      (row) => row,
      (row) => [row.name, row.id],
    );
  }

  /** City page by slug (or id): profile, officials and what the viewer may do. Three queries. */
  async detail(slugOrId: string, viewer: AuthUser | null): Promise<CityDetailDto> {
    const city = isUuid(slugOrId)
      ? await this.cities.findById(slugOrId)
      : await this.cities.findBySlug(slugOrId.toLowerCase());
    if (!city) throw AppError.notFound('City');
    const officials = await this.memberships.officials(city.id);
    const mine = viewer ? await this.memberships.find(city.id, viewer.id) : null;
    const role = mine?.status === 'approved' ? mine.role : null;
    const manages = (!!viewer && hasRole(viewer, 'admin')) || role === 'coordinator';
    return {
      ...toCityDto(city),
      officials,
      viewer: {
        role,
        joinRequest: mine?.status ?? null,
        canEdit: manages,
        canReviewRequests: manages,
      },
    };
  }

  async create(actor: AuthUser, dto: CreateCityRequest): Promise<CityDto> {
    if (!hasRole(actor, 'admin')) throw AppError.forbidden('Only platform admins can add cities.');
    const base = slugify(dto.name) || 'city';
    for (const slug of [base, `${base}-${dto.countryCode.toLowerCase()}`, `${base}-${Date.now().toString(36)}`]) {
      const id = await this.cities.insertUnlessSlugTaken({ ...dto, slug });
      if (id) return toCityDto(await this.cities.getById(id));
    }
    throw new AppError(ErrorCode.CONFLICT, 'A city with this name already exists.', { name: ['already taken'] });
  }

  async update(actor: AuthUser, cityId: string, dto: UpdateCityRequest): Promise<CityDto> {
    return this.dataSource.transaction(async (manager) => {
      const city = await this.cities.findByIdForUpdate(manager, cityId);
      if (!city) throw AppError.notFound('City');
      await this.requireManager(manager, actor, cityId, 'Only the city’s coordinators or an admin can edit it.');
      Object.assign(city, dto);
      await this.cities.save(manager, city);
      return toCityDto(city);
    });
  }

  /**
   * Ask to join a city as an official. A rejected request may be asked again. The city's
   * coordinators are told that a request waits (in the same transaction).
   */
  async requestToJoin(actor: AuthUser, cityId: string, message: string | undefined): Promise<JoinRequestDto> {
    const { id, created } = await this.dataSource.transaction(async (manager) => {
      const city = await this.cities.findById(cityId, manager);
      if (!city) throw AppError.notFound('City');
      const requestId = await this.memberships.openRequest(cityId, actor.id, message ?? '', manager);
      if (requestId === null) {
        if ((await this.memberships.status(cityId, actor.id, manager)) === 'approved') {
          throw new AppError(ErrorCode.ALREADY_MEMBER, 'You are already an official of this city.');
        }
        throw new AppError(
          ErrorCode.REQUEST_PENDING,
          'Your request to join this city is already waiting for a decision.',
        );
      }
      const coordinators = await this.memberships.coordinatorIds([cityId], manager);
      // coordinators decide on the message: its opening travels with the notification (and its mail)
      const excerpt = messageExcerpt(message ?? '');
      const notified = await this.notifications.create(
        manager,
        coordinators.map((userId) => ({
          userId,
          kind: 'join_request.created' as const,
          payload: {
            actor: { id: actor.id, displayName: actor.displayName },
            city: { id: city.id, slug: city.slug, name: city.name },
            requestId,
            ...(excerpt ? { message: excerpt } : {}),
          },
        })),
        actor.id,
      );
      return { id: requestId, created: notified };
    });
    await this.notifications.publish(created);
    return this.joinRequestById(id);
  }

  myJoinRequests(actor: AuthUser): Promise<JoinRequestDto[]> {
    return this.memberships.requestsOf(actor.id);
  }

  /** Requests the viewer may decide: all for admins, their cities' for coordinators, none otherwise. One query. */
  async reviewQueue(
    actor: AuthUser,
    query: { status?: JoinRequestStatus; cursor?: string; limit?: number },
  ): Promise<Page<JoinRequestDto>> {
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const rows = await this.memberships.queue({
      status: query.status ?? 'pending',
      coordinatorId: !hasRole(actor, 'admin') ? actor.id : null,
      after: decodeCursor<[string, string]>(query.cursor, 2),
      take: limit + 1,
    });
    return keysetPage(
      rows,
      limit,
      (row) => row.request,
      (row) => [row.createdKey, row.request.id],
    );
  }

  async decide(actor: AuthUser, requestId: string, decision: 'approve' | 'reject'): Promise<JoinRequestDto> {
    const created = await this.dataSource.transaction(async (manager) => {
      const request = await this.memberships.findByIdForUpdate(manager, requestId);
      if (!request) throw AppError.notFound('Join request');
      if (request.userId === actor.id && !hasRole(actor, 'admin')) {
        throw AppError.forbidden('You cannot decide your own request.');
      }
      await this.requireManager(manager, actor, request.cityId, 'Only the city’s coordinators can decide requests.', {
        hideFromOutsiders: true,
      });
      if (request.status !== 'pending') {
        throw new AppError(ErrorCode.INVALID_STATE, `This request was already ${request.status}.`);
      }
      request.status = decision === 'approve' ? 'approved' : 'rejected';
      request.decidedBy = actor.id;
      request.decidedAt = new Date();
      await this.memberships.save(manager, request);
      const city = await this.cities.getById(request.cityId, manager);
      return this.notifications.create(
        manager,
        [
          {
            userId: request.userId,
            kind: 'join_request.decided',
            payload: {
              actor: { id: actor.id, displayName: actor.displayName },
              city: { id: city.id, slug: city.slug, name: city.name },
              decision: request.status,
            },
          },
        ],
        actor.id,
      );
    });
    await this.notifications.publish(created);
    return this.joinRequestById(requestId);
  }

  /**
   * Sets a member's role in a city. Admins appoint anyone (including a city's first coordinator,
   * who need not have asked to join); coordinators promote the city's officials to coordinator.
   */
  async setRole(actor: AuthUser, cityId: string, userId: string, role: CityRole): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const city = await this.cities.findById(cityId, manager);
      if (!city) throw AppError.notFound('City');
      const isAdmin = hasRole(actor, 'admin');
      if (!isAdmin) {
        await this.requireManager(manager, actor, cityId, 'Only the city’s coordinators can change roles.');
      }
      const target = await this.memberships.findForUpdate(manager, cityId, userId);
      if (isAdmin) {
        if (!(await this.users.exists(userId, manager))) throw AppError.notFound('User');
        await this.memberships.appoint(manager, cityId, userId, role, actor.id);
        return;
      }
      if (!target || target.status !== 'approved') throw AppError.notFound('Official');
      if (role !== 'coordinator' && target.role === 'coordinator') {
        throw AppError.forbidden('Only an admin can withdraw a coordinator’s role.');
      }
      target.role = role;
      await this.memberships.save(manager, target);
    });
  }

  private async joinRequestById(id: string): Promise<JoinRequestDto> {
    const request = await this.memberships.joinRequest(id);
    if (!request) throw AppError.notFound('Join request');
    return request;
  }

  /**
   * Admins and the city's coordinators manage a city. Its officials are told they lack the role
   * (403); with hideFromOutsiders, everyone else gets 404 so the resource's existence does not leak.
   */
  private async requireManager(
    manager: EntityManager,
    actor: AuthUser,
    cityId: string,
    message: string,
    opts: { hideFromOutsiders?: boolean } = {},
  ): Promise<void> {
    if (hasRole(actor, 'admin')) return;
    const membership = await this.memberships.find(cityId, actor.id, manager);
    if (membership?.status === 'approved' && membership.role === 'coordinator') return;
    if (opts.hideFromOutsiders && membership?.status !== 'approved') throw AppError.notFound('Join request');
    throw AppError.forbidden(message);
  }
}

/** How much of a join request's message its notification carries. */
const MESSAGE_EXCERPT_LENGTH = 300;

/** The message as plain text (never rendered as Markdown), whitespace collapsed, cut to ~300 characters. */
export function messageExcerpt(message: string): string {
  const chars = Array.from(message.replace(/\s+/g, ' ').trim());
  if (chars.length <= MESSAGE_EXCERPT_LENGTH) return chars.join('');
  return `${chars
    .slice(0, MESSAGE_EXCERPT_LENGTH - 1)
    .join('')
    .trimEnd()}…`;
}
