import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  MyTrainingOfferDto,
  PlatformRole,
  TrainingFormat,
  TrainingOfferDto,
  TrainingOfferStatus,
  TrainingRequestStatus,
  UserSummary,
  WorkLanguage,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { isOfferPartySql, visibleOfferSql, visibleRequestSql } from './training-sql';
import type { TrainingViewer } from './training.repository';

export interface NewTrainingOffer {
  requestId: string;
  createdBy: string;
  cityId: string | null;
  approach: string;
  format: TrainingFormat;
  proposedDates: string[];
  language: WorkLanguage;
  courseId: string | null;
}

/** Offers on training requests and their trainers: SQL and row mapping only. */
@Injectable()
export class TrainingOffersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The offers `viewerId` may see (all of them with `all`), with their trainers, oldest first. One query. */
  async visible(id: string, viewerId: string, all: boolean): Promise<TrainingOfferDto[]> {
    const rows: {
      id: string;
      request_id: string;
      created_by: string | null;
      creator_name: string | null;
      city_id: string | null;
      city_slug: string | null;
      city_name: string | null;
      approach: string;
      format: TrainingFormat;
      proposed_dates: string[];
      language: WorkLanguage;
      course_id: string | null;
      course_title: string | null;
      status: TrainingOfferStatus;
      created_at: Date;
      decided_at: Date | null;
      trainers: UserSummary[];
    }[] = await this.dataSource.query(
      `SELECT o.id, o.request_id, o.created_by, cu.display_name AS creator_name, o.city_id, c.slug AS city_slug,
              c.name AS city_name, o.approach, o.format,
              ARRAY(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(o.proposed_dates) d ORDER BY d) AS proposed_dates,
              o.language, o.course_id, o.status, o.created_at, o.decided_at,
              (SELECT v.title FROM course_versions v WHERE v.course_id = o.course_id
                ORDER BY (v.state = 'published') DESC, v.number DESC LIMIT 1) AS course_title,
              coalesce((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name)
                                        ORDER BY u.display_name, u.id)
                          FROM training_offer_trainers t JOIN users u ON u.id = t.user_id
                         WHERE t.offer_id = o.id), '[]') AS trainers
         FROM training_offers o
         LEFT JOIN users cu ON cu.id = o.created_by
         LEFT JOIN cities c ON c.id = o.city_id
        WHERE o.request_id = $1 AND ${visibleOfferSql('o', '$3', '$2')}
        ORDER BY o.created_at, o.id`,
      [id, viewerId, all],
    );
    return rows.map((r) => ({
      id: r.id,
      requestId: r.request_id,
      createdBy: r.created_by ? { id: r.created_by, displayName: r.creator_name ?? '' } : null,
      city: r.city_id ? { id: r.city_id, slug: r.city_slug ?? '', name: r.city_name ?? '' } : null,
      approach: r.approach,
      format: r.format,
      proposedDates: r.proposed_dates,
      trainers: r.trainers,
      language: r.language,
      courseId: r.course_id,
      course: r.course_id ? { id: r.course_id, title: r.course_title ?? '' } : null,
      status: r.status,
      createdAt: r.created_at.toISOString(),
      decidedAt: r.decided_at?.toISOString() ?? null,
    }));
  }
  /**
   * The viewer's own offers (made by them or naming them as a trainer) with their requests, newest first,
   * keyset on (created_at, id); `visible` says whether the viewer may still open the request. One query.
   */
  async mine(
    viewer: TrainingViewer,
    after: [string, string] | null,
    take: number,
  ): Promise<(MyTrainingOfferDto & { cursor: [string, string] })[]> {
    const params: unknown[] = [viewer.id, viewer.isAdmin, viewer.isFacilitator, take];
    let keyset = '';
    if (after) {
      params.push(after[0], after[1]);
      keyset = `AND (o.created_at, o.id) < ($5::timestamptz, $6::uuid)`;
    }
    const rows: {
      id: string;
      city_id: string | null;
      city_slug: string | null;
      city_name: string | null;
      format: TrainingFormat;
      language: WorkLanguage;
      proposed_dates: string[];
      status: TrainingOfferStatus;
      created_at: Date;
      decided_at: Date | null;
      trainers: UserSummary[];
      request_id: string;
      request_title: string;
      request_status: TrainingRequestStatus;
      rc_id: string | null;
      rc_slug: string | null;
      rc_name: string | null;
      partnership_id: string | null;
      partnership_title: string | null;
      visible: boolean;
    }[] = await this.dataSource.query(
      `SELECT o.id, o.city_id, c.slug AS city_slug, c.name AS city_name, o.format, o.language,
              ARRAY(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(o.proposed_dates) d ORDER BY d) AS proposed_dates,
              o.status, o.created_at, o.decided_at,
              coalesce((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name)
                                        ORDER BY u.display_name, u.id)
                          FROM training_offer_trainers t JOIN users u ON u.id = t.user_id
                         WHERE t.offer_id = o.id), '[]') AS trainers,
              r.id AS request_id, r.title AS request_title, r.status AS request_status,
              rc.id AS rc_id, rc.slug AS rc_slug, rc.name AS rc_name, p.id AS partnership_id,
              p.title AS partnership_title,
              ${visibleRequestSql('r', '$1', '$2', '$3')} AS visible
         FROM training_offers o
         JOIN training_requests r ON r.id = o.request_id
         LEFT JOIN cities c ON c.id = o.city_id
         LEFT JOIN cities rc ON rc.id = r.city_id
         LEFT JOIN partnerships p ON p.id = r.partnership_id
        WHERE ${isOfferPartySql('o.id', '$1')} ${keyset}
        ORDER BY o.created_at DESC, o.id DESC LIMIT $4`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      city: r.city_id ? { id: r.city_id, slug: r.city_slug ?? '', name: r.city_name ?? '' } : null,
      format: r.format,
      language: r.language,
      proposedDates: r.proposed_dates,
      trainers: r.trainers,
      status: r.status,
      createdAt: r.created_at.toISOString(),
      decidedAt: r.decided_at?.toISOString() ?? null,
      request: {
        id: r.request_id,
        title: r.request_title,
        requester: r.rc_id
          ? { kind: 'city', city: { id: r.rc_id, slug: r.rc_slug ?? '', name: r.rc_name ?? '' } }
          : { kind: 'partnership', partnership: { id: r.partnership_id ?? '', title: r.partnership_title ?? '' } },
        status: r.request_status,
        visible: r.visible,
      },
      cursor: [r.created_at.toISOString(), r.id],
    }));
  }

  /** The given users with their platform roles and whether they are approved officials of `cityId`. */
  async trainerCandidates(
    userIds: string[],
    cityId: string | null,
    manager: EntityManager,
  ): Promise<{ id: string; display_name: string; roles: PlatformRole[]; city_official: boolean }[]> {
    return manager.query(
      `SELECT u.id, u.display_name, u.roles,
              EXISTS (SELECT 1 FROM city_memberships m WHERE m.user_id = u.id AND m.city_id = $2::uuid
                         AND m.status = 'approved') AS city_official
         FROM users u WHERE u.id = ANY($1::uuid[])`,
      [userIds, cityId],
    );
  }

  /** The city, when `userId` coordinates it (approved) and it declares training expertise. */
  async coordinatedExpertCity(userId: string, cityId: string, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query(
      `SELECT 1 FROM city_memberships m JOIN cities c ON c.id = m.city_id
        WHERE m.user_id = $1 AND m.city_id = $2 AND m.status = 'approved' AND m.role = 'coordinator'
          AND cardinality(c.training_skills) > 0`,
      [userId, cityId],
    );
    return rows.length > 0;
  }

  async insertOffer(values: NewTrainingOffer, trainerIds: string[], manager: EntityManager): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO training_offers (request_id, created_by, city_id, approach, format, proposed_dates, language,
                                   course_id)
       VALUES ($1, $2, $3, $4, $5, $6::date[], $7, $8) RETURNING id`,
      [
        values.requestId,
        values.createdBy,
        values.cityId,
        values.approach,
        values.format,
        values.proposedDates,
        values.language,
        values.courseId,
      ],
    );
    await manager.query(`INSERT INTO training_offer_trainers (offer_id, user_id) SELECT $1, unnest($2::uuid[])`, [
      row.id,
      trainerIds,
    ]);
    return row.id;
  }

  /** Every offer of a request with its status and its people (creator and trainers). */
  async offerParties(
    requestId: string,
    manager: EntityManager,
  ): Promise<{ id: string; status: TrainingOfferStatus; user_ids: string[] }[]> {
    return manager.query(
      `SELECT o.id, o.status,
              ARRAY(SELECT o.created_by WHERE o.created_by IS NOT NULL
                    UNION SELECT t.user_id FROM training_offer_trainers t WHERE t.offer_id = o.id) AS user_ids
         FROM training_offers o WHERE o.request_id = $1 ORDER BY o.created_at, o.id`,
      [requestId],
    );
  }

  /** The offer is accepted; every other pending offer of the request is declined. */
  async acceptOffer(requestId: string, offerId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE training_offers SET status = CASE WHEN id = $2 THEN 'accepted' ELSE 'declined' END,
              decided_at = clock_timestamp()
        WHERE request_id = $1 AND status = 'pending'`,
      [requestId, offerId],
    );
  }
}
