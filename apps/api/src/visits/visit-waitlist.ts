import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationsService, type CreatedNotifications } from '../notifications';
import { VisitInvitations } from './visit-invitations';
import { VisitRegistrationsRepository } from './visit-registrations.repository';

/**
 * Moves waitlisted delegates onto the delegation, strictly first come, first served: the head of
 * the queue is promoted while its places (1 + accompanying) fit in what is free; the first that
 * does not fit stops the promotion, so nobody behind it jumps the queue. The caller holds the visit
 * row lock. Each promoted delegate is notified (published by the caller after commit) and mailed
 * the calendar update (CONFIRMED).
 */
@Injectable()
export class VisitWaitlist {
  constructor(
    private readonly registrations: VisitRegistrationsRepository,
    private readonly notifications: NotificationsService,
    private readonly invitations: VisitInvitations,
  ) {}

  async promote(
    manager: EntityManager,
    visit: { id: string; title: string },
    actorId: string,
  ): Promise<CreatedNotifications> {
    const promoted = await this.registrations.promoteWaitlisted(visit.id, manager);
    if (promoted.length === 0) return { items: [] };
    await this.registrations.takePlaces(
      visit.id,
      promoted.reduce((sum, p) => sum + p.places, 0),
      manager,
    );
    // their calendar's tentative entry becomes confirmed
    await this.invitations.send(
      manager,
      visit.id,
      'promoted',
      promoted.map((p) => p.user_id),
    );
    return this.notifications.create(
      manager,
      promoted.map((p) => ({
        userId: p.user_id,
        kind: 'visit.promoted' as const,
        payload: { visit },
      })),
      actorId,
    );
  }
}
