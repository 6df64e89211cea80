import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  PAGE_SIZE_DEFAULT,
  type CityRole,
  type CreateMilestoneRequest,
  type MilestoneDto,
  type MilestoneStatus,
  type Page,
  type PartnershipActivityDto,
  type PartnershipCityStatus,
  type PartnershipDetailDto,
  type PartnershipEventAction,
  type PartnershipEventDto,
  type PartnershipRole,
  type PartnershipStatus,
  type PartnershipSummaryDto,
  type ProposePartnershipRequest,
  type UpdateMilestoneRequest,
  type UpdatePartnershipRequest,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService, type PartnershipAccess } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { CITY_SUMMARY_COLUMNS, toCitySummary, type CityRow } from '../cities';
import { AppError } from '../common/app-error';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { affectedRows } from '../common/sql';
import { NotificationsService, type NewNotification } from '../notifications';
import { RateLimitService, type LimitSpec } from '../rate-limit/rate-limit.service';

type CityRef = { id: string; slug: string; name: string };

const iso = (d: Date | string | null): string | null => (d ? new Date(d).toISOString() : null);
const user = (id: string | null, name: string | null) => (id ? { id, displayName: name ?? '' } : null);

export interface MilestoneRow {
  id: string;
  title: string;
  owner_id: string | null;
  owner_name: string | null;
  due_date: string | null;
  status: MilestoneStatus;
  created_at: Date;
  updated_at: Date;
}

export const MILESTONE_SELECT = `
  SELECT ms.id, ms.title, ms.owner_id, o.display_name AS owner_name, to_char(ms.due_date, 'YYYY-MM-DD') AS due_date,
         ms.status, ms.created_at, ms.updated_at
    FROM partnership_milestones ms LEFT JOIN users o ON o.id = ms.owner_id`;

export function toMilestone(row: MilestoneRow): MilestoneDto {
  return {
    id: row.id,
    title: row.title,
    owner: user(row.owner_id, row.owner_name),
    dueDate: row.due_date,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

interface EventRow {
  id: string;
  action: PartnershipEventAction;
  actor_id: string | null;
  actor_name: string | null;
  city_id: string | null;
  city_slug: string | null;
  city_name: string | null;
  note: string;
  created_at: Date;
}

const EVENT_SELECT = `
  SELECT e.id, e.action, e.actor_id, a.display_name AS actor_name, e.city_id, c.slug AS city_slug, c.name AS city_name,
         e.note, e.created_at
    FROM partnership_events e
    LEFT JOIN users a ON a.id = e.actor_id
    LEFT JOIN cities c ON c.id = e.city_id`;

function toEvent(row: EventRow): PartnershipEventDto {
  return {
    id: row.id,
    action: row.action,
    actor: user(row.actor_id, row.actor_name),
    city: row.city_id ? { id: row.city_id, slug: row.city_slug ?? '', name: row.city_name ?? '' } : null,
    note: row.note,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Proposals and invitations a user may send: each one notifies another city's coordinators. */
export const INVITATION_RATE_LIMIT: LimitSpec = { name: 'partnership-invitation', points: 10, durationSeconds: 3600 };

/**
 * Partnerships between cities: proposals, invitations into a network, answers, conclusion and the
 * action plan. Every change runs in one transaction that locks the partnership row, records the
 * transition in partnership_events and creates the notifications, which are published after commit.
 */
@Injectable()
export class PartnershipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly notifications: NotificationsService,
    private readonly rateLimits: RateLimitService,
  ) {}

  /** Partnerships the viewer's cities are part of (all of them for admins), latest activity first. One query. */
  async list(
    actor: AuthUser,
    query: { status?: PartnershipStatus; cursor?: string; limit?: number },
  ): Promise<Page<PartnershipSummaryDto>> {
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const params: unknown[] = [actor.id];
    const where: string[] = [];
    if (actor.role !== 'admin') {
      where.push(`p.id IN (SELECT pc.partnership_id FROM partnership_cities pc
                             JOIN city_memberships m ON m.city_id = pc.city_id
                            WHERE m.user_id = $1 AND m.status = 'approved')`);
    }
    if (query.status) {
      params.push(query.status);
      where.push(`p.status = $${params.length}`);
    }
    const after = decodeCursor<[string, string]>(query.cursor, 2);
    if (after) {
      params.push(after[0], after[1]);
      where.push(`(p.updated_at, p.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows: {
      id: string;
      title: string;
      status: PartnershipStatus;
      themes: PartnershipSummaryDto['themes'];
      created_at: Date;
      updated_at: Date;
      updated_key: string;
      cities: { id: string; slug: string; name: string; status: PartnershipCityStatus; my_role: CityRole | null }[];
    }[] = await this.dataSource.query(
      `SELECT p.id, p.title, p.status, p.themes, p.created_at, p.updated_at, p.updated_at::text AS updated_key,
              (SELECT json_agg(json_build_object('id', c.id, 'slug', c.slug, 'name', c.name, 'status', pc.status,
                                                 'my_role', m.role) ORDER BY (pc.invited_by_city_id IS NOT NULL), pc.invited_at, c.name)
                 FROM partnership_cities pc JOIN cities c ON c.id = pc.city_id
                 LEFT JOIN city_memberships m ON m.city_id = c.id AND m.user_id = $1 AND m.status = 'approved'
                WHERE pc.partnership_id = p.id) AS cities
         FROM partnerships p
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY p.updated_at DESC, p.id DESC
        LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit).map((row): PartnershipSummaryDto => {
      const mine = row.cities.filter((c) => c.my_role !== null);
      const members = mine.filter((c) => c.status === 'member');
      const viewerRole: PartnershipRole | null = members.some((c) => c.my_role === 'coordinator')
        ? 'coordinator'
        : members.length > 0
          ? 'member'
          : null;
      return {
        id: row.id,
        title: row.title,
        status: row.status,
        themes: row.themes,
        cities: row.cities.map((c) => ({ id: c.id, slug: c.slug, name: c.name, status: c.status })),
        createdAt: new Date(row.created_at).toISOString(),
        updatedAt: new Date(row.updated_at).toISOString(),
        viewerRole,
        awaitingMyDecision: mine.some((c) => c.status === 'invited' && c.my_role === 'coordinator'),
      };
    });
    const last = rows[limit - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor([last.updated_key, last.id]) : null,
    };
  }

  /** Proposes a partnership from one of the viewer's cities to another city. */
  async propose(actor: AuthUser, dto: ProposePartnershipRequest): Promise<PartnershipDetailDto> {
    if (dto.fromCityId === dto.toCityId) {
      throw AppError.validation({ toCityId: ['choose another city than your own'] });
    }
    await this.rateLimits.consume(INVITATION_RATE_LIMIT, actor.id);
    const { id, created } = await this.dataSource.transaction(async (manager) => {
      const cities: CityRow[] = await manager.query(
        `SELECT ${CITY_SUMMARY_COLUMNS} FROM cities c WHERE c.id = ANY($1::uuid[])`,
        [[dto.fromCityId, dto.toCityId]],
      );
      const from = cities.find((c) => c.id === dto.fromCityId);
      const to = cities.find((c) => c.id === dto.toCityId);
      if (!from) throw AppError.validation({ fromCityId: ['no such city'] });
      if (!to) throw AppError.validation({ toCityId: ['no such city'] });
      const membership: { role: CityRole }[] = await manager.query(
        `SELECT role FROM city_memberships WHERE city_id = $1 AND user_id = $2 AND status = 'approved'`,
        [from.id, actor.id],
      );
      if (membership.length === 0) {
        throw AppError.forbidden(`Only officials of ${from.name} can propose a partnership on its behalf.`);
      }
      // One open partnership per pair of cities: serialise proposals between the same two cities.
      const pair = [from.id, to.id].sort().join(':');
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`partnership:${pair}`]);
      const existing: { id: string; status: PartnershipStatus }[] = await manager.query(
        `SELECT p.id, p.status FROM partnerships p
          WHERE p.status IN ('proposed', 'active')
            AND EXISTS (SELECT 1 FROM partnership_cities a WHERE a.partnership_id = p.id AND a.city_id = $1
                          AND a.status IN ('member', 'invited'))
            AND EXISTS (SELECT 1 FROM partnership_cities b WHERE b.partnership_id = p.id AND b.city_id = $2
                          AND b.status IN ('member', 'invited'))
          LIMIT 1`,
        [from.id, to.id],
      );
      if (existing[0]) {
        throw new AppError(
          ErrorCode.CONFLICT,
          existing[0].status === 'active'
            ? `${from.name} and ${to.name} are already partners.`
            : `A proposal between ${from.name} and ${to.name} is already waiting for an answer.`,
        );
      }
      const title = dto.title?.trim() || `${from.name} – ${to.name}`;
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO partnerships (title, status, themes, goals, created_by)
         VALUES ($1, 'proposed', $2, $3, $4) RETURNING id`,
        [title, dto.themes, dto.goals, actor.id],
      );
      await manager.query(
        `INSERT INTO partnership_cities (partnership_id, city_id, status, invited_by, invited_by_city_id, message, decided_by, decided_at)
         VALUES ($1, $2, 'member', $4, NULL, '', $4, now()),
                ($1, $3, 'invited', $4, $2, $5, NULL, NULL)`,
        [row.id, from.id, to.id, actor.id, dto.message ?? ''],
      );
      await manager.query(`INSERT INTO forums (kind, partnership_id) VALUES ('partnership', $1)`, [row.id]);
      await this.record(manager, row.id, 'proposed', actor.id, from.id, dto.message ?? '');
      const created = await this.notifyCoordinators(manager, actor, [to.id], (userId) => ({
        userId,
        kind: 'partnership.invited',
        payload: { actor: this.ref(actor), partnership: { id: row.id, title }, fromCity: ref(from), toCity: ref(to) },
      }));
      return { id: row.id, created };
    });
    await this.notifications.publish(created);
    return this.detail(actor, id);
  }

  /** The partnership page. Private parts (members, milestones, forum) only for members and admins. */
  async detail(actor: AuthUser, id: string): Promise<PartnershipDetailDto> {
    const access = await this.access.requirePartnership(actor, id);
    const [p]: {
      id: string;
      title: string;
      status: PartnershipStatus;
      themes: PartnershipDetailDto['themes'];
      goals: string;
      created_at: Date;
      updated_at: Date;
      concluded_at: Date | null;
      forum_id: string | null;
    }[] = await this.dataSource.query(
      `SELECT p.*, f.id AS forum_id FROM partnerships p LEFT JOIN forums f ON f.partnership_id = p.id WHERE p.id = $1`,
      [id],
    );
    const cityRows: (CityRow & {
      status: PartnershipCityStatus;
      invited_by: string | null;
      inviter_name: string | null;
      invited_by_city_id: string | null;
      invited_at: Date;
      decided_at: Date | null;
      decided_by: string | null;
      decider_name: string | null;
      message: string;
    })[] = await this.dataSource.query(
      `SELECT ${CITY_SUMMARY_COLUMNS},
              pc.status, pc.invited_by, i.display_name AS inviter_name, pc.invited_by_city_id, pc.invited_at,
              pc.decided_at, pc.decided_by, d.display_name AS decider_name, pc.message
         FROM partnership_cities pc
         JOIN cities c ON c.id = pc.city_id
         LEFT JOIN users i ON i.id = pc.invited_by
         LEFT JOIN users d ON d.id = pc.decided_by
        WHERE pc.partnership_id = $1
        ORDER BY (pc.invited_by_city_id IS NOT NULL), pc.invited_at, c.name`,
      [id],
    );
    const members: {
      user_id: string;
      display_name: string;
      handle: string;
      city_id: string;
      city_slug: string;
      city_name: string;
      role: CityRole;
    }[] = access.canSeePrivate
      ? await this.dataSource.query(
          `SELECT u.id AS user_id, u.display_name, u.handle, c.id AS city_id, c.slug AS city_slug, c.name AS city_name, m.role
             FROM partnership_cities pc
             JOIN cities c ON c.id = pc.city_id
             JOIN city_memberships m ON m.city_id = pc.city_id AND m.status = 'approved'
             JOIN users u ON u.id = m.user_id
            WHERE pc.partnership_id = $1 AND pc.status = 'member'
            ORDER BY c.name, (m.role = 'coordinator') DESC, u.display_name, u.id`,
          [id],
        )
      : [];
    const milestones: MilestoneRow[] = access.canSeePrivate
      ? await this.dataSource.query(
          `${MILESTONE_SELECT} WHERE ms.partnership_id = $1 ORDER BY ms.due_date NULLS LAST, ms.created_at, ms.id`,
          [id],
        )
      : [];
    const history: EventRow[] = await this.dataSource.query(
      `${EVENT_SELECT} WHERE e.partnership_id = $1 ORDER BY e.created_at, e.id LIMIT 200`,
      [id],
    );
    const coordinates = access.coordinatedMemberCityIds;
    const open = p.status === 'proposed' || p.status === 'active';
    return {
      id: p.id,
      title: p.title,
      status: p.status,
      themes: p.themes,
      goals: p.goals,
      cities: cityRows.map((c) => ({
        city: toCitySummary(c),
        status: c.status,
        invitedBy: c.invited_by_city_id ? user(c.invited_by, c.inviter_name) : null,
        invitedAt: new Date(c.invited_at).toISOString(),
        decidedAt: c.invited_by_city_id ? iso(c.decided_at) : null,
        decidedBy: c.invited_by_city_id ? user(c.decided_by, c.decider_name) : null,
        message: c.message,
      })),
      members: members.map((m) => ({
        user: { id: m.user_id, displayName: m.display_name, handle: m.handle },
        city: { id: m.city_id, slug: m.city_slug, name: m.city_name },
        cityRole: m.role,
        role: m.role === 'coordinator' ? 'coordinator' : 'member',
      })),
      milestones: milestones.map(toMilestone),
      history: history.map(toEvent),
      forumId: access.canSeePrivate ? p.forum_id : null,
      createdAt: new Date(p.created_at).toISOString(),
      updatedAt: new Date(p.updated_at).toISOString(),
      concludedAt: iso(p.concluded_at),
      viewer: {
        role: access.role,
        coordinatesCityIds: coordinates,
        canDecideForCityIds: access.coordinatedInvitedCityIds,
        canWithdrawCityIds: cityRows
          .filter((c) => c.status === 'invited' && this.mayWithdraw(actor, access, c))
          .map((c) => c.id),
        canEdit: access.role === 'coordinator' && open,
        canConclude: access.role === 'coordinator' && p.status === 'active',
        canInvite: access.role === 'coordinator' && p.status === 'active',
        canSeeForum: access.canSeePrivate && p.forum_id !== null,
      },
    };
  }

  async update(actor: AuthUser, id: string, dto: UpdatePartnershipRequest): Promise<PartnershipDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const { access } = await this.lockForChange(manager, actor, id, 'Only coordinators can edit the partnership.');
      if (access.status !== 'proposed' && access.status !== 'active') {
        throw new AppError(ErrorCode.INVALID_STATE, `This partnership is ${access.status}; it can no longer change.`);
      }
      const sets: string[] = [];
      const params: unknown[] = [id];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (dto.title !== undefined) set('title', dto.title);
      if (dto.themes !== undefined) set('themes', dto.themes);
      if (dto.goals !== undefined) set('goals', dto.goals);
      if (sets.length === 0) return;
      await manager.query(`UPDATE partnerships SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
      await this.record(manager, id, 'updated', actor.id, null, Object.keys(dto).join(', '));
    });
    return this.detail(actor, id);
  }

  /** A member city's coordinator invites a further city into an active partnership (a network). */
  async invite(
    actor: AuthUser,
    id: string,
    cityId: string,
    message: string | undefined,
  ): Promise<PartnershipDetailDto> {
    const created = await this.dataSource.transaction(async (manager) => {
      const { access } = await this.lockForChange(manager, actor, id, 'Only coordinators can invite another city.');
      if (access.status !== 'active') {
        throw new AppError(ErrorCode.INVALID_STATE, 'Cities can be invited once the partnership is active.');
      }
      const [city]: CityRow[] = await manager.query(`SELECT ${CITY_SUMMARY_COLUMNS} FROM cities c WHERE c.id = $1`, [
        cityId,
      ]);
      if (!city) throw AppError.validation({ cityId: ['no such city'] });
      const current: { status: PartnershipCityStatus }[] = await manager.query(
        `SELECT status FROM partnership_cities WHERE partnership_id = $1 AND city_id = $2`,
        [id, cityId],
      );
      if (current[0]?.status === 'member') throw AppError.validation({ cityId: ['is already a member'] });
      if (current[0]?.status === 'invited') throw AppError.validation({ cityId: ['is already invited'] });
      const fromCityId = access.coordinatedMemberCityIds[0];
      await manager.query(
        `INSERT INTO partnership_cities (partnership_id, city_id, status, invited_by, invited_by_city_id, message)
         VALUES ($1, $2, 'invited', $3, $4, $5)
         ON CONFLICT (partnership_id, city_id) DO UPDATE
           SET status = 'invited', invited_by = EXCLUDED.invited_by, invited_by_city_id = EXCLUDED.invited_by_city_id,
               message = EXCLUDED.message, invited_at = now(), decided_by = NULL, decided_at = NULL`,
        [id, cityId, actor.id, fromCityId, message ?? ''],
      );
      await manager.query(`UPDATE partnerships SET updated_at = now() WHERE id = $1`, [id]);
      await this.record(manager, id, 'invited', actor.id, cityId, message ?? '');
      const [from]: CityRow[] = await manager.query(`SELECT id, slug, name FROM cities WHERE id = $1`, [fromCityId]);
      return this.notifyCoordinators(manager, actor, [cityId], (userId) => ({
        userId,
        kind: 'partnership.invited',
        payload: {
          actor: this.ref(actor),
          partnership: { id, title: access.title },
          fromCity: ref(from),
          toCity: ref(city),
        },
      }));
    });
    await this.notifications.publish(created);
    return this.detail(actor, id);
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
      const access = await this.lock(manager, actor, id);
      const invitation = await this.invitation(manager, id, cityId);
      const role: { role: CityRole }[] = await manager.query(
        `SELECT role FROM city_memberships WHERE city_id = $1 AND user_id = $2 AND status = 'approved'`,
        [cityId, actor.id],
      );
      if (role[0]?.role !== 'coordinator') {
        throw AppError.forbidden('Only coordinators of the invited city can answer.');
      }
      if (invitation.status !== 'invited') {
        throw new AppError(ErrorCode.INVALID_STATE, `This invitation was already ${invitation.status}.`);
      }
      if (access.status !== 'proposed' && access.status !== 'active') {
        throw new AppError(ErrorCode.INVALID_STATE, `This partnership is ${access.status}.`);
      }
      const accepted = decision === 'accept';
      await manager.query(
        `UPDATE partnership_cities SET status = $3, decided_by = $4, decided_at = now()
          WHERE partnership_id = $1 AND city_id = $2`,
        [id, cityId, accepted ? 'member' : 'declined', actor.id],
      );
      await this.record(manager, id, accepted ? 'accepted' : 'declined', actor.id, cityId, note ?? '');
      if (access.status === 'proposed') {
        const next: PartnershipStatus = accepted ? 'active' : 'declined';
        await manager.query(`UPDATE partnerships SET status = $2, updated_at = now() WHERE id = $1`, [id, next]);
        if (accepted) await this.record(manager, id, 'activated', actor.id, null, '');
      } else {
        await manager.query(`UPDATE partnerships SET updated_at = now() WHERE id = $1`, [id]);
      }
      const city = ref(invitation.city);
      const memberCities = await this.memberCityIds(manager, id, cityId);
      return this.notifyCoordinators(
        manager,
        actor,
        memberCities,
        (userId) => ({
          userId,
          kind: accepted ? 'partnership.accepted' : 'partnership.declined',
          payload: { actor: this.ref(actor), partnership: { id, title: access.title }, city },
        }),
        invitation.invitedBy,
      );
    });
    await this.notifications.publish(created);
    return this.detail(actor, id);
  }

  /** The proposer, or a coordinator of the inviting city, withdraws a pending invitation. */
  async withdraw(actor: AuthUser, id: string, cityId: string, note: string | undefined): Promise<PartnershipDetailDto> {
    const created = await this.dataSource.transaction(async (manager) => {
      const access = await this.lock(manager, actor, id);
      const invitation = await this.invitation(manager, id, cityId);
      if (
        !this.mayWithdraw(actor, access, {
          invited_by: invitation.invitedBy,
          invited_by_city_id: invitation.invitedByCityId,
        })
      ) {
        throw AppError.forbidden('Only whoever sent the invitation, or their city’s coordinators, can withdraw it.');
      }
      if (invitation.status !== 'invited') {
        throw new AppError(ErrorCode.INVALID_STATE, `This invitation was already ${invitation.status}.`);
      }
      await manager.query(
        `UPDATE partnership_cities SET status = 'withdrawn', decided_by = $3, decided_at = now()
          WHERE partnership_id = $1 AND city_id = $2`,
        [id, cityId, actor.id],
      );
      await this.record(manager, id, 'withdrawn', actor.id, cityId, note ?? '');
      await manager.query(
        `UPDATE partnerships SET status = CASE WHEN status = 'proposed' THEN 'withdrawn' ELSE status END,
                updated_at = now() WHERE id = $1`,
        [id],
      );
      return this.notifyCoordinators(manager, actor, [cityId], (userId) => ({
        userId,
        kind: 'partnership.withdrawn',
        payload: { actor: this.ref(actor), partnership: { id, title: access.title }, city: ref(invitation.city) },
      }));
    });
    await this.notifications.publish(created);
    return this.detail(actor, id);
  }

  async conclude(actor: AuthUser, id: string, note: string | undefined): Promise<PartnershipDetailDto> {
    const created = await this.dataSource.transaction(async (manager) => {
      const { access } = await this.lockForChange(manager, actor, id, 'Only coordinators can conclude a partnership.');
      if (access.status !== 'active') {
        throw new AppError(
          ErrorCode.INVALID_STATE,
          `Only an active partnership can be concluded; this one is ${access.status}.`,
        );
      }
      await manager.query(
        `UPDATE partnerships SET status = 'concluded', concluded_at = now(), updated_at = now() WHERE id = $1`,
        [id],
      );
      // Pending invitations lapse with the partnership.
      await manager.query(
        `UPDATE partnership_cities SET status = 'withdrawn', decided_by = $2, decided_at = now()
          WHERE partnership_id = $1 AND status = 'invited'`,
        [id, actor.id],
      );
      await this.record(manager, id, 'concluded', actor.id, null, note ?? '');
      const officials: { user_id: string }[] = await manager.query(
        `SELECT DISTINCT m.user_id FROM partnership_cities pc
           JOIN city_memberships m ON m.city_id = pc.city_id AND m.status = 'approved'
          WHERE pc.partnership_id = $1 AND pc.status = 'member'`,
        [id],
      );
      return this.notifications.create(
        manager,
        officials.map((o) => ({
          userId: o.user_id,
          kind: 'partnership.concluded' as const,
          payload: { actor: this.ref(actor), partnership: { id, title: access.title } },
        })),
        actor.id,
      );
    });
    await this.notifications.publish(created);
    return this.detail(actor, id);
  }

  /** Transitions, threads and milestones, newest first; keyset on (at, id). Members and admins. */
  async activity(
    actor: AuthUser,
    id: string,
    query: { cursor?: string; limit?: number },
  ): Promise<Page<PartnershipActivityDto>> {
    await this.access.requirePartnership(actor, id, { private: true });
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const after = decodeCursor<[string, string]>(query.cursor, 2);
    const rows: {
      kind: 'event' | 'thread' | 'milestone';
      id: string;
      at: Date;
      at_key: string;
      data: Record<string, unknown>;
    }[] = await this.dataSource.query(
      `SELECT *, at::text AS at_key FROM (
         SELECT 'event' AS kind, e.id, e.created_at AS at,
                json_build_object('action', e.action, 'actor_id', e.actor_id, 'actor_name', a.display_name,
                                  'city_id', e.city_id, 'city_slug', c.slug, 'city_name', c.name, 'note', e.note) AS data
           FROM partnership_events e
           LEFT JOIN users a ON a.id = e.actor_id LEFT JOIN cities c ON c.id = e.city_id
          WHERE e.partnership_id = $1
         UNION ALL
         SELECT 'thread', t.id, t.created_at,
                json_build_object('title', t.title, 'author_id', u.id, 'author_name', u.display_name,
                                  'post_count', t.post_count)
           FROM threads t JOIN forums f ON f.id = t.forum_id JOIN users u ON u.id = t.author_id
          WHERE f.partnership_id = $1
         UNION ALL
         SELECT 'milestone', ms.id, ms.created_at,
                json_build_object('title', ms.title, 'owner_id', ms.owner_id, 'owner_name', o.display_name,
                                  'due_date', to_char(ms.due_date, 'YYYY-MM-DD'), 'status', ms.status,
                                  'updated_at', ms.updated_at)
           FROM partnership_milestones ms LEFT JOIN users o ON o.id = ms.owner_id
          WHERE ms.partnership_id = $1
       ) feed
       ${after ? `WHERE (at, id) < ($2::timestamptz, $3::uuid)` : ''}
       ORDER BY at DESC, id DESC
       LIMIT ${after ? '$4' : '$2'}`,
      after ? [id, after[0], after[1], limit + 1] : [id, limit + 1],
    );
    const items = rows.slice(0, limit).map((row): PartnershipActivityDto => {
      const at = new Date(row.at).toISOString();
      const d = row.data as Record<string, string | number | null>;
      if (row.kind === 'thread') {
        return {
          kind: 'thread',
          at,
          thread: {
            id: row.id,
            title: String(d.title),
            author: { id: String(d.author_id), displayName: String(d.author_name) },
            postCount: Number(d.post_count),
          },
        };
      }
      if (row.kind === 'milestone') {
        return {
          kind: 'milestone',
          at,
          milestone: {
            id: row.id,
            title: String(d.title),
            owner: user(d.owner_id as string | null, d.owner_name as string | null),
            dueDate: (d.due_date as string | null) ?? null,
            status: d.status as MilestoneStatus,
            createdAt: at,
            updatedAt: new Date(String(d.updated_at)).toISOString(),
          },
        };
      }
      return {
        kind: 'event',
        at,
        event: toEvent({
          id: row.id,
          action: d.action as PartnershipEventAction,
          actor_id: d.actor_id as string | null,
          actor_name: d.actor_name as string | null,
          city_id: d.city_id as string | null,
          city_slug: d.city_slug as string | null,
          city_name: d.city_name as string | null,
          note: String(d.note ?? ''),
          created_at: row.at,
        }),
      };
    });
    const last = rows[limit - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor([last.at_key, last.id]) : null,
    };
  }

  async createMilestone(actor: AuthUser, id: string, dto: CreateMilestoneRequest): Promise<MilestoneDto> {
    const milestoneId = await this.dataSource.transaction(async (manager) => {
      await this.lockForChange(manager, actor, id, 'Only coordinators can change the action plan.', true);
      if (dto.ownerId) await this.requireMemberOwner(manager, id, dto.ownerId);
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO partnership_milestones (partnership_id, title, owner_id, due_date, status, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [id, dto.title, dto.ownerId ?? null, dto.dueDate ?? null, dto.status ?? 'planned', actor.id],
      );
      await manager.query(`UPDATE partnerships SET updated_at = now() WHERE id = $1`, [id]);
      return row.id;
    });
    return this.milestone(milestoneId);
  }

  async updateMilestone(
    actor: AuthUser,
    id: string,
    milestoneId: string,
    dto: UpdateMilestoneRequest,
  ): Promise<MilestoneDto> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockForChange(manager, actor, id, 'Only coordinators can change the action plan.', true);
      if (dto.ownerId) await this.requireMemberOwner(manager, id, dto.ownerId);
      const sets: string[] = [];
      const params: unknown[] = [id, milestoneId];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (dto.title !== undefined) set('title', dto.title);
      if (dto.ownerId !== undefined) set('owner_id', dto.ownerId);
      if (dto.dueDate !== undefined) set('due_date', dto.dueDate);
      if (dto.status !== undefined) set('status', dto.status);
      const updated = await manager.query(
        `UPDATE partnership_milestones SET ${[...sets, 'updated_at = now()'].join(', ')}
          WHERE partnership_id = $1 AND id = $2 RETURNING id`,
        params,
      );
      if (affectedRows(updated) === 0) throw AppError.notFound('Milestone');
    });
    return this.milestone(milestoneId);
  }

  async deleteMilestone(actor: AuthUser, id: string, milestoneId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockForChange(manager, actor, id, 'Only coordinators can change the action plan.', true);
      const deleted = await manager.query(
        `DELETE FROM partnership_milestones WHERE partnership_id = $1 AND id = $2 RETURNING id`,
        [id, milestoneId],
      );
      if (affectedRows(deleted) === 0) throw AppError.notFound('Milestone');
    });
  }

  // --- helpers -----------------------------------------------------------------------------------

  private ref(actor: AuthUser) {
    return { id: actor.id, displayName: actor.displayName };
  }

  private async milestone(milestoneId: string): Promise<MilestoneDto> {
    const [row]: MilestoneRow[] = await this.dataSource.query(`${MILESTONE_SELECT} WHERE ms.id = $1`, [milestoneId]);
    if (!row) throw AppError.notFound('Milestone');
    return toMilestone(row);
  }

  private async requireMemberOwner(manager: EntityManager, id: string, ownerId: string): Promise<void> {
    const rows = await manager.query(
      `SELECT 1 FROM partnership_cities pc
         JOIN city_memberships m ON m.city_id = pc.city_id AND m.status = 'approved'
        WHERE pc.partnership_id = $1 AND pc.status = 'member' AND m.user_id = $2 LIMIT 1`,
      [id, ownerId],
    );
    if (rows.length === 0) throw AppError.validation({ ownerId: ['must be a member of the partnership'] });
  }

  /** Locks the partnership row and returns the actor's access to it; 404 when they cannot see it. */
  private async lock(manager: EntityManager, actor: AuthUser, id: string): Promise<PartnershipAccess> {
    const locked = await manager.query(`SELECT id FROM partnerships WHERE id = $1 FOR UPDATE`, [id]);
    if (locked.length === 0) throw AppError.notFound('Partnership');
    return this.access.requirePartnership(actor, id, { manager });
  }

  /** lock + the actor must coordinate a member city (403 otherwise; 404 for outsiders). */
  private async lockForChange(
    manager: EntityManager,
    actor: AuthUser,
    id: string,
    message: string,
    privateOnly = false,
  ): Promise<{ access: PartnershipAccess }> {
    const access = await this.lock(manager, actor, id);
    if (privateOnly && !access.canSeePrivate) throw AppError.notFound('Partnership');
    if (access.role !== 'coordinator') throw AppError.forbidden(message);
    if (privateOnly && access.status !== 'proposed' && access.status !== 'active') {
      throw new AppError(ErrorCode.INVALID_STATE, `This partnership is ${access.status}; its plan is closed.`);
    }
    return { access };
  }

  private async invitation(manager: EntityManager, id: string, cityId: string) {
    const [row]: (CityRow & {
      status: PartnershipCityStatus;
      invited_by: string | null;
      invited_by_city_id: string | null;
    })[] = await manager.query(
      `SELECT c.id, c.slug, c.name, pc.status, pc.invited_by, pc.invited_by_city_id
         FROM partnership_cities pc JOIN cities c ON c.id = pc.city_id
        WHERE pc.partnership_id = $1 AND pc.city_id = $2`,
      [id, cityId],
    );
    if (!row || row.invited_by_city_id === null) throw AppError.notFound('Invitation');
    return {
      city: row as CityRef,
      status: row.status,
      invitedBy: row.invited_by,
      invitedByCityId: row.invited_by_city_id,
    };
  }

  private mayWithdraw(
    actor: AuthUser,
    access: PartnershipAccess,
    invitation: { invited_by: string | null; invited_by_city_id: string | null },
  ): boolean {
    if (invitation.invited_by_city_id === null) return false;
    if (invitation.invited_by === actor.id && access.memberCityIds.includes(invitation.invited_by_city_id)) return true;
    return access.coordinatedMemberCityIds.includes(invitation.invited_by_city_id);
  }

  private async memberCityIds(manager: EntityManager, id: string, exceptCityId: string): Promise<string[]> {
    const rows: { city_id: string }[] = await manager.query(
      `SELECT city_id FROM partnership_cities WHERE partnership_id = $1 AND status = 'member' AND city_id <> $2`,
      [id, exceptCityId],
    );
    return rows.map((r) => r.city_id);
  }

  /** Notifies the coordinators of the given cities (and `alsoUserId`, e.g. the proposer), once each. */
  private async notifyCoordinators(
    manager: EntityManager,
    actor: AuthUser,
    cityIds: string[],
    build: (userId: string) => NewNotification,
    alsoUserId?: string | null,
  ) {
    const rows: { user_id: string }[] = await manager.query(
      `SELECT DISTINCT user_id FROM city_memberships
        WHERE city_id = ANY($1::uuid[]) AND status = 'approved' AND role = 'coordinator'`,
      [cityIds],
    );
    const userIds = new Set(rows.map((r) => r.user_id));
    if (alsoUserId) userIds.add(alsoUserId);
    return this.notifications.create(manager, [...userIds].map(build), actor.id);
  }

  private async record(
    manager: EntityManager,
    id: string,
    action: PartnershipEventAction,
    actorId: string,
    cityId: string | null,
    note: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO partnership_events (partnership_id, action, actor_id, city_id, note) VALUES ($1, $2, $3, $4, $5)`,
      [id, action, actorId, cityId, note],
    );
  }
}

function ref(city: { id: string; slug: string; name: string }): CityRef {
  return { id: city.id, slug: city.slug, name: city.name };
}
