import { Injectable } from '@nestjs/common';
import {
  PUBLIC_FORUM_KINDS,
  type ForumKind,
  type PartnershipRole,
  type PartnershipStatus,
  type Theme,
  type WorkshopScope,
  type WorkshopStatus,
} from '@twinning/contracts';
import type { EntityManager } from 'typeorm';
import { hasRole, type AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { AccessRepository } from './access.repository';

/** What one user may do with one partnership, from their approved city memberships. */
export interface PartnershipAccess {
  partnershipId: string;
  title: string;
  status: PartnershipStatus;
  /** coordinator: coordinates a member city; member: official of a member city; null otherwise. */
  role: PartnershipRole | null;
  memberCityIds: string[];
  coordinatedMemberCityIds: string[];
  /** The viewer's cities that are invited (waiting for an answer). */
  invitedCityIds: string[];
  coordinatedInvitedCityIds: string[];
  /** The viewer's cities with any status in the partnership (member, invited, declined, withdrawn). */
  involvedCityIds: string[];
  isAdmin: boolean;
  /** The partnership page (summary, cities, history): involved officials and admins. */
  canSee: boolean;
  /** Private content (members, milestones, forum, activity): members and admins. */
  canSeePrivate: boolean;
}

/** What one user may do in one forum. */
export interface ForumAccess {
  forumId: string;
  kind: ForumKind;
  theme: Theme | null;
  partnershipId: string | null;
  partnershipTitle: string | null;
  partnershipStatus: PartnershipStatus | null;
  courseId: string | null;
  courseTitle: string | null;
  canRead: boolean;
  /** Start threads and reply (before locks and silences): everyone in public forums; members of open partnerships. */
  canPost: boolean;
  /** Platform admins everywhere; coordinators of member cities in their partnership's forum. */
  canModerate: boolean;
}

/** What one user may do with one workshop. */
export interface WorkshopAccess {
  workshopId: string;
  title: string;
  status: WorkshopStatus;
  scope: WorkshopScope;
  partnershipId: string | null;
  /** Listed in the workshop's facilitators, or a platform admin: runs and moderates the room. */
  facilitator: boolean;
  /**
   * Public workshops: everyone signed in; partnership workshops: officials of its member cities; city
   * workshops: the city's officials; facilitators and admins always.
   */
  canSee: boolean;
  registered: boolean;
  /** A facilitator removed this user: they may not join or register again. */
  removed: boolean;
  mutedUntil: Date | null;
}

const OPEN_PARTNERSHIP_STATUSES: PartnershipStatus[] = ['proposed', 'active'];

/**
 * The one place that decides who may see and change partnerships and forums. Checks take a batch
 * of ids and cost one query; everything not granted is denied. Callers answer 404 when `canSee` /
 * `canRead` is false, so private things do not leak their existence.
 */
@Injectable()
export class AccessService {
  constructor(private readonly repository: AccessRepository) {}

  async partnerships(
    user: AuthUser,
    ids: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, PartnershipAccess>> {
    const result = new Map<string, PartnershipAccess>();
    if (ids.length === 0) return result;
    const rows = await this.repository.partnerships(user.id, ids, manager);
    const isAdmin = hasRole(user, 'admin');
    for (const row of rows) {
      const role: PartnershipRole | null =
        row.coordinated_member_city_ids.length > 0 ? 'coordinator' : row.member_city_ids.length > 0 ? 'member' : null;
      result.set(row.id, {
        partnershipId: row.id,
        title: row.title,
        status: row.status,
        role,
        memberCityIds: row.member_city_ids,
        coordinatedMemberCityIds: row.coordinated_member_city_ids,
        invitedCityIds: row.invited_city_ids,
        coordinatedInvitedCityIds: row.coordinated_invited_city_ids,
        involvedCityIds: row.involved_city_ids,
        isAdmin,
        canSee: isAdmin || row.involved_city_ids.length > 0,
        canSeePrivate: isAdmin || role !== null,
      });
    }
    return result;
  }

  /** The partnership as the user may see it, or 404 (also when it does not exist). */
  async requirePartnership(
    user: AuthUser,
    id: string,
    opts: { private?: boolean; manager?: EntityManager } = {},
  ): Promise<PartnershipAccess> {
    const access = (await this.partnerships(user, [id], opts.manager)).get(id);
    if (!access || !(opts.private ? access.canSeePrivate : access.canSee)) throw AppError.notFound('Partnership');
    return access;
  }

  async forums(user: AuthUser, ids: readonly string[], manager?: EntityManager): Promise<Map<string, ForumAccess>> {
    const result = new Map<string, ForumAccess>();
    if (ids.length === 0) return result;
    const rows = await this.repository.forums(user.id, ids, manager);
    const isAdmin = hasRole(user, 'admin');
    for (const row of rows) {
      // theme and course forums are public: everyone reads and posts, admins moderate
      const theme = PUBLIC_FORUM_KINDS.includes(row.kind);
      const open = row.partnership_status !== null && OPEN_PARTNERSHIP_STATUSES.includes(row.partnership_status);
      result.set(row.id, {
        forumId: row.id,
        kind: row.kind,
        theme: row.theme,
        partnershipId: row.partnership_id,
        partnershipTitle: row.partnership_title,
        partnershipStatus: row.partnership_status,
        courseId: row.course_id,
        courseTitle: row.course_title,
        canRead: theme || isAdmin || row.is_member,
        canPost: theme || (row.is_member && open),
        canModerate: isAdmin || (!theme && row.is_coordinator),
      });
    }
    return result;
  }

  /** The forum as the user may read it, or 404. */
  async requireForum(user: AuthUser, forumId: string, manager?: EntityManager): Promise<ForumAccess> {
    const access = (await this.forums(user, [forumId], manager)).get(forumId);
    if (!access?.canRead) throw AppError.notFound('Forum');
    return access;
  }

  /** The forum of a thread the user may read, or 404 (the thread's existence does not leak). */
  async requireThread(user: AuthUser, threadId: string, manager?: EntityManager): Promise<ForumAccess> {
    const forumId = await this.repository.forumOfThread(threadId, manager);
    const access = forumId ? (await this.forums(user, [forumId], manager)).get(forumId) : undefined;
    if (!access?.canRead) throw AppError.notFound('Thread');
    return access;
  }

  /** A study visit the user may see (its partnership's private content), or 404. */
  async requireVisit(user: AuthUser, visitId: string, manager?: EntityManager): Promise<void> {
    const partnershipId = await this.repository.partnershipOfVisit(visitId, manager);
    const access = partnershipId
      ? (await this.partnerships(user, [partnershipId], manager)).get(partnershipId)
      : undefined;
    if (!access?.canSeePrivate) throw AppError.notFound('Visit');
  }

  /**
   * SQL condition on a forums alias: the forums `userParam` may read. Admins read every forum;
   * everyone reads theme forums; partnership forums need an approved official of a member city.
   */
  readableForumsSql(alias: string, userParam: string, isAdmin: boolean): string {
    return this.repository.readableForumsSql(alias, userParam, isAdmin);
  }

  /**
   * Of the given users, those who can read the forum (for @mentions): in theme forums everyone, in
   * partnership forums the members and admins. One query.
   */
  async usersWhoCanRead(forumId: string, userIds: readonly string[], manager?: EntityManager) {
    if (userIds.length === 0) return new Set<string>();
    return new Set(await this.repository.usersWhoCanRead(forumId, userIds, manager));
  }

  /** Workshop access for a batch of ids, in one query. Missing ids are absent from the map. */
  async workshops(
    user: AuthUser,
    ids: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, WorkshopAccess>> {
    const result = new Map<string, WorkshopAccess>();
    if (ids.length === 0) return result;
    const rows = await this.repository.workshops(user.id, ids, manager);
    const isAdmin = hasRole(user, 'admin');
    for (const row of rows) {
      const facilitator = isAdmin || row.is_facilitator;
      const removed = row.removed_at !== null && !facilitator;
      result.set(row.id, {
        workshopId: row.id,
        title: row.title,
        status: row.status,
        scope: row.scope,
        partnershipId: row.partnership_id,
        facilitator,
        canSee: facilitator || row.scope === 'public' || row.is_member,
        registered: row.registered === true && !removed,
        removed,
        mutedUntil: row.muted_until && row.muted_until.getTime() > Date.now() && !facilitator ? row.muted_until : null,
      });
    }
    return result;
  }

  /**
   * The workshop as the user may see it, or 404 (also when it does not exist, so private
   * workshops do not leak). `facilitator: true` additionally requires running it (403 otherwise).
   */
  async requireWorkshop(
    user: AuthUser,
    workshopId: string,
    opts: { facilitator?: boolean; manager?: EntityManager } = {},
  ): Promise<WorkshopAccess> {
    const access = (await this.workshops(user, [workshopId], opts.manager)).get(workshopId);
    if (!access?.canSee) throw AppError.notFound('Workshop');
    if (opts.facilitator && !access.facilitator)
      throw AppError.forbidden("Only the workshop's facilitators can do this.");
    return access;
  }

  /** SQL condition on a workshops alias: the workshops `userParam` may see (list queries). */
  visibleWorkshopsSql(alias: string, userParam: string, isAdmin: boolean): string {
    return this.repository.visibleWorkshopsSql(alias, userParam, isAdmin);
  }
}
