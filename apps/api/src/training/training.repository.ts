import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ImmigrationProfile,
  Theme,
  TrainingFormat,
  TrainingRequestEventDto,
  TrainingRequestStatus,
  TrainingRequestSummaryDto,
  TrainingSkill,
  UserSummary,
  WorkLanguage,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import {
  coordinatesExpertCitySql,
  isParticipantSql,
  isRequesterSql,
  isTrainerSql,
  requestingCityIdsSql,
  visibleOfferSql,
  visibleRequestSql,
} from './training-sql';

/** Who is looking: resolved from the AuthUser by the service (the one place roles are read). */
export interface TrainingViewer {
  id: string;
  isAdmin: boolean;
  isFacilitator: boolean;
}

/** A request with what the viewer may do with it (one query; `visible` false means 404). */
export interface TrainingRequestRow {
  id: string;
  title: string;
  city_id: string | null;
  city_slug: string | null;
  city_name: string | null;
  partnership_id: string | null;
  partnership_title: string | null;
  themes: Theme[];
  skills: TrainingSkill[];
  audience_roles: string[];
  head_count: number;
  languages: WorkLanguage[];
  format: TrainingFormat;
  preferred_start: string;
  preferred_end: string;
  time_zone: string;
  notes: string;
  status: TrainingRequestStatus;
  accepted_offer_id: string | null;
  created_by: string | null;
  creator_name: string | null;
  created_at: Date;
  updated_at: Date;
  offer_count: number;
  visible: boolean;
  is_requester: boolean;
  requesting_city_ids: string[];
  requester_profiles: ImmigrationProfile[];
  coordinates_expert_city: boolean;
  is_trainer: boolean;
  is_participant: boolean;
  place: string | null;
  course_id: string | null;
  course_version_id: string | null;
  course_title: string | null;
  course_deadline: Date | null;
  scheduled_at: Date | null;
  delivery_ends_at: Date | null;
  delivered_at: Date | null;
}

export interface NewTrainingRequest {
  cityId: string | null;
  partnershipId: string | null;
  title: string;
  themes: Theme[];
  skills: TrainingSkill[];
  audienceRoles: string[];
  headCount: number;
  languages: WorkLanguage[];
  format: TrainingFormat;
  preferredStart: string;
  preferredEnd: string;
  timeZone: string;
  notes: string;
  createdBy: string;
}

const ROW_COLUMNS = (user: string, admin: string, facilitator: string) => `
  r.id, r.title, r.city_id, c.slug AS city_slug, c.name AS city_name, r.partnership_id, p.title AS partnership_title,
  r.themes, r.skills, r.audience_roles, r.head_count, r.languages, r.format,
  to_char(r.preferred_start, 'YYYY-MM-DD') AS preferred_start, to_char(r.preferred_end, 'YYYY-MM-DD') AS preferred_end,
  r.time_zone, r.notes, r.status, r.accepted_offer_id, r.created_by, cu.display_name AS creator_name,
  r.created_at, r.updated_at,
  r.place, r.course_id, r.course_version_id, r.course_deadline, r.scheduled_at, r.delivery_ends_at, r.delivered_at,
  (SELECT cv.title FROM course_versions cv WHERE cv.id = r.course_version_id) AS course_title,
  ${isRequesterSql('r', user)} AS is_requester,
  ${isTrainerSql('r', user)} AS is_trainer,
  ${isParticipantSql('r', user)} AS is_participant,
  (SELECT count(*)::int FROM training_offers o
    WHERE o.request_id = r.id
      AND ${visibleOfferSql('o', `(${admin}::boolean OR ${isRequesterSql('r', user)})`, user)}) AS offer_count,
  ${visibleRequestSql('r', user, admin, facilitator)} AS visible`;

const ROW_FROM = `training_requests r
  LEFT JOIN cities c ON c.id = r.city_id
  LEFT JOIN partnerships p ON p.id = r.partnership_id
  LEFT JOIN users cu ON cu.id = r.created_by`;

export function toSummary(row: TrainingRequestRow): TrainingRequestSummaryDto {
  return {
    id: row.id,
    title: row.title,
    requester:
      row.city_id !== null
        ? { kind: 'city', city: { id: row.city_id, slug: row.city_slug ?? '', name: row.city_name ?? '' } }
        : { kind: 'partnership', partnership: { id: row.partnership_id ?? '', title: row.partnership_title ?? '' } },
    themes: row.themes,
    skills: row.skills,
    format: row.format,
    languages: row.languages,
    headCount: row.head_count,
    preferredStart: row.preferred_start,
    preferredEnd: row.preferred_end,
    timeZone: row.time_zone,
    status: row.status,
    offerCount: row.offer_count,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Training requests, their officials and events: SQL and row mapping only. */
@Injectable()
export class TrainingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Locks the request row for the caller's transaction; false when there is none. */
  async lock(id: string, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM training_requests WHERE id = $1 FOR UPDATE`, [id]);
    return rows.length > 0;
  }

  /** The request as `viewer` sees it, with the requesting cities and their profiles. One query. */
  async find(
    viewer: TrainingViewer,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TrainingRequestRow | undefined> {
    const [row]: TrainingRequestRow[] = await manager.query(
      `SELECT ${ROW_COLUMNS('$2', '$3', '$4')},
              ${requestingCityIdsSql('r')} AS requesting_city_ids,
              (SELECT coalesce(array_agg(DISTINCT rc.immigration_profile), '{}') FROM cities rc
                WHERE rc.id = ANY(${requestingCityIdsSql('r')}::uuid[])) AS requester_profiles,
              ${coordinatesExpertCitySql('$2')} AS coordinates_expert_city
         FROM ${ROW_FROM} WHERE r.id = $1`,
      [id, viewer.id, viewer.isAdmin, viewer.isFacilitator],
    );
    return row;
  }

  /** Requests the viewer may see, newest first, keyset on (created_at, id). One query. */
  async list(
    viewer: TrainingViewer,
    filter: { status?: TrainingRequestStatus; after: [string, string] | null; take: number },
  ): Promise<TrainingRequestRow[]> {
    const params: unknown[] = [viewer.id, viewer.isAdmin, viewer.isFacilitator];
    const where = [visibleRequestSql('r', '$1', '$2', '$3')];
    if (filter.status) {
      params.push(filter.status);
      where.push(`r.status = $${params.length}`);
    }
    if (filter.after) {
      params.push(filter.after[0], filter.after[1]);
      where.push(`(r.created_at, r.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(filter.take);
    return this.dataSource.query(
      `SELECT ${ROW_COLUMNS('$1', '$2', '$3')} FROM ${ROW_FROM}
        WHERE ${where.join(' AND ')}
        ORDER BY r.created_at DESC, r.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  async officials(id: string): Promise<UserSummary[]> {
    return this.dataSource.query(
      `SELECT u.id, u.display_name AS "displayName" FROM training_request_officials o JOIN users u ON u.id = o.user_id
        WHERE o.request_id = $1 ORDER BY u.display_name, u.id`,
      [id],
    );
  }

  async events(id: string): Promise<TrainingRequestEventDto[]> {
    const rows: {
      id: string;
      actor_id: string | null;
      actor_name: string | null;
      from_status: TrainingRequestStatus | null;
      to_status: TrainingRequestStatus;
      note: string;
      created_at: Date;
    }[] = await this.dataSource.query(
      `SELECT e.id, e.actor_id, u.display_name AS actor_name, e.from_status, e.to_status, e.note, e.created_at
         FROM training_request_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.request_id = $1 ORDER BY e.created_at, e.id`,
      [id],
    );
    return rows.map((r) => ({
      id: r.id,
      actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
      from: r.from_status,
      to: r.to_status,
      note: r.note,
      at: r.created_at.toISOString(),
    }));
  }

  async insert(values: NewTrainingRequest, manager: EntityManager): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO training_requests (city_id, partnership_id, title, themes, skills, audience_roles, head_count,
                                      languages, format, preferred_start, preferred_end, time_zone, notes, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        values.cityId,
        values.partnershipId,
        values.title,
        values.themes,
        values.skills,
        values.audienceRoles,
        values.headCount,
        values.languages,
        values.format,
        values.preferredStart,
        values.preferredEnd,
        values.timeZone,
        values.notes,
        values.createdBy,
      ],
    );
    return row.id;
  }

  async insertOfficials(id: string, userIds: string[], manager: EntityManager): Promise<void> {
    if (userIds.length === 0) return;
    await manager.query(`INSERT INTO training_request_officials (request_id, user_id) SELECT $1, unnest($2::uuid[])`, [
      id,
      userIds,
    ]);
  }

  /** Records a move (from null: the request was created; actor null: the system moved it). */
  async insertEvent(
    id: string,
    event: { actorId: string | null; from: TrainingRequestStatus | null; to: TrainingRequestStatus; note?: string },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO training_request_events (request_id, actor_id, from_status, to_status, note) VALUES ($1, $2, $3, $4, $5)`,
      [id, event.actorId, event.from, event.to, event.note ?? ''],
    );
  }

  async setStatus(
    id: string,
    status: TrainingRequestStatus,
    acceptedOfferId: string | undefined,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `UPDATE training_requests SET status = $2, accepted_offer_id = coalesce($3, accepted_offer_id),
              updated_at = clock_timestamp() WHERE id = $1`,
      [id, status, acceptedOfferId ?? null],
    );
  }

  /**
   * The cities a new request would be made for (the city, or the partnership's member cities), each
   * with its time zone and whether `userId` coordinates it.
   */
  async requestingCities(
    scope: { cityId: string } | { partnershipId: string },
    userId: string,
    manager: EntityManager,
  ): Promise<{ id: string; time_zone: string; coordinated: boolean }[]> {
    const byCity = 'cityId' in scope;
    return manager.query(
      `SELECT c.id, c.time_zone,
              EXISTS (SELECT 1 FROM city_memberships m WHERE m.city_id = c.id AND m.user_id = $2
                         AND m.status = 'approved' AND m.role = 'coordinator') AS coordinated
         FROM cities c
        WHERE ${
          byCity
            ? 'c.id = $1'
            : `c.id IN (SELECT pc.city_id FROM partnership_cities pc WHERE pc.partnership_id = $1 AND pc.status = 'member')`
        }
        ORDER BY c.name, c.id`,
      [byCity ? scope.cityId : scope.partnershipId, userId],
    );
  }

  /** Which of `userIds` are approved officials (any role) of one of `cityIds`. */
  async officialsOf(userIds: string[], cityIds: string[], manager: EntityManager): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows: { user_id: string }[] = await manager.query(
      `SELECT DISTINCT user_id FROM city_memberships
        WHERE user_id = ANY($1::uuid[]) AND city_id = ANY($2::uuid[]) AND status = 'approved'`,
      [userIds, cityIds],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  /** Names of the given users (to say who was refused). */
  async names(userIds: string[], manager: EntityManager): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows: { id: string; display_name: string }[] = await manager.query(
      `SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`,
      [userIds],
    );
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }
}
