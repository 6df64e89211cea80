import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  type PartnershipDetailDto,
  type PartnershipStatus,
  type ProposePartnershipRequest,
  type UpdatePartnershipRequest,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { CitiesRepository, CityMembershipsRepository, type CityRef } from '../cities';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { NotificationsService, type NewNotification } from '../notifications';
import { RateLimitService, type LimitSpec } from '../rate-limit/rate-limit.service';
import { ActivityRepository } from './activity.repository';
import { PartnershipPolicy } from './partnership-policy.service';
import { PartnershipsRepository } from './partnerships.repository';
import { PartnershipsService } from './partnerships.service';

/** Proposals and invitations a user may send: each one notifies another city's coordinators. */
export const INVITATION_RATE_LIMIT: LimitSpec = { name: 'partnership-invitation', points: 10, durationSeconds: 3600 };

const ref = (city: CityRef): CityRef => ({ id: city.id, slug: city.slug, name: city.name });
const actorRef = (actor: AuthUser) => ({ id: actor.id, displayName: actor.displayName });

/**
 * A partnership's life: proposal, invitations into a network, answers, edits and conclusion. Every
 * change runs in one transaction that locks the partnership row, records the transition in
 * partnership_events and creates the notifications, which are published after commit. Each answers
 * with the partnership page.
 */
@Injectable()
export class PartnershipLifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PartnershipPolicy,
    private readonly partnerships: PartnershipsRepository,
    private readonly activity: ActivityRepository,
    private readonly cities: CitiesRepository,
    private readonly memberships: CityMembershipsRepository,
    private readonly notifications: NotificationsService,
    private readonly rateLimits: RateLimitService,
    private readonly reader: PartnershipsService,
  ) {}

  /** Proposes a partnership from one of the viewer's cities to another city. */
  async propose(actor: AuthUser, dto: ProposePartnershipRequest): Promise<PartnershipDetailDto> {
    if (dto.fromCityId === dto.toCityId) {
      throw AppError.field('toCityId', 'ownCity');
    }
    await this.rateLimits.consume(INVITATION_RATE_LIMIT, actor.id);
    const { id, created } = await this.dataSource.transaction(async (manager) => {
      const cities = await this.cities.summaries([dto.fromCityId, dto.toCityId], manager);
      const from = cities.get(dto.fromCityId);
      const to = cities.get(dto.toCityId);
      if (!from) throw AppError.field('fromCityId', 'unknownCity');
      if (!to) throw AppError.field('toCityId', 'unknownCity');
      if ((await this.memberships.approvedRole(from.id, actor.id, manager)) === null) {
        throw AppError.forbidden(`Only officials of ${from.name} can propose a partnership on its behalf.`);
      }
      // One open partnership per pair of cities: serialise proposals between the same two cities.
      await this.partnerships.lockPair(manager, from.id, to.id);
      const existing = await this.partnerships.findOpenBetween(manager, from.id, to.id);
      if (existing) {
        throw new AppError(
          ErrorCode.CONFLICT,
          existing.status === 'active'
            ? `${from.name} and ${to.name} are already partners.`
            : `A proposal between ${from.name} and ${to.name} is already waiting for an answer.`,
        );
      }
      const title = dto.title?.trim() || `${from.name} – ${to.name}`;
      const id = await this.partnerships.insertProposal(manager, {
        title,
        themes: dto.themes,
        goals: dto.goals,
        fromCityId: from.id,
        toCityId: to.id,
        actorId: actor.id,
        message: dto.message ?? '',
      });
      await this.activity.record(manager, id, 'proposed', actor.id, from.id, dto.message ?? '');
      const created = await this.notifyCoordinators(manager, actor, [to.id], (userId) => ({
        userId,
        kind: 'partnership.invited',
        payload: { actor: actorRef(actor), partnership: { id, title }, fromCity: ref(from), toCity: ref(to) },
      }));
      return { id, created };
    });
    await this.notifications.publish(created);
    return this.reader.detail(actor, id);
  }

  async update(actor: AuthUser, id: string, dto: UpdatePartnershipRequest): Promise<PartnershipDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const access = await this.policy.lockForChange(manager, actor, id, 'Only coordinators can edit the partnership.');
      if (access.status !== 'proposed' && access.status !== 'active') {
        throw new AppError(ErrorCode.INVALID_STATE, `This partnership is ${access.status}; it can no longer change.`);
      }
      if (!(await this.partnerships.update(manager, id, dto))) return;
      await this.activity.record(manager, id, 'updated', actor.id, null, Object.keys(dto).join(', '));
    });
    return this.reader.detail(actor, id);
  }

  /** A member city's coordinator invites a further city into an active partnership (a network). */
  async invite(
    actor: AuthUser,
    id: string,
    cityId: string,
    message: string | undefined,
  ): Promise<PartnershipDetailDto> {
    const created = await this.dataSource.transaction(async (manager) => {
      const access = await this.policy.lockForChange(manager, actor, id, 'Only coordinators can invite another city.');
      if (access.status !== 'active') {
        throw new AppError(ErrorCode.INVALID_STATE, 'Cities can be invited once the partnership is active.');
      }
      const city = (await this.cities.summaries([cityId], manager)).get(cityId);
      if (!city) throw AppError.field('cityId', 'unknownCity');
      const current = await this.partnerships.cityStatus(manager, id, cityId);
      if (current === 'member') throw AppError.field('cityId', 'alreadyMember');
      if (current === 'invited') throw AppError.field('cityId', 'alreadyInvited');
      const fromCityId = access.coordinatedMemberCityIds[0];
      await this.partnerships.invite(manager, {
        partnershipId: id,
        cityId,
        invitedBy: actor.id,
        invitedByCityId: fromCityId,
        message: message ?? '',
      });
      await this.partnerships.touch(manager, id);
      await this.activity.record(manager, id, 'invited', actor.id, cityId, message ?? '');
      const from = (await this.cities.findRef(fromCityId, manager)) as CityRef;
      return this.notifyCoordinators(manager, actor, [cityId], (userId) => ({
        userId,
        kind: 'partnership.invited',
        payload: {
          actor: actorRef(actor),
          partnership: { id, title: access.title },
          fromCity: ref(from),
          toCity: ref(city),
        },
      }));
    });
    await this.notifications.publish(created);
    return this.reader.detail(actor, id);
  }

  /** Coordinators of an invited city accept (it becomes a member; a proposal becomes active) or decline. */
  async decide(
    actor: AuthUser,
    id: string,
    cityId: string,
    decision: 'accept' | 'decline',
    note: string | undefined,
  ): Promise<PartnershipDetailDto> {
    const created = await this.dataSource.transaction(async (manager) => {
      const access = await this.policy.lock(manager, actor, id);
      const invitation = await this.invitation(manager, id, cityId);
      if ((await this.memberships.approvedRole(cityId, actor.id, manager)) !== 'coordinator') {
        throw AppError.forbidden('Only coordinators of the invited city can answer.');
      }
      if (invitation.status !== 'invited') {
        throw new AppError(ErrorCode.INVALID_STATE, `This invitation was already ${invitation.status}.`);
      }
      if (access.status !== 'proposed' && access.status !== 'active') {
        throw new AppError(ErrorCode.INVALID_STATE, `This partnership is ${access.status}.`);
      }
      const accepted = decision === 'accept';
      await this.partnerships.closeInvitation(manager, id, cityId, accepted ? 'member' : 'declined', actor.id);
      await this.activity.record(manager, id, accepted ? 'accepted' : 'declined', actor.id, cityId, note ?? '');
      if (access.status === 'proposed') {
        const next: PartnershipStatus = accepted ? 'active' : 'declined';
        await this.partnerships.setStatus(manager, id, next);
        if (accepted) await this.activity.record(manager, id, 'activated', actor.id, null, '');
      } else {
        await this.partnerships.touch(manager, id);
      }
      const city = ref(invitation.city);
      const memberCities = await this.partnerships.memberCityIds(manager, id, cityId);
      return this.notifyCoordinators(
        manager,
        actor,
        memberCities,
        (userId) => ({
          userId,
          kind: accepted ? 'partnership.accepted' : 'partnership.declined',
          payload: { actor: actorRef(actor), partnership: { id, title: access.title }, city },
        }),
        invitation.invitedBy,
      );
    });
    await this.notifications.publish(created);
    return this.reader.detail(actor, id);
  }

  /** The proposer, or a coordinator of the inviting city, withdraws a pending invitation. */
  async withdraw(actor: AuthUser, id: string, cityId: string, note: string | undefined): Promise<PartnershipDetailDto> {
    const created = await this.dataSource.transaction(async (manager) => {
      const access = await this.policy.lock(manager, actor, id);
      const invitation = await this.invitation(manager, id, cityId);
      if (!this.policy.mayWithdraw(actor, access, invitation)) {
        throw AppError.forbidden('Only whoever sent the invitation, or their city’s coordinators, can withdraw it.');
      }
      if (invitation.status !== 'invited') {
        throw new AppError(ErrorCode.INVALID_STATE, `This invitation was already ${invitation.status}.`);
      }
      await this.partnerships.closeInvitation(manager, id, cityId, 'withdrawn', actor.id);
      await this.activity.record(manager, id, 'withdrawn', actor.id, cityId, note ?? '');
      await this.partnerships.withdrawIfProposed(manager, id);
      return this.notifyCoordinators(manager, actor, [cityId], (userId) => ({
        userId,
        kind: 'partnership.withdrawn',
        payload: { actor: actorRef(actor), partnership: { id, title: access.title }, city: ref(invitation.city) },
      }));
    });
    await this.notifications.publish(created);
    return this.reader.detail(actor, id);
  }

  async conclude(actor: AuthUser, id: string, note: string | undefined): Promise<PartnershipDetailDto> {
    const created = await this.dataSource.transaction(async (manager) => {
      const access = await this.policy.lockForChange(
        manager,
        actor,
        id,
        'Only coordinators can conclude a partnership.',
      );
      if (access.status !== 'active') {
        throw new AppError(
          ErrorCode.INVALID_STATE,
          `Only an active partnership can be concluded; this one is ${access.status}.`,
        );
      }
      await this.partnerships.conclude(manager, id);
      // Pending invitations lapse with the partnership.
      await this.partnerships.lapseInvitations(manager, id, actor.id);
      await this.activity.record(manager, id, 'concluded', actor.id, null, note ?? '');
      const officials = await this.partnerships.memberOfficialIds(manager, id);
      return this.notifications.create(
        manager,
        officials.map((userId) => ({
          userId,
          kind: 'partnership.concluded' as const,
          payload: { actor: actorRef(actor), partnership: { id, title: access.title } },
        })),
        actor.id,
      );
    });
    await this.notifications.publish(created);
    return this.reader.detail(actor, id);
  }

  /** The invitation of the city into the partnership (404 for the proposing city, which has none). */
  private async invitation(manager: EntityManager, id: string, cityId: string) {
    const invitation = await this.partnerships.invitation(manager, id, cityId);
    if (!invitation || invitation.invitedByCityId === null) throw AppError.notFound('Invitation');
    return invitation;
  }

  /** Notifies the coordinators of the given cities (and `alsoUserId`, e.g. the proposer), once each. */
  private async notifyCoordinators(
    manager: EntityManager,
    actor: AuthUser,
    cityIds: string[],
    build: (userId: string) => NewNotification,
    alsoUserId?: string | null,
  ) {
    const userIds = new Set(await this.memberships.coordinatorIds(cityIds, manager));
    if (alsoUserId) userIds.add(alsoUserId);
    return this.notifications.create(manager, [...userIds].map(build), actor.id);
  }
}
