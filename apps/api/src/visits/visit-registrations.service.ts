import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationsPublisher } from '../realtime/notifications.publisher';
import { ErrorCode, type MyRegistrationDto, type RegistrationStatus, type RosterEntryDto } from '@twinning/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { toCsvRow } from '../common/csv';
import { NotificationsService, type CreatedNotifications } from '../notifications';
import type { VisitRegistrationDto } from './dto/visits.dto';
import { VisitAccess, type VisitRecord } from './visit-access';

import { promoteWaitlist } from './visit-waitlist';
import { iso } from '../common/sql';

interface RegistrationRow {
  id: string;
  status: RegistrationStatus;
  accompanying: number;
  dietary: string;
  accessibility: string;
}

/** 1-based place in the waitlist of registration alias `r` (null unless waitlisted). */
const POSITION_SQL = `CASE WHEN r.status = 'waitlisted' THEN
  (SELECT count(*)::int FROM visit_registrations w
    WHERE w.visit_id = r.visit_id AND w.status = 'waitlisted' AND (w.queued_at, w.id) <= (r.queued_at, r.id)) END`;

function registrationOpen(visit: VisitRecord): void {
  if (visit.status !== 'open' && visit.status !== 'confirmed') {
    throw new AppError(
      ErrorCode.INVALID_STATE,
      visit.status === 'draft'
        ? 'This visit is not open for registration yet.'
        : `This visit is ${visit.status}; registration is closed.`,
    );
  }
}

/**
 * Delegates register themselves (with up to five accompanying persons, each taking a place).
 * Every change locks the visit row (SELECT … FOR UPDATE) and keeps visits.places_taken exact, so
 * concurrent registrations never overbook; the CHECK places_taken <= capacity backs this up.
 *
 * - A new registration is `registered` when its places fit and nobody is waiting, else it joins the
 *   back of the waitlist (strict first come, first served: nobody overtakes the queue).
 * - Changing the number of accompanying persons on a registered place: fewer frees places (the
 *   waitlist moves up); more is accepted only if the extra places are free — otherwise it is
 *   refused (VALIDATION_FAILED on `accompanying`) and the delegate keeps their place, rather than
 *   being sent to the back of the waitlist.
 * - A waitlisted delegate may change their details and keeps their place in the queue.
 * - After the deadline, new registrations and changes to accompanying persons are refused; dietary
 *   and accessibility needs can still be updated, and cancelling is always possible.
 */
@Injectable()
export class VisitRegistrationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly visitAccess: VisitAccess,
    private readonly notifications: NotificationsService,
    private readonly realtime: NotificationsPublisher,
  ) {}

  async register(user: AuthUser, id: string, dto: VisitRegistrationDto): Promise<MyRegistrationDto> {
    const created = await this.dataSource.transaction(async (manager): Promise<CreatedNotifications> => {
      const { visit, member } = await this.visitAccess.require(user, id, { manager, lock: 'update' });
      if (!member) throw AppError.forbidden("Only officials of the partnership's cities can register.");
      registrationOpen(visit);
      const [existing]: RegistrationRow[] = await manager.query(
        `SELECT id, status, accompanying, dietary, accessibility FROM visit_registrations
          WHERE visit_id = $1 AND user_id = $2`,
        [id, user.id],
      );
      const active = existing && existing.status !== 'cancelled' ? existing : null;
      const accompanying = dto.accompanying ?? active?.accompanying ?? 0;
      const dietary = dto.dietary ?? active?.dietary ?? '';
      const accessibility = dto.accessibility ?? active?.accessibility ?? '';
      const deadline = visit.registration_deadline;
      if (deadline && new Date(deadline).getTime() <= Date.now() && (!active || accompanying !== active.accompanying)) {
        throw new AppError(
          ErrorCode.INVALID_STATE,
          `Registration closed on ${new Date(deadline).toISOString()}` +
            (active ? '; accompanying persons can no longer change.' : '.'),
        );
      }
      const places = 1 + accompanying;
      const free = visit.capacity - visit.places_taken;
      const ref = { id, title: visit.title };

      if (!active) {
        const [{ waiting }]: { waiting: number }[] = await manager.query(
          `SELECT count(*)::int AS waiting FROM visit_registrations WHERE visit_id = $1 AND status = 'waitlisted'`,
          [id],
        );
        const status: RegistrationStatus = waiting === 0 && places <= free ? 'registered' : 'waitlisted';
        await manager.query(
          `INSERT INTO visit_registrations (visit_id, user_id, status, accompanying, dietary, accessibility)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (visit_id, user_id) DO UPDATE
             SET status = EXCLUDED.status, accompanying = EXCLUDED.accompanying, dietary = EXCLUDED.dietary,
                 accessibility = EXCLUDED.accessibility, queued_at = clock_timestamp(),
                 created_at = clock_timestamp(), updated_at = clock_timestamp()`,
          [id, user.id, status, accompanying, dietary, accessibility],
        );
        if (status === 'registered') {
          await manager.query(`UPDATE visits SET places_taken = places_taken + $2 WHERE id = $1`, [id, places]);
        }
        // The delegate is told too: the confirmation (or waitlist place) is what they keep.
        return this.notifications.create(manager, [
          {
            userId: user.id,
            kind: 'visit.registration',
            payload: { visit: ref, status, position: status === 'waitlisted' ? waiting + 1 : null },
          },
        ]);
      }

      await manager.query(
        `UPDATE visit_registrations SET accompanying = $2, dietary = $3, accessibility = $4, updated_at = clock_timestamp()
          WHERE id = $1`,
        [active.id, accompanying, dietary, accessibility],
      );
      if (active.status === 'registered') {
        const delta = places - (1 + active.accompanying);
        if (delta > free) {
          throw AppError.validation({
            accompanying: [
              free === 0
                ? 'no more places are free; your registration is unchanged'
                : `only ${free} more place${free === 1 ? ' is' : 's are'} free; your registration is unchanged`,
            ],
          });
        }
        if (delta === 0) return { items: [] };
        await manager.query(`UPDATE visits SET places_taken = places_taken + $2 WHERE id = $1`, [id, delta]);
        if (delta > 0) return { items: [] };
      }
      // Fewer places taken, or a waitlisted delegate needing fewer: the queue may move.
      return promoteWaitlist(manager, this.notifications, ref, user.id);
    });
    await this.notifications.publish(created);
    this.realtime.visitChanged(id, 'registrations');
    return this.mine(user, id);
  }

  /** Cancels the viewer's registration; a registered place freed promotes the waitlist in order. */
  async cancel(user: AuthUser, id: string): Promise<void> {
    const created = await this.dataSource.transaction(async (manager): Promise<CreatedNotifications> => {
      const { visit } = await this.visitAccess.require(user, id, { manager, lock: 'update' });
      const [existing]: RegistrationRow[] = await manager.query(
        `SELECT id, status, accompanying FROM visit_registrations
          WHERE visit_id = $1 AND user_id = $2 AND status <> 'cancelled'`,
        [id, user.id],
      );
      if (!existing) throw AppError.notFound('Registration');
      registrationOpen(visit);
      await manager.query(
        `UPDATE visit_registrations SET status = 'cancelled', updated_at = clock_timestamp() WHERE id = $1`,
        [existing.id],
      );
      if (existing.status !== 'registered') return { items: [] };
      await manager.query(`UPDATE visits SET places_taken = places_taken - $2 WHERE id = $1`, [
        id,
        1 + existing.accompanying,
      ]);
      return promoteWaitlist(manager, this.notifications, { id, title: visit.title }, user.id);
    });
    await this.notifications.publish(created);
    this.realtime.visitChanged(id, 'registrations');
  }

  /** The viewer's own registration, with their needs; 404 when they have none. */
  async mine(user: AuthUser, id: string): Promise<MyRegistrationDto> {
    await this.visitAccess.require(user, id);
    const [row]: (RegistrationRow & { position: number | null; created_at: Date })[] = await this.dataSource.query(
      `SELECT r.status, r.accompanying, r.dietary, r.accessibility, r.created_at, ${POSITION_SQL} AS position
         FROM visit_registrations r
        WHERE r.visit_id = $1 AND r.user_id = $2 AND r.status <> 'cancelled'`,
      [id, user.id],
    );
    if (!row) throw AppError.notFound('Registration');
    return {
      status: row.status,
      accompanying: row.accompanying,
      dietary: row.dietary,
      accessibility: row.accessibility,
      position: row.position,
      createdAt: iso(row.created_at),
    };
  }

  /** The delegation, registered first then the waitlist in order, with needs: coordinators only. */
  async roster(user: AuthUser, id: string): Promise<RosterEntryDto[]> {
    const { visit } = await this.visitAccess.require(user, id, {
      coordinator: "Only the visit's coordinators can see the delegation roster.",
    });
    const rows: {
      user_id: string;
      display_name: string;
      email: string;
      city_id: string | null;
      city_slug: string | null;
      city_name: string | null;
      status: RegistrationStatus;
      accompanying: number;
      dietary: string;
      accessibility: string;
      position: number | null;
      created_at: Date;
    }[] = await this.dataSource.query(
      `SELECT u.id AS user_id, u.display_name, u.email, c.id AS city_id, c.slug AS city_slug, c.name AS city_name,
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
      [id, visit.partnership_id],
    );
    return rows.map((r) => ({
      user: { id: r.user_id, displayName: r.display_name, email: r.email },
      city: r.city_id ? { id: r.city_id, slug: r.city_slug ?? '', name: r.city_name ?? '' } : null,
      status: r.status,
      accompanying: r.accompanying,
      places: 1 + r.accompanying,
      dietary: r.dietary,
      accessibility: r.accessibility,
      position: r.position,
      createdAt: iso(r.created_at),
    }));
  }

  /** The roster as CSV (RFC 4180, formula-safe cells), with a header row. */
  async rosterCsv(user: AuthUser, id: string): Promise<string> {
    const roster = await this.roster(user, id);
    return (
      toCsvRow([
        'Name',
        'Email',
        'City',
        'Status',
        'Waitlist position',
        'Accompanying persons',
        'Places',
        'Dietary needs',
        'Accessibility needs',
        'Registered at',
      ]) +
      roster
        .map((e) =>
          toCsvRow([
            e.user.displayName,
            e.user.email,
            e.city?.name ?? '',
            e.status,
            e.position === null ? '' : String(e.position),
            String(e.accompanying),
            String(e.places),
            e.dietary,
            e.accessibility,
            e.createdAt,
          ]),
        )
        .join('')
    );
  }
}
