import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ForumKind, PartnershipStatus, Theme, WorkshopScope, WorkshopStatus } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';

/** A partnership and the user's approved cities in it, by their status there. */
export interface PartnershipAccessRow {
  id: string;
  title: string;
  status: PartnershipStatus;
  member_city_ids: string[];
  coordinated_member_city_ids: string[];
  invited_city_ids: string[];
  coordinated_invited_city_ids: string[];
  involved_city_ids: string[];
}

/** A forum, its partnership and whether the user is an official (or coordinator) of a member city. */
export interface ForumAccessRow {
  id: string;
  kind: ForumKind;
  theme: Theme | null;
  partnership_id: string | null;
  partnership_title: string | null;
  partnership_status: PartnershipStatus | null;
  course_id: string | null;
  course_title: string | null;
  is_member: boolean;
  is_coordinator: boolean;
}

/** A workshop and the user's ties to it. */
export interface WorkshopAccessRow {
  id: string;
  title: string;
  status: WorkshopStatus;
  scope: WorkshopScope;
  partnership_id: string | null;
  is_facilitator: boolean;
  is_member: boolean;
  registered: boolean | null;
  removed_at: Date | null;
  muted_until: Date | null;
}

/** The SQL behind AccessService: each method one query over a batch of ids. */
@Injectable()
export class AccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  partnerships(
    userId: string,
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PartnershipAccessRow[]> {
    return manager.query(
      `SELECT p.id, p.title, p.status,
              coalesce(array_agg(pc.city_id) FILTER (WHERE m.id IS NOT NULL AND pc.status = 'member'), '{}') AS member_city_ids,
              coalesce(array_agg(pc.city_id) FILTER (WHERE m.role = 'coordinator' AND pc.status = 'member'), '{}') AS coordinated_member_city_ids,
              coalesce(array_agg(pc.city_id) FILTER (WHERE m.id IS NOT NULL AND pc.status = 'invited'), '{}') AS invited_city_ids,
              coalesce(array_agg(pc.city_id) FILTER (WHERE m.role = 'coordinator' AND pc.status = 'invited'), '{}') AS coordinated_invited_city_ids,
              coalesce(array_agg(pc.city_id) FILTER (WHERE m.id IS NOT NULL), '{}') AS involved_city_ids
         FROM partnerships p
         LEFT JOIN partnership_cities pc ON pc.partnership_id = p.id
         LEFT JOIN city_memberships m ON m.city_id = pc.city_id AND m.user_id = $2 AND m.status = 'approved'
        WHERE p.id = ANY($1::uuid[])
        GROUP BY p.id`,
      [ids, userId],
    );
  }

  forums(
    userId: string,
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ForumAccessRow[]> {
    return manager.query(
      `SELECT f.id, f.kind, f.theme, f.partnership_id, p.title AS partnership_title, p.status AS partnership_status,
              f.course_id, f.course_title,
              EXISTS (SELECT 1 FROM partnership_cities pc
                        JOIN city_memberships m ON m.city_id = pc.city_id
                       WHERE pc.partnership_id = f.partnership_id AND pc.status = 'member'
                         AND m.user_id = $2 AND m.status = 'approved') AS is_member,
              EXISTS (SELECT 1 FROM partnership_cities pc
                        JOIN city_memberships m ON m.city_id = pc.city_id
                       WHERE pc.partnership_id = f.partnership_id AND pc.status = 'member'
                         AND m.user_id = $2 AND m.status = 'approved' AND m.role = 'coordinator') AS is_coordinator
         FROM forums f LEFT JOIN partnerships p ON p.id = f.partnership_id
        WHERE f.id = ANY($1::uuid[])`,
      [ids, userId],
    );
  }

  /** The forum a thread is in, if the thread exists. */
  async forumOfThread(threadId: string, manager: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    const rows: { forum_id: string }[] = await manager.query(`SELECT forum_id FROM threads WHERE id = $1`, [threadId]);
    return rows[0]?.forum_id;
  }

  /** The partnership a study visit belongs to, if the visit exists. */
  async partnershipOfVisit(
    visitId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string | undefined> {
    const rows: { partnership_id: string }[] = await manager.query(`SELECT partnership_id FROM visits WHERE id = $1`, [
      visitId,
    ]);
    return rows[0]?.partnership_id;
  }

  /**
   * SQL condition on a forums alias: the forums `userParam` may read. Admins read every forum;
   * everyone reads the public ones (theme and course forums); partnership forums need an approved
   * official of a member city.
   */
  readableForumsSql(alias: string, userParam: string, isAdmin: boolean): string {
    if (isAdmin) return 'TRUE';
    return `(${alias}.kind IN ('theme', 'course') OR ${alias}.partnership_id IN (
      SELECT pc.partnership_id FROM partnership_cities pc
        JOIN city_memberships m ON m.city_id = pc.city_id
       WHERE pc.status = 'member' AND m.user_id = ${userParam} AND m.status = 'approved'))`;
  }

  /** Of the given users, those who can read the forum: everyone in public forums; members and admins otherwise. */
  async usersWhoCanRead(
    forumId: string,
    userIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT u.id FROM users u, forums f
        WHERE f.id = $1 AND u.id = ANY($2::uuid[])
          AND (f.kind IN ('theme', 'course') OR 'admin' = ANY(u.roles) OR EXISTS (
                SELECT 1 FROM partnership_cities pc JOIN city_memberships m ON m.city_id = pc.city_id
                 WHERE pc.partnership_id = f.partnership_id AND pc.status = 'member'
                   AND m.user_id = u.id AND m.status = 'approved'))`,
      [forumId, userIds],
    );
    return rows.map((r) => r.id);
  }

  workshops(
    userId: string,
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<WorkshopAccessRow[]> {
    return manager.query(
      `SELECT w.id, w.title, w.status, w.scope, w.partnership_id,
              EXISTS (SELECT 1 FROM workshop_facilitators f WHERE f.workshop_id = w.id AND f.user_id = $2) AS is_facilitator,
              ((w.partnership_id IS NOT NULL AND EXISTS (
                 SELECT 1 FROM partnership_cities pc JOIN city_memberships m ON m.city_id = pc.city_id
                  WHERE pc.partnership_id = w.partnership_id AND pc.status = 'member'
                    AND m.user_id = $2 AND m.status = 'approved'))
               OR (w.city_id IS NOT NULL AND EXISTS (
                 SELECT 1 FROM city_memberships m
                  WHERE m.city_id = w.city_id AND m.user_id = $2 AND m.status = 'approved'))) AS is_member,
              a.registered, a.removed_at, a.muted_until
         FROM workshops w
         LEFT JOIN workshop_attendees a ON a.workshop_id = w.id AND a.user_id = $2
        WHERE w.id = ANY($1::uuid[])`,
      [ids, userId],
    );
  }

  /** SQL condition on a workshops alias: the workshops `userParam` may see (list queries). */
  visibleWorkshopsSql(alias: string, userParam: string, isAdmin: boolean): string {
    if (isAdmin) return 'TRUE';
    return `(${alias}.scope = 'public'
      OR EXISTS (SELECT 1 FROM workshop_facilitators vf WHERE vf.workshop_id = ${alias}.id AND vf.user_id = ${userParam})
      OR ${alias}.partnership_id IN (
        SELECT pc.partnership_id FROM partnership_cities pc
          JOIN city_memberships m ON m.city_id = pc.city_id
         WHERE pc.status = 'member' AND m.user_id = ${userParam} AND m.status = 'approved')
      OR ${alias}.city_id IN (
        SELECT m.city_id FROM city_memberships m WHERE m.user_id = ${userParam} AND m.status = 'approved'))`;
  }
}
