import { Inject, Injectable } from '@nestjs/common';
import type { CalendarMailReason } from '@twinning/contracts';
import type { EntityManager } from 'typeorm';
import { CalendarInvitations } from '../calendar';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { visitEvent } from './visit-calendar-event';
import { VisitCalendarRepository, type VisitInviteeRow } from './visit-calendar.repository';

/**
 * `current`: each registrant's own state (registered, or waitlisted and so TENTATIVE) — the first
 * invitation once the dates are fixed.
 */
export type VisitInvitationReason = CalendarMailReason | 'current';

/**
 * Mails the visit's calendar invitation (the whole visit, all day, UID and SEQUENCE as in its
 * `.ics` export plus the person's own changes) in the caller's transaction. Nothing while the visit
 * has no dates. One query for all recipients.
 */
@Injectable()
export class VisitInvitations {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendars: VisitCalendarRepository,
    private readonly invitations: CalendarInvitations,
  ) {}

  /** To these users (whatever their registration's state), or to everyone registered or waitlisted. */
  async send(
    manager: EntityManager,
    visitId: string,
    reason: VisitInvitationReason,
    userIds: string[] | null = null,
  ): Promise<void> {
    if (userIds?.length === 0) return;
    const rows = await this.calendars.invitees(manager, visitId, userIds);
    await this.invitations.send(
      manager,
      rows.map((row) => this.invitation(row, reason)),
    );
  }

  private invitation(row: VisitInviteeRow, reason: VisitInvitationReason) {
    const url = `${this.config.publicUrl}/visits/${row.id}`;
    const tentative = row.registration === 'waitlisted';
    return {
      recipient: {
        userId: row.user_id,
        email: row.email,
        displayName: row.display_name,
        language: row.preferred_language,
        timeZone: row.user_time_zone,
      },
      kind: 'visit' as const,
      reason: reason === 'current' ? (tentative ? 'waitlisted' : 'registered') : reason,
      event: visitEvent(row, url, tentative ? 'TENTATIVE' : 'CONFIRMED'),
      url,
      when: { days: { start: row.start_date, end: row.end_date } },
      hostTimeZone: row.time_zone,
      place: row.host_name,
    };
  }
}
