import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  WaitingForumDto,
  WaitingInvitationDto,
  WaitingJoinRequestDto,
  WaitingPollDto,
  WaitingVisitDto,
  WaitingWorkshopDto,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { runPrepared } from '../database/run-prepared';

/** One answer of the waiting query: each list already shaped as its DTO (threads' excerpts still raw). */
export interface WaitingRow {
  forums: WaitingForumDto[];
  visits: WaitingVisitDto[];
  workshops: WaitingWorkshopDto[];
  polls: WaitingPollDto[];
  join_requests: WaitingJoinRequestDto[];
  invitations: WaitingInvitationDto[];
}

export interface WaitingQuery {
  userId: string;
  isAdmin: boolean;
  since: Date;
  now: Date;
  upcomingUntil: Date;
  threadsPerForum: number;
  listLimit: number;
  /** SQL conditions from AccessService on a forums alias `f` and a workshops alias `w` for user `$1`. */
  readableForums: string;
  visibleWorkshops: string;
}

/** A UTC instant as ISO text inside JSON (independent of the session's time zone). */
const isoText = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const dateText = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const cityJson = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'slug', ${alias}.slug, 'name', ${alias}.name)`;

/*
 * $1 user, $2 since, $3 now, $4 upcoming until, $5 threads per forum, $6 list limit, $7 is admin.
 * Every list is a CTE over the same user; one round trip whatever the user's partnerships and forums.
 */
const WAITING_SQL = (q: Pick<WaitingQuery, 'readableForums' | 'visibleWorkshops'>) => `
WITH
member_partnerships AS (
  SELECT DISTINCT pc.partnership_id
    FROM partnership_cities pc JOIN city_memberships m ON m.city_id = pc.city_id
   WHERE pc.status = 'member' AND m.user_id = $1 AND m.status = 'approved'
),
coordinated_cities AS (
  SELECT m.city_id FROM city_memberships m
   WHERE m.user_id = $1 AND m.status = 'approved' AND m.role = 'coordinator'
),
unread AS (
  SELECT t.id, t.forum_id, t.title, t.last_posted_at, t.last_seq,
         LEAST(coalesce(r.last_read_seq, 0), t.last_seq) AS last_read_seq,
         row_number() OVER (PARTITION BY t.forum_id ORDER BY t.last_posted_at DESC, t.id DESC) AS rank,
         count(*) OVER (PARTITION BY t.forum_id) AS forum_unread
    FROM threads t
    JOIN forums f ON f.id = t.forum_id
    LEFT JOIN thread_reads r ON r.thread_id = t.id AND r.user_id = $1
   WHERE ${q.readableForums}
     AND t.last_posted_at > $2 AND t.last_posted_at <= $3
     AND t.last_seq > coalesce(r.last_read_seq, 0)
     AND coalesce(r.level, 'normal') <> 'muted'
),
forum_threads AS (
  SELECT u.forum_id, max(u.forum_unread)::int AS unread_threads, max(u.last_posted_at) AS latest,
         json_agg(json_build_object(
           'id', u.id, 'title', u.title, 'lastPostedAt', ${isoText('u.last_posted_at')},
           'unreadCount', u.last_seq - u.last_read_seq, 'firstUnreadSeq', u.last_read_seq + 1,
           'excerpt', coalesce(fp.body, ''),
           'author', CASE WHEN fp.author_id IS NULL THEN NULL
                          ELSE json_build_object('id', fp.author_id, 'displayName', fp.display_name) END
         ) ORDER BY u.last_posted_at DESC, u.id DESC) AS threads
    FROM unread u
    LEFT JOIN LATERAL (
      SELECT p.author_id, au.display_name, left(p.body, 600) AS body
        FROM posts p JOIN users au ON au.id = p.author_id
       WHERE p.thread_id = u.id AND p.seq > u.last_read_seq AND p.hidden_at IS NULL AND p.deleted_at IS NULL
       ORDER BY p.seq LIMIT 1
    ) fp ON true
   WHERE u.rank <= $5
   GROUP BY u.forum_id
),
forums_json AS (
  SELECT coalesce(json_agg(json_build_object(
           'forumId', f.id, 'kind', f.kind, 'theme', f.theme,
           'partnership', CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('id', p.id, 'title', p.title) END,
           'course', CASE WHEN f.course_id IS NULL THEN NULL
                          ELSE json_build_object('id', f.course_id, 'title', f.course_title) END,
           'unreadThreads', ft.unread_threads, 'threads', ft.threads
         ) ORDER BY (f.kind = 'partnership') DESC, ft.latest DESC, f.id), '[]'::json) AS v
    FROM forum_threads ft JOIN forums f ON f.id = ft.forum_id LEFT JOIN partnerships p ON p.id = f.partnership_id
),
visits_json AS (
  SELECT coalesce(json_agg(json_build_object(
           'id', x.id, 'title', x.title, 'status', x.status,
           'partnership', json_build_object('id', p.id, 'title', p.title), 'hostCity', ${cityJson('hc')},
           'startDate', ${dateText('x.start_date')}, 'endDate', ${dateText('x.end_date')}, 'timeZone', x.time_zone,
           'myStatus', x.my_status
         ) ORDER BY x.start_date, x.id), '[]'::json) AS v
    FROM (
      SELECT v.id, v.title, v.status, v.partnership_id, v.host_city_id, v.start_date, v.end_date, v.time_zone,
             mr.status AS my_status
        FROM visits v
        LEFT JOIN visit_registrations mr ON mr.visit_id = v.id AND mr.user_id = $1 AND mr.status <> 'cancelled'
       WHERE v.status IN ('open', 'confirmed') AND v.start_date IS NOT NULL
         AND v.end_date >= ($3::timestamptz AT TIME ZONE v.time_zone)::date
         AND v.start_date <= ($4::timestamptz AT TIME ZONE v.time_zone)::date
         AND (v.partnership_id IN (SELECT partnership_id FROM member_partnerships) OR ($7 AND mr.id IS NOT NULL))
       ORDER BY v.start_date, v.id
       LIMIT $6
    ) x
    JOIN partnerships p ON p.id = x.partnership_id
    JOIN cities hc ON hc.id = x.host_city_id
),
workshops_json AS (
  SELECT coalesce(json_agg(json_build_object(
           'id', x.id, 'title', x.title, 'status', x.status,
           'startsAt', ${isoText('x.starts_at')}, 'endsAt', ${isoText('x.ends_at')},
           'partnership', CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('id', p.id, 'title', p.title) END,
           'registered', x.registered, 'facilitator', x.facilitator
         ) ORDER BY x.starts_at, x.id), '[]'::json) AS v
    FROM (
      SELECT w.id, w.title, w.status, w.starts_at, w.ends_at, w.partnership_id,
             coalesce(a.registered AND a.removed_at IS NULL, false) AS registered,
             EXISTS (SELECT 1 FROM workshop_facilitators wf WHERE wf.workshop_id = w.id AND wf.user_id = $1) AS facilitator
        FROM workshops w
        LEFT JOIN workshop_attendees a ON a.workshop_id = w.id AND a.user_id = $1
       WHERE w.status <> 'ended' AND w.ends_at > $3 AND w.starts_at <= $4
         AND ${q.visibleWorkshops}
         AND (coalesce(a.registered AND a.removed_at IS NULL, false)
              OR EXISTS (SELECT 1 FROM workshop_facilitators wf WHERE wf.workshop_id = w.id AND wf.user_id = $1)
              OR (w.partnership_id IN (SELECT partnership_id FROM member_partnerships) AND a.removed_at IS NULL))
       ORDER BY w.starts_at, w.id
       LIMIT $6
    ) x
    LEFT JOIN partnerships p ON p.id = x.partnership_id
),
polls_json AS (
  SELECT coalesce(json_agg(json_build_object(
           'visitId', x.id, 'title', x.title, 'partnership', json_build_object('id', p.id, 'title', p.title),
           'hostCity', ${cityJson('hc')}, 'options', x.options
         ) ORDER BY x.created_at, x.id), '[]'::json) AS v
    FROM (
      SELECT v.id, v.title, v.partnership_id, v.host_city_id, v.created_at,
             (SELECT count(*)::int FROM visit_date_options o WHERE o.visit_id = v.id) AS options
        FROM visits v
       WHERE v.start_date IS NULL AND v.status IN ('draft', 'open')
         AND v.partnership_id IN (SELECT partnership_id FROM member_partnerships)
         AND EXISTS (SELECT 1 FROM visit_date_options o WHERE o.visit_id = v.id)
         AND NOT EXISTS (SELECT 1 FROM visit_date_options o JOIN visit_date_votes dv ON dv.option_id = o.id
                          WHERE o.visit_id = v.id AND dv.user_id = $1)
       ORDER BY v.created_at, v.id
       LIMIT $6
    ) x
    JOIN partnerships p ON p.id = x.partnership_id
    JOIN cities hc ON hc.id = x.host_city_id
),
join_requests_json AS (
  SELECT coalesce(json_agg(json_build_object(
           'id', x.id, 'city', ${cityJson('c')},
           'user', json_build_object('id', ru.id, 'displayName', ru.display_name),
           'createdAt', ${isoText('x.created_at')}
         ) ORDER BY x.created_at, x.id), '[]'::json) AS v
    FROM (
      SELECT jr.id, jr.city_id, jr.user_id, jr.created_at
        FROM city_memberships jr
       WHERE jr.status = 'pending' AND jr.city_id IN (SELECT city_id FROM coordinated_cities) AND jr.user_id <> $1
       ORDER BY jr.created_at, jr.id
       LIMIT $6
    ) x
    JOIN cities c ON c.id = x.city_id
    JOIN users ru ON ru.id = x.user_id
),
invitations_json AS (
  SELECT coalesce(json_agg(json_build_object(
           'partnership', json_build_object('id', p.id, 'title', p.title, 'status', p.status),
           'city', ${cityJson('c')},
           'fromCity', CASE WHEN fc.id IS NULL THEN NULL ELSE ${cityJson('fc')} END,
           'invitedAt', ${isoText('x.invited_at')}
         ) ORDER BY x.invited_at, p.id), '[]'::json) AS v
    FROM (
      SELECT pc.partnership_id, pc.city_id, pc.invited_by_city_id, pc.invited_at
        FROM partnership_cities pc
        JOIN partnerships pp ON pp.id = pc.partnership_id AND pp.status IN ('proposed', 'active')
       WHERE pc.status = 'invited' AND pc.city_id IN (SELECT city_id FROM coordinated_cities)
       ORDER BY pc.invited_at, pc.partnership_id
       LIMIT $6
    ) x
    JOIN partnerships p ON p.id = x.partnership_id
    JOIN cities c ON c.id = x.city_id
    LEFT JOIN cities fc ON fc.id = x.invited_by_city_id
)
SELECT (SELECT v FROM forums_json) AS forums,
       (SELECT v FROM visits_json) AS visits,
       (SELECT v FROM workshops_json) AS workshops,
       (SELECT v FROM polls_json) AS polls,
       (SELECT v FROM join_requests_json) AS join_requests,
       (SELECT v FROM invitations_json) AS invitations`;

/**
 * "What waits for this user" as one statement: unread threads by forum, upcoming visits and
 * workshops, open date polls awaiting their vote, join requests and partnership invitations theirs
 * to decide. A read model across features, so its SQL lives here rather than in each feature.
 */
@Injectable()
export class WaitingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs the query as a named prepared statement on the connection it gets (the transaction's, when
   * the digests write thousands in a row; a pooled one otherwise, for the home page and
   * `GET /api/me/waiting`): PostgreSQL parses it once per connection and may keep its plan, and
   * planning this statement costs several times its execution.
   */
  async find(query: WaitingQuery, manager: EntityManager = this.dataSource.manager): Promise<WaitingRow> {
    const text = WAITING_SQL(query);
    const values = [
      query.userId,
      query.since,
      query.now,
      query.upcomingUntil,
      query.threadsPerForum,
      query.listLimit,
      query.isAdmin,
    ];
    const rows = await runPrepared<WaitingRow>(this.dataSource, manager, 'waiting', text, values);
    return rows[0];
  }
}
