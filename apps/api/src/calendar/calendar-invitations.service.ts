import { Inject, Injectable } from '@nestjs/common';
import {
  MAIL_CALENDAR_TEXT,
  type CalendarMailEvent,
  type CalendarMailReason,
  type MailLanguage,
} from '@twinning/contracts';
import type { EntityManager } from 'typeorm';
import { buildCalendar, type IcsEvent, type IcsMethod } from '../common/icalendar';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MailService, renderMail, type OutgoingMail } from '../mail';

/** Who receives an invitation, as their account says. */
export interface InvitationRecipient {
  userId: string;
  email: string;
  displayName: string;
  language: MailLanguage;
  timeZone: string;
}

/** When the event happens: a visit's days (inclusive, host calendar) or a workshop's instants. */
export type InvitationWhen = { days: { start: string; end: string } } | { start: Date; end: Date };

/**
 * One invitation, update or cancellation of one event for one person. The feature builds the
 * event (UID, SEQUENCE — the event's plus the person's —, times, title, the page's URL);
 * `reason` decides the METHOD, the STATUS of a cancellation and the mail's words.
 */
export interface CalendarInvitation {
  recipient: InvitationRecipient;
  kind: CalendarMailEvent;
  reason: CalendarMailReason;
  /** The event without ORGANIZER and ATTENDEE; its status is the person's (TENTATIVE on the waitlist). */
  event: Omit<IcsEvent, 'organizer' | 'attendees'>;
  /** The page the mail links to (the event's URL too). */
  url: string;
  when: InvitationWhen;
  /** The host's zone: the visit's city, the workshop's organiser. */
  hostTimeZone: string;
  /** A visit's host city; null for workshops (online). */
  place: string | null;
}

const CANCELLING: readonly CalendarMailReason[] = ['cancelled', 'unregistered'];

/** Strips what a header must not hold from a subject (CR, LF and other controls). */
const oneLine = (value: string) => value.replace(/\p{Cc}+/gu, ' ').trim();

/**
 * Calendar invitations by mail (RFC 5546 iTIP over iMIP): one event per mail, METHOD:REQUEST for
 * an invitation or its update, METHOD:CANCEL (STATUS:CANCELLED, same UID) when the event is
 * cancelled or the person unregistered. ORGANIZER is MAIL_FROM; the recipient is the one ATTENDEE,
 * never asked to answer (RSVP=FALSE). Each mail is written with `MailService.enqueue` inside the
 * caller's transaction, in the recipient's language, with the times in their zone and the host's.
 */
@Injectable()
export class CalendarInvitations {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
  ) {}

  /** Writes one mail per invitation in the caller's transaction. */
  async send(manager: EntityManager, invitations: readonly CalendarInvitation[]): Promise<void> {
    for (const invitation of invitations) await this.mail.enqueue(manager, this.compose(invitation));
  }

  /** The mail for one invitation: both parts and the iCalendar object. */
  compose(invitation: CalendarInvitation): OutgoingMail {
    const { recipient, kind, reason, event } = invitation;
    const method: IcsMethod = CANCELLING.includes(reason) ? 'CANCEL' : 'REQUEST';
    const status = method === 'CANCEL' ? 'CANCELLED' : event.status;
    const content = buildCalendar({
      stamp: new Date(),
      method,
      events: [
        {
          ...event,
          status,
          url: invitation.url,
          organizer: { email: this.config.mail.fromAddress, name: senderName(this.config.mail.from) },
          attendees: [
            {
              email: recipient.email,
              name: recipient.displayName,
              partstat:
                reason === 'unregistered' ? 'DECLINED' : event.status === 'TENTATIVE' ? 'TENTATIVE' : 'ACCEPTED',
            },
          ],
        },
      ],
    });
    const text = MAIL_CALENDAR_TEXT[recipient.language];
    const title = oneLine(event.summary);
    const details: [string, string][] = [[text.labels.what, title]];
    if ('days' in invitation.when) {
      details.push([
        text.labels.dates,
        `${formatDays(recipient.language, invitation.when.days)} (${invitation.hostTimeZone})`,
      ]);
    } else {
      const { start, end } = invitation.when;
      details.push([text.labels.yourTime, formatSpan(recipient.language, recipient.timeZone, start, end)]);
      if (recipient.timeZone !== invitation.hostTimeZone) {
        details.push([text.labels.hostTime, formatSpan(recipient.language, invitation.hostTimeZone, start, end)]);
      }
    }
    details.push([text.labels.where, invitation.place ?? text.online]);
    const { html, text: plain } = renderMail({
      lang: recipient.language,
      preheader: text.intro[kind][reason],
      heading: title,
      paragraphs: [text.intro[kind][reason], method === 'CANCEL' ? text.attachment.cancel : text.attachment.request],
      details,
      action: { label: text.open[kind], url: invitation.url },
      footer: text.footer[kind],
    });
    return {
      to: recipient.email,
      userId: recipient.userId,
      category: `calendar.${kind}`,
      subject: text.subject[reason](title),
      html,
      text: plain,
      calendar: { method, content },
    };
  }
}

/** "Twinning <no-reply@…>" → "Twinning"; a bare address has no name. */
function senderName(from: string): string | undefined {
  const match = /^\s*"?([^"<]*?)"?\s*</.exec(from);
  return match?.[1] || undefined;
}

const utcNoon = (day: string) => new Date(`${day}T12:00:00Z`);

/** A visit's days in the reader's language: "Monday 14 – Friday 18 March 2027". */
function formatDays(lang: MailLanguage, days: { start: string; end: string }): string {
  const format = new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeZone: 'UTC' });
  return days.start === days.end
    ? format.format(utcNoon(days.start))
    : format.formatRange(utcNoon(days.start), utcNoon(days.end));
}

/** A span of time in a zone, in the reader's language, with the zone's name. */
function formatSpan(lang: MailLanguage, zone: string, start: Date, end: Date): string {
  const format = new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short', timeZone: zone });
  return `${format.formatRange(start, end)} (${zone})`;
}
