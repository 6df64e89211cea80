import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  TrainingAttendanceDto,
  TrainingEvaluationAnswer,
  TrainingFormat,
  TrainingRequestStatus,
  TrainingSessionDto,
  WorkLanguage,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { isRequesterSql } from './training-sql';

/** The accepted offer as scheduling needs it. */
export interface AcceptedOfferRow {
  id: string;
  format: TrainingFormat;
  language: WorkLanguage;
  approach: string;
  course_id: string | null;
  /** Its trainers: they facilitate the workshops. */
  trainer_ids: string[];
  /** Its author and trainers: they may schedule and mark attendance, and are told. */
  party_ids: string[];
}

export interface NewSession {
  title: string;
  startsAt: string;
  endsAt: string;
  workshopId: string | null;
}

export interface EvaluationRow {
  user_id: string;
  overall: number;
  relevance: number;
  will_apply: boolean;
  improve: string;
  updated_at: Date;
}

/**
 * What a matched training becomes: sessions, place, course and deadline, in-person attendance,
 * evaluations, and the requests the lifecycle job moves. SQL and row mapping only.
 */
@Injectable()
export class TrainingDeliveryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async acceptedOffer(requestId: string, manager: EntityManager): Promise<AcceptedOfferRow | undefined> {
    const [row]: AcceptedOfferRow[] = await manager.query(
      `SELECT o.id, o.format, o.language, o.approach, o.course_id,
              ARRAY(SELECT t.user_id FROM training_offer_trainers t WHERE t.offer_id = o.id) AS trainer_ids,
              ARRAY(SELECT o.created_by WHERE o.created_by IS NOT NULL
                    UNION SELECT t.user_id FROM training_offer_trainers t WHERE t.offer_id = o.id) AS party_ids
         FROM training_requests r JOIN training_offers o ON o.id = r.accepted_offer_id
        WHERE r.id = $1`,
      [requestId],
    );
    return row;
  }

  /** The coordinators of the requesting city (or of the partnership's member cities): the requesters. */
  async requesterIds(requestId: string, manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT u.id FROM users u, training_requests r WHERE r.id = $1 AND ${isRequesterSql('r', 'u.id')}`,
      [requestId],
    );
    return rows.map((r) => r.id);
  }

  async officialIds(requestId: string, manager: EntityManager): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `SELECT user_id FROM training_request_officials WHERE request_id = $1`,
      [requestId],
    );
    return rows.map((r) => r.user_id);
  }

  /**
   * Who takes part: the named officials not marked absent and the registered attendees of its
   * workshops, but its trainers (the same rule as isParticipantSql, for a whole request).
   */
  async participantIds(requestId: string, manager: EntityManager): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `SELECT o.user_id FROM training_request_officials o
        WHERE o.request_id = $1
          AND NOT EXISTS (SELECT 1 FROM training_attendance a
                           WHERE a.request_id = o.request_id AND a.user_id = o.user_id AND NOT a.present)
       UNION
       SELECT wa.user_id FROM training_sessions s JOIN workshop_attendees wa ON wa.workshop_id = s.workshop_id
        WHERE s.request_id = $1 AND wa.registered AND wa.removed_at IS NULL
       EXCEPT
       SELECT x.id FROM training_requests r JOIN training_offers o ON o.id = r.accepted_offer_id,
              LATERAL (SELECT o.created_by AS id UNION SELECT t.user_id FROM training_offer_trainers t
                        WHERE t.offer_id = o.id) x
        WHERE r.id = $1`,
      [requestId],
    );
    return rows.map((r) => r.user_id);
  }

  async insertSessions(requestId: string, sessions: NewSession[], manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO training_sessions (request_id, position, title, starts_at, ends_at, workshop_id)
       SELECT $1, s.n, s.title, s.starts_at, s.ends_at, s.workshop_id
         FROM unnest($2::text[], $3::timestamptz[], $4::timestamptz[], $5::uuid[]) WITH ORDINALITY
              AS s(title, starts_at, ends_at, workshop_id, n)`,
      [
        requestId,
        sessions.map((s) => s.title),
        sessions.map((s) => s.startsAt),
        sessions.map((s) => s.endsAt),
        sessions.map((s) => s.workshopId),
      ],
    );
  }

  async sessions(requestId: string): Promise<TrainingSessionDto[]> {
    const rows: {
      position: number;
      title: string;
      starts_at: Date;
      ends_at: Date;
      workshop_id: string | null;
      workshop_title: string | null;
    }[] = await this.dataSource.query(
      `SELECT s.position, s.title, s.starts_at, s.ends_at, s.workshop_id, w.title AS workshop_title
         FROM training_sessions s LEFT JOIN workshops w ON w.id = s.workshop_id
        WHERE s.request_id = $1 ORDER BY s.position`,
      [requestId],
    );
    return rows.map((r) => ({
      position: r.position,
      title: r.title,
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at.toISOString(),
      workshop: r.workshop_id ? { id: r.workshop_id, title: r.workshop_title ?? r.title } : null,
    }));
  }

  /** The end of `day` in `timeZone` (the start of the next day there), as an instant. */
  async endOfDay(day: string, timeZone: string, manager: EntityManager): Promise<Date> {
    const [row]: { at: Date }[] = await manager.query(`SELECT (($1::date + 1)::timestamp AT TIME ZONE $2) AS at`, [
      day,
      timeZone,
    ]);
    return row.at;
  }

  /** matched → scheduled with what scheduling fixed. */
  async markScheduled(
    requestId: string,
    values: {
      place: string | null;
      courseId: string | null;
      courseVersionId: string | null;
      courseDeadline: Date | null;
      deliveryEndsAt: string;
    },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `UPDATE training_requests
          SET status = 'scheduled', place = $2, course_id = $3, course_version_id = $4, course_deadline = $5,
              delivery_ends_at = $6, scheduled_at = clock_timestamp(), updated_at = clock_timestamp()
        WHERE id = $1`,
      [requestId, values.place, values.courseId, values.courseVersionId, values.courseDeadline, values.deliveryEndsAt],
    );
  }

  /** Moves the request to `to`; delivered also stamps `delivered_at` (the instant the window opens). */
  async move(requestId: string, to: TrainingRequestStatus, at: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE training_requests
          SET status = $2::varchar, delivered_at = CASE WHEN $2::varchar = 'delivered' THEN $3 ELSE delivered_at END,
              updated_at = clock_timestamp()
        WHERE id = $1`,
      [requestId, to, at],
    );
  }

  /**
   * Requests due to move at `now`, locked and skipping rows another instance holds: scheduled ones whose
   * last session ended (or deadline passed), delivered ones whose evaluation window closed.
   */
  async due(
    now: Date,
    windowDays: number,
    limit: number,
    manager: EntityManager,
  ): Promise<{ id: string; title: string; status: 'scheduled' | 'delivered'; delivered_at: Date | null }[]> {
    return manager.query(
      `SELECT id, title, status, delivered_at FROM training_requests
        WHERE (status = 'scheduled' AND delivery_ends_at <= $1)
           OR (status = 'delivered' AND delivered_at + make_interval(days => $2) <= $1)
        ORDER BY delivery_ends_at, id LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [now, windowDays, limit],
    );
  }

  /** In-person attendance: one entry per named official (present null until marked). */
  async attendance(requestId: string): Promise<TrainingAttendanceDto[]> {
    const rows: { id: string; display_name: string; present: boolean | null; marked_at: Date | null }[] =
      await this.dataSource.query(
        `SELECT u.id, u.display_name, a.present, a.marked_at
           FROM training_request_officials o JOIN users u ON u.id = o.user_id
           LEFT JOIN training_attendance a ON a.request_id = o.request_id AND a.user_id = o.user_id
          WHERE o.request_id = $1 ORDER BY u.display_name, u.id`,
        [requestId],
      );
    return rows.map((r) => ({
      user: { id: r.id, displayName: r.display_name },
      present: r.present,
      markedAt: r.marked_at?.toISOString() ?? null,
    }));
  }

  async markAttendance(
    requestId: string,
    entries: { userId: string; present: boolean }[],
    markedBy: string,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO training_attendance (request_id, user_id, present, marked_by)
       SELECT $1, e.user_id, e.present, $4 FROM unnest($2::uuid[], $3::boolean[]) AS e(user_id, present)
       ON CONFLICT (request_id, user_id) DO UPDATE
         SET present = EXCLUDED.present, marked_by = EXCLUDED.marked_by, marked_at = clock_timestamp()`,
      [requestId, entries.map((e) => e.userId), entries.map((e) => e.present), markedBy],
    );
  }

  /** One answer per participant: a second one replaces the first. */
  async saveEvaluation(
    requestId: string,
    userId: string,
    a: TrainingEvaluationAnswer,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO training_evaluations (request_id, user_id, overall, relevance, will_apply, improve)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (request_id, user_id) DO UPDATE
         SET overall = EXCLUDED.overall, relevance = EXCLUDED.relevance, will_apply = EXCLUDED.will_apply,
             improve = EXCLUDED.improve, updated_at = clock_timestamp()`,
      [requestId, userId, a.overall, a.relevance, a.willApply, a.improve ?? ''],
    );
  }

  async evaluation(requestId: string, userId: string): Promise<EvaluationRow | undefined> {
    const [row]: EvaluationRow[] = await this.dataSource.query(
      `SELECT user_id, overall, relevance, will_apply, improve, updated_at
         FROM training_evaluations WHERE request_id = $1 AND user_id = $2`,
      [requestId, userId],
    );
    return row;
  }

  /**
   * The answers in aggregate: counts per score, averages, yes/no, and the free texts alone, sorted
   * by their text (so neither names nor answer order can tie one to a person). One query.
   */
  async aggregate(requestId: string): Promise<{
    answers: number;
    overall_avg: number | null;
    relevance_avg: number | null;
    overall_counts: number[];
    relevance_counts: number[];
    yes: number;
    improvements: string[];
  }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS answers,
              round(avg(overall), 2)::float AS overall_avg, round(avg(relevance), 2)::float AS relevance_avg,
              ARRAY(SELECT count(*) FILTER (WHERE e2.overall = g)::int FROM generate_series(1, 5) g
                      LEFT JOIN training_evaluations e2 ON e2.request_id = $1 GROUP BY g ORDER BY g) AS overall_counts,
              ARRAY(SELECT count(*) FILTER (WHERE e2.relevance = g)::int FROM generate_series(1, 5) g
                      LEFT JOIN training_evaluations e2 ON e2.request_id = $1 GROUP BY g ORDER BY g) AS relevance_counts,
              (count(*) FILTER (WHERE will_apply))::int AS yes,
              ARRAY(SELECT e3.improve FROM training_evaluations e3
                     WHERE e3.request_id = $1 AND e3.improve <> '' ORDER BY e3.improve COLLATE "C", md5(e3.improve)) AS improvements
         FROM training_evaluations e WHERE e.request_id = $1`,
      [requestId],
    );
    return row;
  }
}
