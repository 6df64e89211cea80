import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  MilestoneStatus,
  PartnershipActivityDto,
  PartnershipEventAction,
  PartnershipEventDto,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { userRef } from './partnership-rows';

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
    actor: userRef(row.actor_id, row.actor_name),
    city: row.city_id ? { id: row.city_id, slug: row.city_slug ?? '', name: row.city_name ?? '' } : null,
    note: row.note,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

interface FeedRow {
  kind: 'event' | 'thread' | 'milestone';
  id: string;
  at: Date;
  at_key: string;
  data: Record<string, string | number | null>;
}

function toActivity(row: FeedRow): PartnershipActivityDto {
  const at = new Date(row.at).toISOString();
  const d = row.data;
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
        owner: userRef(d.owner_id as string | null, d.owner_name as string | null),
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
}

/** One entry of the activity feed with its keyset key (at with microseconds, id). */
export interface FeedEntry {
  activity: PartnershipActivityDto;
  key: [string, string];
}

/** A partnership's recorded transitions (partnership_events) and its activity feed. */
@Injectable()
export class ActivityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records a transition. */
  async record(
    manager: EntityManager,
    partnershipId: string,
    action: PartnershipEventAction,
    actorId: string,
    cityId: string | null,
    note: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO partnership_events (partnership_id, action, actor_id, city_id, note) VALUES ($1, $2, $3, $4, $5)`,
      [partnershipId, action, actorId, cityId, note],
    );
  }

  /** The first 200 transitions, oldest first. */
  async history(partnershipId: string): Promise<PartnershipEventDto[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `${EVENT_SELECT} WHERE e.partnership_id = $1 ORDER BY e.created_at, e.id LIMIT 200`,
      [partnershipId],
    );
    return rows.map(toEvent);
  }

  /**
   * Transitions, threads and milestones, newest first; keyset on (at, id). `after` is the previous
   * page's last key; reads `take` entries.
   */
  async feed(partnershipId: string, after: [string, string] | null, take: number): Promise<FeedEntry[]> {
    const rows: FeedRow[] = await this.dataSource.query(
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
      after ? [partnershipId, after[0], after[1], take] : [partnershipId, take],
    );
    return rows.map((row) => ({ activity: toActivity(row), key: [row.at_key, row.id] }));
  }
}
