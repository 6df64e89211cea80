import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MyRegistrationDto, RegistrationStatus, RosterEntryDto, VisitParticipantDto } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { personJson, toPerson, type PersonJson } from '../common/person-sql';
import { iso, returnedRows } from '../common/sql';

export interface RegistrationRow {
  id: string;
  status: RegistrationStatus;
  accompanying: number;
  dietary: string;
  accessibility: string;
}

export interface RegistrationDetails {
  accompanying: number;
  dietary: string;
  accessibility: string;
}

/** 1-based place in the waitlist of registration alias `r` (null unless waitlisted). */
const POSITION_SQL = `CASE WHEN r.status = 'waitlisted' THEN
  (SELECT count(*)::int FROM visit_registrations w
    WHERE w.visit_id = r.visit_id AND w.status = 'waitlisted' AND (w.queued_at, w.id) <= (r.queued_at, r.id)) END`;

/**
 * `visit_registrations`, and the count of places they take on their visit (`visits.places_taken`,
 * kept exact under the visit row lock the services hold).
 */
@Injectable()
export class VisitRegistrationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The user's registration on the visit, whatever its status (a cancelled one is reused). */
  async find(
    visitId: string,
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RegistrationRow | undefined> {
    const [row]: RegistrationRow[] = await manager.query(
      `SELECT id, status, accompanying, dietary, accessibility FROM visit_registrations
        WHERE visit_id = $1 AND user_id = $2`,
      [visitId, userId],
    );
    return row;
  }

  /** The user's registration unless cancelled (id, status and accompanying persons only). */
  async findActive(
    visitId: string,
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Pick<RegistrationRow, 'id' | 'status' | 'accompanying'> | undefined> {
    const [row]: RegistrationRow[] = await manager.query(
      `SELECT id, status, accompanying FROM visit_registrations
        WHERE visit_id = $1 AND user_id = $2 AND status <> 'cancelled'`,
      [visitId, userId],
    );
    return row;
  }

  async countWaitlisted(visitId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [{ waiting }]: { waiting: number }[] = await manager.query(
      `SELECT count(*)::int AS waiting FROM visit_registrations WHERE visit_id = $1 AND status = 'waitlisted'`,
      [visitId],
    );
    return waiting;
  }

  /** A new registration, or a cancelled one made new again (back of the queue, new creation time). */
  async upsert(
    visitId: string,
    userId: string,
    status: RegistrationStatus,
    details: RegistrationDetails,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO visit_registrations (visit_id, user_id, status, accompanying, dietary, accessibility)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (visit_id, user_id) DO UPDATE
         SET status = EXCLUDED.status, accompanying = EXCLUDED.accompanying, dietary = EXCLUDED.dietary,
             accessibility = EXCLUDED.accessibility, queued_at = clock_timestamp(),
             created_at = clock_timestamp(), updated_at = clock_timestamp(),
             calendar_sequence = visit_registrations.calendar_sequence + 1`,
      [visitId, userId, status, details.accompanying, details.dietary, details.accessibility],
    );
  }

  /** Changes the details of a registration; its status and place in the queue stay. */
  async updateDetails(
    id: string,
    details: RegistrationDetails,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `UPDATE visit_registrations SET accompanying = $2, dietary = $3, accessibility = $4, updated_at = clock_timestamp()
        WHERE id = $1`,
      [id, details.accompanying, details.dietary, details.accessibility],
    );
  }

  async markCancelled(id: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `UPDATE visit_registrations SET status = 'cancelled', updated_at = clock_timestamp(),
              calendar_sequence = calendar_sequence + 1
        WHERE id = $1`,
      [id],
    );
  }

  /** Adds places to the visit's count (a negative number frees them). */
  async takePlaces(visitId: string, places: number, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE visits SET places_taken = places_taken + $2 WHERE id = $1`, [visitId, places]);
  }

  /** Frees a cancelled registration's places. */
  async freePlaces(visitId: string, places: number, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE visits SET places_taken = places_taken - $2 WHERE id = $1`, [visitId, places]);
  }

  /**
   * Registers the head of the waitlist (by queued_at, id) while the running total of its places
   * (1 + accompanying each) fits in what is free: the first that does not fit stops it, so nobody
   * behind jumps the queue. One statement; the caller holds the visit row lock and counts the places.
   */
  async promoteWaitlisted(
    visitId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ user_id: string; places: number }[]> {
    return returnedRows<{ user_id: string; places: number }>(
      await manager.query(
        `WITH queue AS (
       SELECT r.id, sum(1 + r.accompanying) OVER (ORDER BY r.queued_at, r.id) AS running
         FROM visit_registrations r
        WHERE r.visit_id = $1 AND r.status = 'waitlisted'
     ), free AS (
       SELECT capacity - places_taken AS places FROM visits WHERE id = $1
     )
     UPDATE visit_registrations r
        SET status = 'registered', updated_at = clock_timestamp(), calendar_sequence = r.calendar_sequence + 1
       FROM queue q, free f
      WHERE r.id = q.id AND q.running <= f.places
     RETURNING r.user_id, 1 + r.accompanying AS places`,
        [visitId],
      ),
    );
  }

  /** Users holding a place on the delegation. */
  async registeredUserIds(visitId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `SELECT user_id FROM visit_registrations WHERE visit_id = $1 AND status = 'registered'`,
      [visitId],
    );
    return rows.map((r) => r.user_id);
  }

  /** Users registered or waitlisted. */
  async activeUserIds(visitId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `SELECT user_id FROM visit_registrations WHERE visit_id = $1 AND status IN ('registered', 'waitlisted')`,
      [visitId],
    );
    return rows.map((r) => r.user_id);
  }

  /** The user's own registration with their needs and waitlist position (undefined when none). */
  async mine(visitId: string, userId: string): Promise<MyRegistrationDto | undefined> {
    const [row]: (RegistrationRow & { position: number | null; created_at: Date })[] = await this.dataSource.query(
      `SELECT r.status, r.accompanying, r.dietary, r.accessibility, r.created_at, ${POSITION_SQL} AS position
         FROM visit_registrations r
        WHERE r.visit_id = $1 AND r.user_id = $2 AND r.status <> 'cancelled'`,
      [visitId, userId],
    );
    if (!row) return undefined;
    return {
      status: row.status,
      accompanying: row.accompanying,
      dietary: row.dietary,
      accessibility: row.accessibility,
      position: row.position,
      createdAt: iso(row.created_at),
    };
  }

  /**
   * The delegation, registered first then the waitlist in order, with needs, each delegate as a
   * person of the partnership, and their city in it (the first by name when they belong to several).
   * One query; the services decide who sees needs and email.
   */
  async delegation(visitId: string, partnershipId: string): Promise<DelegateRow[]> {
    return this.dataSource.query(
      `SELECT u.id AS user_id, u.display_name, u.email, ${personJson('u', '$2')} AS person,
              c.id AS city_id, c.slug AS city_slug, c.name AS city_name,
              r.status, r.accompanying, r.dietary, r.accessibility, r.created_at,
              CASE WHEN r.status = 'waitlisted'
                   THEN row_number() OVER (PARTITION BY r.status ORDER BY r.queued_at, r.id)::int END AS position
         FROM visit_registrations r
         JOIN users u ON u.id = r.user_id
         LEFT JOIN LATERAL (
           SELECT c.id, c.slug, c.name FROM partnership_cities pc
             JOIN city_memberships m ON m.city_id = pc.city_id AND m.user_id = r.user_id AND m.status = 'approved'
             JOIN cities c ON c.id = pc.city_id
            WHERE pc.partnership_id = $2 AND pc.status = 'member'
            ORDER BY c.name LIMIT 1) c ON TRUE
        WHERE r.visit_id = $1 AND r.status <> 'cancelled'
        ORDER BY (r.status = 'waitlisted'), r.queued_at, r.id`,
      [visitId, partnershipId],
    );
  }
}

/** A row of the delegation (see `delegation`). */
export interface DelegateRow {
  user_id: string;
  display_name: string;
  email: string;
  person: PersonJson;
  city_id: string | null;
  city_slug: string | null;
  city_name: string | null;
  status: RegistrationStatus;
  accompanying: number;
  dietary: string;
  accessibility: string;
  position: number | null;
  created_at: Date;
}

/** Coordinators' roster row: with needs and email. */
export function toRosterEntry(r: DelegateRow): RosterEntryDto {
  return {
    user: { ...toPerson(r.person), email: r.email },
    city: r.city_id ? { id: r.city_id, slug: r.city_slug ?? '', name: r.city_name ?? '' } : null,
    status: r.status,
    accompanying: r.accompanying,
    places: 1 + r.accompanying,
    dietary: r.dietary,
    accessibility: r.accessibility,
    position: r.position,
    createdAt: iso(r.created_at),
  };
}

/**
 * A participant as members see them: name, city, role, place. Needs only when `withNeeds` (the
 * person themself, or a coordinator); the key is absent otherwise, and email never appears.
 */
export function toParticipant(r: DelegateRow, withNeeds: boolean): VisitParticipantDto {
  const participant: VisitParticipantDto = {
    person: toPerson(r.person),
    status: r.status,
    places: 1 + r.accompanying,
    position: r.position,
  };
  if (withNeeds) participant.needs = { dietary: r.dietary, accessibility: r.accessibility };
  return participant;
}
