import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HomeActivityDto, HomeReportDto, WaitingWorkshopDto } from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { runPrepared } from '../database/run-prepared';

/** A live workshop with its meeting link, which the service turns into what this viewer may see. */
export interface HomeLiveRow extends WaitingWorkshopDto {
  meetingUrl: string | null;
}

/** The home's own lists, each already shaped as its DTO (live workshops still carry their link). */
export interface HomeRow {
  live: HomeLiveRow[];
  report_count: number;
  reports: HomeReportDto[];
  activity: HomeActivityDto[];
}

export interface HomeQuery {
  userId: string;
  isAdmin: boolean;
  now: Date;
  /** Activity after this instant counts as recent. */
  activitySince: Date;
  liveLimit: number;
  reportsListed: number;
  activityLimit: number;
  /** SQL condition from AccessService on a workshops alias `w` for user `$1`. */
  visibleWorkshops: string;
}

const isoText = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const dateText = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const cityJson = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'slug', ${alias}.slug, 'name', ${alias}.name)`;
const userJson = (alias: string) => `json_build_object('id', ${alias}.id, 'displayName', ${alias}.display_name)`;

/*
 * $1 user, $2 now, $3 is admin, $4 live limit, $5 reports listed, $6 activity since, $7 activity limit.
 * Each activity source reads at most $7 rows from its own index (newest first) before they are merged,
 * so the cost does not grow with a partnership's history.
 */
const HOME_SQL = (visibleWorkshops: string) => `
WITH
member_partnerships AS (
  SELECT DISTINCT pc.partnership_id
    FROM partnership_cities pc JOIN city_memberships m ON m.city_id = pc.city_id
   WHERE pc.status = 'member' AND m.user_id = $1 AND m.status = 'approved'
),
moderated_forums AS (
  SELECT f.id FROM forums f
   WHERE $3 OR (f.kind = 'partnership' AND f.partnership_id IN (
     SELECT pc.partnership_id FROM partnership_cities pc JOIN city_memberships m ON m.city_id = pc.city_id
      WHERE pc.status = 'member' AND m.user_id = $1 AND m.status = 'approved' AND m.role = 'coordinator'))
),
member_cities AS (
  SELECT DISTINCT pc.city_id FROM partnership_cities pc
   WHERE pc.status = 'member' AND pc.partnership_id IN (SELECT partnership_id FROM member_partnerships)
),
live_json AS (
  SELECT coalesce(json_agg(json_build_object(
           'id', x.id, 'title', x.title, 'status', x.status,
           'startsAt', ${isoText('x.starts_at')}, 'endsAt', ${isoText('x.ends_at')},
           'partnership', CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('id', p.id, 'title', p.title) END,
           'registered', x.registered, 'facilitator', x.facilitator, 'meetingUrl', x.meeting_url
         ) ORDER BY x.facilitator DESC, x.registered DESC, x.starts_at, x.id), '[]'::json) AS v
    FROM (
      SELECT w.id, w.title, w.status, w.starts_at, w.ends_at, w.partnership_id, w.meeting_url,
             coalesce(a.registered, false) AS registered,
             EXISTS (SELECT 1 FROM workshop_facilitators wf WHERE wf.workshop_id = w.id AND wf.user_id = $1) AS facilitator
        FROM workshops w
        LEFT JOIN workshop_attendees a ON a.workshop_id = w.id AND a.user_id = $1
       WHERE w.status = 'live' AND a.removed_at IS NULL AND ${visibleWorkshops}
       ORDER BY w.starts_at, w.id
       LIMIT $4
    ) x
    LEFT JOIN partnerships p ON p.id = x.partnership_id
),
open_reports AS (
  SELECT fl.id, fl.reason, fl.created_at, p.seq, t.id AS thread_id, t.title, f.partnership_id
    FROM post_flags fl
    JOIN posts p ON p.id = fl.post_id
    JOIN threads t ON t.id = p.thread_id
    JOIN forums f ON f.id = t.forum_id
   WHERE fl.status = 'open' AND t.forum_id IN (SELECT id FROM moderated_forums)
),
reports_json AS (
  SELECT coalesce(json_agg(json_build_object(
           'id', x.id, 'reason', x.reason, 'createdAt', ${isoText('x.created_at')}, 'postSeq', x.seq,
           'thread', json_build_object('id', x.thread_id, 'title', x.title),
           'partnership', CASE WHEN pt.id IS NULL THEN NULL ELSE json_build_object('id', pt.id, 'title', pt.title) END
         ) ORDER BY x.created_at DESC, x.id), '[]'::json) AS v
    FROM (SELECT * FROM open_reports ORDER BY created_at DESC, id LIMIT $5) x
    LEFT JOIN partnerships pt ON pt.id = x.partnership_id
),
activity AS (
  (SELECT e.created_at AS at, e.id, e.partnership_id,
          json_build_object('kind', 'event', 'action', e.action,
            'actor', CASE WHEN a.id IS NULL THEN NULL ELSE ${userJson('a')} END,
            'city', CASE WHEN c.id IS NULL THEN NULL ELSE ${cityJson('c')} END) AS data
     FROM partnership_events e
     LEFT JOIN users a ON a.id = e.actor_id LEFT JOIN cities c ON c.id = e.city_id
    WHERE e.partnership_id IN (SELECT partnership_id FROM member_partnerships)
      AND e.created_at > $6 AND e.created_at <= $2 AND e.action <> 'updated'
    ORDER BY e.created_at DESC LIMIT $7)
  UNION ALL
  (SELECT t.created_at, t.id, f.partnership_id,
          json_build_object('kind', 'thread', 'thread', json_build_object('id', t.id, 'title', t.title),
            'author', ${userJson('u')})
     FROM threads t JOIN forums f ON f.id = t.forum_id JOIN users u ON u.id = t.author_id
    WHERE f.partnership_id IN (SELECT partnership_id FROM member_partnerships)
      AND t.created_at > $6 AND t.created_at <= $2
    ORDER BY t.created_at DESC LIMIT $7)
  UNION ALL
  (SELECT v.created_at, v.id, v.partnership_id,
          json_build_object('kind', 'visit',
            'visit', json_build_object('id', v.id, 'title', v.title,
              'startDate', ${dateText('v.start_date')}, 'endDate', ${dateText('v.end_date')}),
            'hostCity', ${cityJson('hc')})
     FROM visits v JOIN cities hc ON hc.id = v.host_city_id
    WHERE v.partnership_id IN (SELECT partnership_id FROM member_partnerships)
      AND v.status IN ('open', 'confirmed') AND v.created_at > $6 AND v.created_at <= $2
    ORDER BY v.created_at DESC LIMIT $7)
  UNION ALL
  (SELECT w.created_at, w.id, w.partnership_id,
          json_build_object('kind', 'workshop',
            'workshop', json_build_object('id', w.id, 'title', w.title, 'startsAt', ${isoText('w.starts_at')}))
     FROM workshops w
    WHERE w.partnership_id IN (SELECT partnership_id FROM member_partnerships)
      AND w.status <> 'ended' AND w.created_at > $6 AND w.created_at <= $2
    ORDER BY w.created_at DESC LIMIT $7)
  UNION ALL
  (SELECT m.decided_at, m.id, NULL::uuid,
          json_build_object('kind', 'member', 'user', ${userJson('mu')}, 'city', ${cityJson('mc')})
     FROM city_memberships m JOIN users mu ON mu.id = m.user_id JOIN cities mc ON mc.id = m.city_id
    WHERE m.city_id IN (SELECT city_id FROM member_cities) AND m.status = 'approved' AND m.user_id <> $1
      AND m.decided_at > $6 AND m.decided_at <= $2
    ORDER BY m.decided_at DESC LIMIT $7)
),
activity_json AS (
  SELECT coalesce(json_agg(x.data ORDER BY x.at DESC, x.id), '[]'::json) AS v
    FROM (
      SELECT y.at, y.id, (y.data::jsonb || jsonb_build_object('at', ${isoText('y.at')},
               'partnership', json_build_object('id', p.id, 'title', p.title)))::json AS data
        FROM (SELECT * FROM activity ORDER BY at DESC, id LIMIT $7) y
        -- a member who joined a city is shown under one of that city's partnerships with the user
        JOIN LATERAL (
          SELECT pp.id, pp.title FROM partnerships pp
           WHERE pp.id = y.partnership_id
              OR (y.partnership_id IS NULL AND pp.id = (
                    SELECT min(pc.partnership_id::text)::uuid FROM partnership_cities pc
                     WHERE pc.status = 'member' AND pc.city_id = (y.data->'city'->>'id')::uuid
                       AND pc.partnership_id IN (SELECT partnership_id FROM member_partnerships)))
        ) p ON true
    ) x
)
SELECT (SELECT v FROM live_json) AS live,
       (SELECT count(*)::int FROM open_reports) AS report_count,
       (SELECT v FROM reports_json) AS reports,
       (SELECT v FROM activity_json) AS activity`;

/**
 * The home's lists that the digests do not need: workshops live now that the user may join, the
 * open reports they moderate, and recent activity in their partnerships. One statement.
 */
@Injectable()
export class HomeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs it as a named prepared statement (see runPrepared): its planning costs more than its execution. */
  async find(q: HomeQuery): Promise<HomeRow> {
    const rows = await runPrepared<HomeRow>(
      this.dataSource,
      this.dataSource.manager,
      'home',
      HOME_SQL(q.visibleWorkshops),
      [q.userId, q.now, q.isAdmin, q.liveLimit, q.reportsListed, q.activitySince, q.activityLimit],
    );
    return rows[0];
  }
}
