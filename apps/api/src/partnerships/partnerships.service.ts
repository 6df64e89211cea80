import { Injectable } from '@nestjs/common';
import {
  PAGE_SIZE_DEFAULT,
  type Page,
  type PartnershipDetailDto,
  type PartnershipRole,
  type PartnershipStatus,
  type PartnershipSummaryDto,
} from '@twinning/contracts';
import { AccessService } from '../access/access.service';
import { CitiesRepository } from '../cities';
import { hasRole, type AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { decodeCursor, keysetPage } from '../common/cursor';
import { isoOrNull } from '../common/sql';
import { ActivityRepository } from './activity.repository';
import { MilestonesRepository } from './milestones.repository';
import { PartnershipPolicy } from './partnership-policy.service';
import { userRef } from './partnership-rows';
import { PartnershipsRepository, type PartnershipListRow } from './partnerships.repository';

/** The viewer's place in a listed partnership, from their role in each of its cities. */
function toSummary(row: PartnershipListRow): PartnershipSummaryDto {
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
}

/** Reading partnerships: the list and the partnership page (what every change answers with). */
@Injectable()
export class PartnershipsService {
  constructor(
    private readonly access: AccessService,
    private readonly policy: PartnershipPolicy,
    private readonly partnerships: PartnershipsRepository,
    private readonly cities: CitiesRepository,
    private readonly milestones: MilestonesRepository,
    private readonly activity: ActivityRepository,
  ) {}

  /** Partnerships the viewer's cities are part of (all of them for admins), latest activity first. One query. */
  async list(
    actor: AuthUser,
    query: { status?: PartnershipStatus; cursor?: string; limit?: number },
  ): Promise<Page<PartnershipSummaryDto>> {
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const rows = await this.partnerships.list({
      viewerId: actor.id,
      onlyViewers: !hasRole(actor, 'admin'),
      status: query.status,
      after: decodeCursor<[string, string]>(query.cursor, 2),
      take: limit + 1,
    });
    return keysetPage(rows, limit, toSummary, (row) => [row.updated_key, row.id]);
  }

  /** The partnership page. Private parts (members, milestones, forum) only for members and admins. */
  async detail(actor: AuthUser, id: string): Promise<PartnershipDetailDto> {
    const access = await this.access.requirePartnership(actor, id);
    const p = await this.partnerships.findById(id);
    if (!p) throw AppError.notFound('Partnership');
    const cities = await this.cities.inPartnership(id);
    const members = access.canSeePrivate ? await this.partnerships.members(id) : [];
    const milestones = access.canSeePrivate ? await this.milestones.ofPartnership(id) : [];
    const history = await this.activity.history(id);
    const open = p.status === 'proposed' || p.status === 'active';
    return {
      id: p.id,
      title: p.title,
      status: p.status,
      themes: p.themes,
      goals: p.goals,
      cities: cities.map((c) => ({
        city: c.city,
        status: c.status,
        invitedBy: c.invitedByCityId ? userRef(c.invitedBy, c.inviterName) : null,
        invitedAt: new Date(c.invitedAt).toISOString(),
        decidedAt: c.invitedByCityId ? isoOrNull(c.decidedAt) : null,
        decidedBy: c.invitedByCityId ? userRef(c.decidedBy, c.deciderName) : null,
        message: c.message,
      })),
      members,
      milestones,
      history,
      forumId: access.canSeePrivate ? p.forum_id : null,
      createdAt: new Date(p.created_at).toISOString(),
      updatedAt: new Date(p.updated_at).toISOString(),
      concludedAt: isoOrNull(p.concluded_at),
      viewer: {
        role: access.role,
        coordinatesCityIds: access.coordinatedMemberCityIds,
        canDecideForCityIds: access.coordinatedInvitedCityIds,
        canWithdrawCityIds: cities
          .filter((c) => c.status === 'invited' && this.policy.mayWithdraw(actor, access, c))
          .map((c) => c.city.id),
        canEdit: access.role === 'coordinator' && open,
        canConclude: access.role === 'coordinator' && p.status === 'active',
        canInvite: access.role === 'coordinator' && p.status === 'active',
        canSeeForum: access.canSeePrivate && p.forum_id !== null,
      },
    };
  }
}
