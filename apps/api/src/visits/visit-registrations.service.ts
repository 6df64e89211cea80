import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationsPublisher } from '../realtime/notifications.publisher';
import {
  ErrorCode,
  type MyRegistrationDto,
  type RegistrationStatus,
  type RosterEntryDto,
  type VisitParticipantDto,
} from '@twinning/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { csvDateTime, toCsvDocument } from '../common/csv';
import { NotificationsService, type CreatedNotifications } from '../notifications';
import type { VisitRegistrationDto } from './dto/visits.dto';
import { VisitAccess } from './visit-access';
import { VisitInvitations } from './visit-invitations';
import { toParticipant, toRosterEntry, VisitRegistrationsRepository } from './visit-registrations.repository';
import type { VisitRecord } from './visit-rows';
import { VisitWaitlist } from './visit-waitlist';

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
    private readonly registrations: VisitRegistrationsRepository,
    private readonly visitAccess: VisitAccess,
    private readonly waitlist: VisitWaitlist,
    private readonly notifications: NotificationsService,
    private readonly realtime: NotificationsPublisher,
    private readonly invitations: VisitInvitations,
  ) {}

  async register(user: AuthUser, id: string, dto: VisitRegistrationDto): Promise<MyRegistrationDto> {
    const created = await this.dataSource.transaction(async (manager): Promise<CreatedNotifications> => {
      const { visit, member } = await this.visitAccess.require(user, id, { manager, lock: 'update' });
      if (!member) throw AppError.forbidden("Only officials of the partnership's cities can register.");
      registrationOpen(visit);
      const existing = await this.registrations.find(id, user.id, manager);
      const active = existing && existing.status !== 'cancelled' ? existing : null;
      const details = {
        accompanying: dto.accompanying ?? active?.accompanying ?? 0,
        dietary: dto.dietary ?? active?.dietary ?? '',
        accessibility: dto.accessibility ?? active?.accessibility ?? '',
      };
      const { accompanying } = details;
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
        const waiting = await this.registrations.countWaitlisted(id, manager);
        const status: RegistrationStatus = waiting === 0 && places <= free ? 'registered' : 'waitlisted';
        await this.registrations.upsert(id, user.id, status, details, manager);
        if (status === 'registered') await this.registrations.takePlaces(id, places, manager);
        // the calendar invitation: CONFIRMED, or TENTATIVE on the waitlist (once the dates are fixed)
        await this.invitations.send(manager, id, 'current', [user.id]);
        // The delegate is told too: the confirmation (or waitlist place) is what they keep.
        return this.notifications.create(manager, [
          {
            userId: user.id,
            kind: 'visit.registration',
            payload: { visit: ref, status, position: status === 'waitlisted' ? waiting + 1 : null },
          },
        ]);
      }

      await this.registrations.updateDetails(active.id, details, manager);
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
        await this.registrations.takePlaces(id, delta, manager);
        if (delta > 0) return { items: [] };
      }
      // Fewer places taken, or a waitlisted delegate needing fewer: the queue may move.
      return this.waitlist.promote(manager, ref, user.id);
    });
    await this.notifications.publish(created);
    this.realtime.visitChanged(id, 'registrations');
    return this.mine(user, id);
  }

  /** Cancels the viewer's registration; a registered place freed promotes the waitlist in order. */
  async cancel(user: AuthUser, id: string): Promise<void> {
    const created = await this.dataSource.transaction(async (manager): Promise<CreatedNotifications> => {
      const { visit } = await this.visitAccess.require(user, id, { manager, lock: 'update' });
      const existing = await this.registrations.findActive(id, user.id, manager);
      if (!existing) throw AppError.notFound('Registration');
      registrationOpen(visit);
      await this.registrations.markCancelled(existing.id, manager);
      await this.invitations.send(manager, id, 'unregistered', [user.id]);
      if (existing.status !== 'registered') return { items: [] };
      await this.registrations.freePlaces(id, 1 + existing.accompanying, manager);
      return this.waitlist.promote(manager, { id, title: visit.title }, user.id);
    });
    await this.notifications.publish(created);
    this.realtime.visitChanged(id, 'registrations');
  }

  /** The viewer's own registration, with their needs; 404 when they have none. */
  async mine(user: AuthUser, id: string): Promise<MyRegistrationDto> {
    await this.visitAccess.require(user, id);
    const mine = await this.registrations.mine(id, user.id);
    if (!mine) throw AppError.notFound('Registration');
    return mine;
  }

  /** The delegation, registered first then the waitlist in order, with needs: coordinators only. */
  async roster(user: AuthUser, id: string): Promise<RosterEntryDto[]> {
    return (await this.rosterOf(user, id)).roster;
  }

  /**
   * The delegation as everyone who may see the visit sees it: names, cities, roles and places.
   * Dietary and accessibility needs appear only on the viewer's own row, or for coordinators.
   */
  async participants(user: AuthUser, id: string): Promise<VisitParticipantDto[]> {
    const { visit, coordinator } = await this.visitAccess.require(user, id);
    const rows = await this.registrations.delegation(id, visit.partnership_id);
    return rows.map((row) => toParticipant(row, coordinator || row.user_id === user.id));
  }

  /**
   * The roster as a spreadsheet-ready CSV (byte-order mark, CRLF, formula-safe cells), with a header
   * row; registration times are wall time in the host city's zone, which the header names.
   */
  async rosterCsv(user: AuthUser, id: string): Promise<string> {
    const { roster, timeZone } = await this.rosterOf(user, id);
    return toCsvDocument(
      [
        'Name',
        'Email',
        'City',
        'Status',
        'Waitlist position',
        'Accompanying persons',
        'Places',
        'Dietary needs',
        'Accessibility needs',
        `Registered at (${timeZone})`,
      ],
      roster.map((e) => [
        e.user.displayName,
        e.user.email,
        e.city?.name ?? '',
        e.status,
        e.position === null ? '' : String(e.position),
        String(e.accompanying),
        String(e.places),
        e.dietary,
        e.accessibility,
        csvDateTime(e.createdAt, timeZone),
      ]),
    );
  }

  private async rosterOf(user: AuthUser, id: string): Promise<{ roster: RosterEntryDto[]; timeZone: string }> {
    const { visit } = await this.visitAccess.require(user, id, {
      coordinator: "Only the visit's coordinators can see the delegation roster.",
    });
    return {
      roster: (await this.registrations.delegation(id, visit.partnership_id)).map(toRosterEntry),
      timeZone: visit.time_zone,
    };
  }
}
