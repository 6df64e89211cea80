import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CityRole,
  PartnershipCityStatus,
  PartnershipDetailDto,
  PartnershipMemberDto,
  PartnershipStatus,
  PartnershipSummaryDto,
  Theme,
  UpdatePartnershipRequest,
} from '@twinning/contracts';
import { personJson, toPerson, type PersonJson } from '../common/person-sql';
import { DataSource, type EntityManager } from 'typeorm';
import { assignments } from './partnership-rows';

/** A partnership in a list, with its cities and the viewer's role in each (null: not theirs). */
export interface PartnershipListRow {
  id: string;
  title: string;
  status: PartnershipStatus;
  themes: PartnershipSummaryDto['themes'];
  created_at: Date;
  updated_at: Date;
  /** updated_at as PostgreSQL prints it (microseconds kept), for cursors. */
  updated_key: string;
  cities: { id: string; slug: string; name: string; status: PartnershipCityStatus; my_role: CityRole | null }[];
}

export interface PartnershipRow {
  id: string;
  title: string;
  status: PartnershipStatus;
  themes: PartnershipDetailDto['themes'];
  goals: string;
  created_at: Date;
  updated_at: Date;
  concluded_at: Date | null;
  forum_id: string | null;
}

/** An invitation of a city into a partnership (the proposing city has none: invitedByCityId null). */
export interface InvitationRow {
  city: { id: string; slug: string; name: string };
  status: PartnershipCityStatus;
  invitedBy: string | null;
  invitedByCityId: string | null;
}

/** Partnerships and their cities (partnership_cities). */
@Injectable()
export class PartnershipsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Partnerships, latest activity first, with the viewer's role in each city. `onlyViewers`: those
   * the viewer's cities are part of. `after` is the previous page's last (updated_key, id).
   */
  list(filter: {
    viewerId: string;
    onlyViewers: boolean;
    status?: PartnershipStatus;
    after: [string, string] | null;
    take: number;
  }): Promise<PartnershipListRow[]> {
    const params: unknown[] = [filter.viewerId];
    const where: string[] = [];
    if (filter.onlyViewers) {
      where.push(`p.id IN (SELECT pc.partnership_id FROM partnership_cities pc
                             JOIN city_memberships m ON m.city_id = pc.city_id
                            WHERE m.user_id = $1 AND m.status = 'approved')`);
    }
    if (filter.status) {
      params.push(filter.status);
      where.push(`p.status = $${params.length}`);
    }
    if (filter.after) {
      params.push(filter.after[0], filter.after[1]);
      where.push(`(p.updated_at, p.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(filter.take);
    return this.dataSource.query(
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
  }

  /** The partnership with its forum's id. */
  async findById(id: string): Promise<PartnershipRow | undefined> {
    const [row]: PartnershipRow[] = await this.dataSource.query(
      `SELECT p.*, f.id AS forum_id FROM partnerships p LEFT JOIN forums f ON f.partnership_id = p.id WHERE p.id = $1`,
      [id],
    );
    return row;
  }

  /** Officials of the member cities, by city, coordinators first; each as a person of this partnership. */
  async members(id: string): Promise<PartnershipMemberDto[]> {
    const rows: {
      person: PersonJson;
      city_id: string;
      city_slug: string;
      city_name: string;
      role: CityRole;
    }[] = await this.dataSource.query(
      `SELECT ${personJson('u', 'pc.partnership_id')} AS person, c.id AS city_id, c.slug AS city_slug, c.name AS city_name, m.role
         FROM partnership_cities pc
         JOIN cities c ON c.id = pc.city_id
         JOIN city_memberships m ON m.city_id = pc.city_id AND m.status = 'approved'
         JOIN users u ON u.id = m.user_id
        WHERE pc.partnership_id = $1 AND pc.status = 'member'
        ORDER BY c.name, (m.role = 'coordinator') DESC, u.display_name, u.id`,
      [id],
    );
    return rows.map((m) => ({
      user: toPerson(m.person),
      city: { id: m.city_id, slug: m.city_slug, name: m.city_name },
      cityRole: m.role,
      role: m.role === 'coordinator' ? 'coordinator' : 'member',
    }));
  }

  /** Locks the partnership row; false when there is none. */
  async lock(manager: EntityManager, id: string): Promise<boolean> {
    const locked = await manager.query(`SELECT id FROM partnerships WHERE id = $1 FOR UPDATE`, [id]);
    return locked.length > 0;
  }

  /** Serialises proposals between the same two cities until the transaction ends. */
  async lockPair(manager: EntityManager, cityA: string, cityB: string): Promise<void> {
    const pair = [cityA, cityB].sort().join(':');
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`partnership:${pair}`]);
  }

  /** A proposed or active partnership both cities are in (as members or invited). */
  async findOpenBetween(
    manager: EntityManager,
    cityA: string,
    cityB: string,
  ): Promise<{ id: string; status: PartnershipStatus } | undefined> {
    const rows: { id: string; status: PartnershipStatus }[] = await manager.query(
      `SELECT p.id, p.status FROM partnerships p
        WHERE p.status IN ('proposed', 'active')
          AND EXISTS (SELECT 1 FROM partnership_cities a WHERE a.partnership_id = p.id AND a.city_id = $1
                        AND a.status IN ('member', 'invited'))
          AND EXISTS (SELECT 1 FROM partnership_cities b WHERE b.partnership_id = p.id AND b.city_id = $2
                        AND b.status IN ('member', 'invited'))
        LIMIT 1`,
      [cityA, cityB],
    );
    return rows[0];
  }

  /**
   * A new proposal: the partnership, the proposing city as member and the other as invited, and the
   * partnership's forum. Returns its id.
   */
  async insertProposal(
    manager: EntityManager,
    proposal: {
      title: string;
      themes: Theme[];
      goals: string;
      fromCityId: string;
      toCityId: string;
      actorId: string;
      message: string;
    },
  ): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO partnerships (title, status, themes, goals, created_by)
       VALUES ($1, 'proposed', $2, $3, $4) RETURNING id`,
      [proposal.title, proposal.themes, proposal.goals, proposal.actorId],
    );
    await manager.query(
      `INSERT INTO partnership_cities (partnership_id, city_id, status, invited_by, invited_by_city_id, message, decided_by, decided_at)
       VALUES ($1, $2, 'member', $4, NULL, '', $4, now()),
              ($1, $3, 'invited', $4, $2, $5, NULL, NULL)`,
      [row.id, proposal.fromCityId, proposal.toCityId, proposal.actorId, proposal.message],
    );
    await manager.query(`INSERT INTO forums (kind, partnership_id) VALUES ('partnership', $1)`, [row.id]);
    return row.id;
  }

  /** Sets the fields given (undefined: left as it is) and updated_at; false, and no statement, when none is. */
  async update(manager: EntityManager, id: string, changes: UpdatePartnershipRequest): Promise<boolean> {
    const params: unknown[] = [id];
    const sets = assignments(params, { title: changes.title, themes: changes.themes, goals: changes.goals });
    if (sets.length === 0) return false;
    await manager.query(`UPDATE partnerships SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
    return true;
  }

  async touch(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE partnerships SET updated_at = now() WHERE id = $1`, [id]);
  }

  async setStatus(manager: EntityManager, id: string, status: PartnershipStatus): Promise<void> {
    await manager.query(`UPDATE partnerships SET status = $2, updated_at = now() WHERE id = $1`, [id, status]);
  }

  /** A withdrawn invitation ends a proposal (not an active partnership). */
  async withdrawIfProposed(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE partnerships SET status = CASE WHEN status = 'proposed' THEN 'withdrawn' ELSE status END,
              updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  async conclude(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE partnerships SET status = 'concluded', concluded_at = now(), updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  async cityStatus(manager: EntityManager, id: string, cityId: string): Promise<PartnershipCityStatus | undefined> {
    const rows: { status: PartnershipCityStatus }[] = await manager.query(
      `SELECT status FROM partnership_cities WHERE partnership_id = $1 AND city_id = $2`,
      [id, cityId],
    );
    return rows[0]?.status;
  }

  async invitation(manager: EntityManager, id: string, cityId: string): Promise<InvitationRow | undefined> {
    const [row]: {
      id: string;
      slug: string;
      name: string;
      status: PartnershipCityStatus;
      invited_by: string | null;
      invited_by_city_id: string | null;
    }[] = await manager.query(
      `SELECT c.id, c.slug, c.name, pc.status, pc.invited_by, pc.invited_by_city_id
         FROM partnership_cities pc JOIN cities c ON c.id = pc.city_id
        WHERE pc.partnership_id = $1 AND pc.city_id = $2`,
      [id, cityId],
    );
    return (
      row && {
        city: { id: row.id, slug: row.slug, name: row.name },
        status: row.status,
        invitedBy: row.invited_by,
        invitedByCityId: row.invited_by_city_id,
      }
    );
  }

  /** Invites the city (again, when it declined or was withdrawn before). */
  async invite(
    manager: EntityManager,
    invitation: { partnershipId: string; cityId: string; invitedBy: string; invitedByCityId: string; message: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO partnership_cities (partnership_id, city_id, status, invited_by, invited_by_city_id, message)
       VALUES ($1, $2, 'invited', $3, $4, $5)
       ON CONFLICT (partnership_id, city_id) DO UPDATE
         SET status = 'invited', invited_by = EXCLUDED.invited_by, invited_by_city_id = EXCLUDED.invited_by_city_id,
             message = EXCLUDED.message, invited_at = now(), decided_by = NULL, decided_at = NULL`,
      [
        invitation.partnershipId,
        invitation.cityId,
        invitation.invitedBy,
        invitation.invitedByCityId,
        invitation.message,
      ],
    );
  }

  /** Records the answer to an invitation: the city's new status, who decided and when. */
  async closeInvitation(
    manager: EntityManager,
    id: string,
    cityId: string,
    status: PartnershipCityStatus,
    actorId: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE partnership_cities SET status = $3, decided_by = $4, decided_at = now()
        WHERE partnership_id = $1 AND city_id = $2`,
      [id, cityId, status, actorId],
    );
  }

  /** Pending invitations lapse (withdrawn by the actor). */
  async lapseInvitations(manager: EntityManager, id: string, actorId: string): Promise<void> {
    await manager.query(
      `UPDATE partnership_cities SET status = 'withdrawn', decided_by = $2, decided_at = now()
        WHERE partnership_id = $1 AND status = 'invited'`,
      [id, actorId],
    );
  }

  async memberCityIds(manager: EntityManager, id: string, exceptCityId: string): Promise<string[]> {
    const rows: { city_id: string }[] = await manager.query(
      `SELECT city_id FROM partnership_cities WHERE partnership_id = $1 AND status = 'member' AND city_id <> $2`,
      [id, exceptCityId],
    );
    return rows.map((r) => r.city_id);
  }

  /** Approved officials of the member cities, each once. */
  async memberOfficialIds(manager: EntityManager, id: string): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `SELECT DISTINCT m.user_id FROM partnership_cities pc
         JOIN city_memberships m ON m.city_id = pc.city_id AND m.status = 'approved'
        WHERE pc.partnership_id = $1 AND pc.status = 'member'`,
      [id],
    );
    return rows.map((r) => r.user_id);
  }

  async isMemberOfficial(manager: EntityManager, id: string, userId: string): Promise<boolean> {
    const rows = await manager.query(
      `SELECT 1 FROM partnership_cities pc
         JOIN city_memberships m ON m.city_id = pc.city_id AND m.status = 'approved'
        WHERE pc.partnership_id = $1 AND pc.status = 'member' AND m.user_id = $2 LIMIT 1`,
      [id, userId],
    );
    return rows.length > 0;
  }
}
