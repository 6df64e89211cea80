import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, localToInstant, parseLocalDateTime, type CalendarFeedDto } from '@twinning/contracts';
import { createHash, randomBytes } from 'node:crypto';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { plainExcerpt } from '../common/markdown';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RateLimitService, type LimitSpec } from '../rate-limit/rate-limit.service';
import { buildCalendar, type IcsEvent, type IcsStatus, type IcsTime } from '../common/icalendar';
import { WorkshopCalendarService } from '../workshops';
import { VisitAccess } from './visit-access';
import { visitEvent } from './visit-calendar-event';
import { VisitCalendarRepository, type CalendarItemRow, type CalendarVisitRow } from './visit-calendar.repository';

/** Calendar apps poll feeds every few minutes at most; this is generous for them and stops token guessing. */
export const CALENDAR_FEED_RATE_LIMIT: LimitSpec = { name: 'calendar-feed', points: 60, durationSeconds: 60 };

const FEED_FILE_RE = /^([A-Za-z0-9_-]{43})\.ics$/;

const sha256 = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/**
 * iCalendar exports: one visit (members), and each user's private subscription feed of the visits
 * they registered for. The feed URL carries a random 256-bit token; only its SHA-256 is stored, so
 * the URL is shown once, when it is (re)generated. Regenerating replaces the token; revoking deletes it.
 */
@Injectable()
export class VisitCalendarService {
  constructor(
    private readonly calendars: VisitCalendarRepository,
    private readonly visitAccess: VisitAccess,
    private readonly rateLimits: RateLimitService,
    private readonly workshopCalendars: WorkshopCalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The visit and its agenda as a VCALENDAR; the dates must be fixed. */
  async visitCalendar(user: AuthUser, id: string): Promise<string> {
    await this.visitAccess.require(user, id);
    const visit = await this.calendars.visit(id, user.id);
    if (!visit) throw AppError.notFound('Visit');
    if (!visit.start_date) {
      throw new AppError(ErrorCode.INVALID_STATE, 'This visit has no dates yet: the date poll is still open.');
    }
    const items = await this.calendars.items([id]);
    return buildCalendar({ stamp: new Date(), events: this.events(visit, items) });
  }

  async feed(user: AuthUser): Promise<CalendarFeedDto> {
    const createdAt = await this.calendars.feedCreatedAt(user.id);
    return {
      active: Boolean(createdAt),
      url: null,
      createdAt: createdAt ? new Date(createdAt).toISOString() : null,
    };
  }

  /** Creates the feed, or replaces its token (the old URL stops working at once). */
  async regenerate(user: AuthUser): Promise<CalendarFeedDto> {
    const token = randomBytes(32).toString('base64url');
    const createdAt = await this.calendars.saveFeed(user.id, sha256(token));
    return {
      active: true,
      url: `${this.config.publicUrl}/api/calendar/${token}.ics`,
      createdAt: new Date(createdAt).toISOString(),
    };
  }

  async revoke(user: AuthUser): Promise<void> {
    await this.calendars.deleteFeed(user.id);
  }

  /**
   * The public feed behind a token: every visit its owner is registered or waitlisted for (in
   * partnerships they still belong to) whose dates are fixed, with the agenda, then every workshop
   * they hold a place in and may still see. Waitlisted visits are TENTATIVE; cancelled ones
   * CANCELLED. Unknown or revoked tokens are 404.
   */
  async feedCalendar(file: string, ip: string): Promise<string> {
    await this.rateLimits.consume(CALENDAR_FEED_RATE_LIMIT, ip);
    const token = FEED_FILE_RE.exec(file)?.[1];
    if (!token) throw AppError.notFound('Calendar');
    const owner = await this.calendars.feedOwner(sha256(token));
    if (!owner) throw AppError.notFound('Calendar');
    const [visits, workshops] = await Promise.all([
      this.calendars.feedVisits(sha256(token)),
      this.workshopCalendars.feedEvents(owner.user_id, owner.is_admin),
    ]);
    const items = visits.length ? await this.calendars.items(visits.map((v) => v.id)) : [];
    return buildCalendar({
      stamp: new Date(),
      name: 'Twinning: my visits and workshops',
      refreshMinutes: 60,
      events: [
        ...visits.flatMap((v) =>
          this.events(
            v,
            items.filter((i) => i.visit_id === v.id),
          ),
        ),
        ...workshops,
      ],
    });
  }

  /** The visit as an all-day event (DTEND exclusive) and one timed event per agenda item. */
  private events(visit: CalendarVisitRow, items: CalendarItemRow[]): IcsEvent[] {
    const url = `${this.config.publicUrl}/visits/${visit.id}`;
    const status: IcsStatus =
      visit.status === 'cancelled'
        ? 'CANCELLED'
        : visit.registration === 'waitlisted' || visit.status === 'draft' || visit.status === 'open'
          ? 'TENTATIVE'
          : 'CONFIRMED';
    const common = { sequence: visit.sequence, status, url, lastModified: new Date(visit.updated_at) };
    const events: IcsEvent[] = [visitEvent(visit, url, status)];
    for (const item of items) {
      events.push({
        ...common,
        uid: `agenda-${item.id}@twinning`,
        summary: `${item.title} (${visit.title})`,
        start: this.time(visit.time_zone, item.starts_local),
        end: this.time(visit.time_zone, item.ends_local),
        location: [item.site, item.address].filter(Boolean).join(', ') || undefined,
        description: [
          plainExcerpt(item.notes, 2000),
          item.host_contact ? `Host contact: ${item.host_contact}` : '',
          `Visit page: ${url}`,
        ]
          .filter(Boolean)
          .join('\n\n'),
      });
    }
    return events;
  }

  /**
   * Wall time with the zone's TZID. A wall time the clocks pass twice is written in UTC instead,
   * so every client reads the first occurrence, as the API does (clients differ on TZID overlaps). One
   * the clocks skip (the zone's rules changed since it was written) stays a TZID wall time, which
   * calendar apps read with the offset before the gap: the API's 'shift-forward' reading.
   */
  private time(zone: string, local: string): IcsTime {
    const parsed = parseLocalDateTime(local);
    if (!parsed) throw new Error(`not a local time: ${local}`);
    const at = localToInstant(zone, parsed, 'shift-forward');
    return at.kind === 'ambiguous' ? { utc: at.instant } : { zone, local: parsed };
  }
}
