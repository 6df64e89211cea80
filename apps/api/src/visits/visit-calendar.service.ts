import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  addCalendarDays,
  localToInstant,
  parseLocalDateTime,
  type CalendarFeedDto,
  type RegistrationStatus,
  type VisitStatus,
} from '@twinning/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { plainExcerpt } from '../common/markdown';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RateLimitService, type LimitSpec } from '../rate-limit/rate-limit.service';
import { buildCalendar, type IcsEvent, type IcsStatus, type IcsTime } from './icalendar';
import { VisitAccess } from './visit-access';
import { dateText, isMemberSql, localText, type AgendaRow } from './visit-rows';

/** Calendar apps poll feeds every few minutes at most; this is generous for them and stops token guessing. */
export const CALENDAR_FEED_RATE_LIMIT: LimitSpec = { name: 'calendar-feed', points: 60, durationSeconds: 60 };

const FEED_FILE_RE = /^([A-Za-z0-9_-]{43})\.ics$/;

interface CalendarVisitRow {
  id: string;
  title: string;
  purpose: string;
  status: VisitStatus;
  time_zone: string;
  start_date: string;
  end_date: string;
  sequence: number;
  updated_at: Date;
  host_name: string;
  /** The feed owner's registration (feeds only). */
  registration?: RegistrationStatus;
}

/** An agenda item as the calendar writes it (plain-text notes, no HTML), with its visit. */
type CalendarItemRow = Omit<AgendaRow, 'notes_html'> & { visit_id: string };

const VISIT_COLUMNS = `v.id, v.title, v.purpose, v.status, v.time_zone, ${dateText('v.start_date')} AS start_date,
  ${dateText('v.end_date')} AS end_date, v.sequence, v.updated_at, hc.name AS host_name`;

const ITEMS_SQL = `
  SELECT id, visit_id, ${localText('starts_local')} AS starts_local, ${localText('ends_local')} AS ends_local,
         title, site, address, host_contact, notes
    FROM visit_agenda_items WHERE visit_id = ANY($1::uuid[])
   ORDER BY starts_local, id`;

const sha256 = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/**
 * iCalendar exports: one visit (members), and each user's private subscription feed of the visits
 * they registered for. The feed URL carries a random 256-bit token; only its SHA-256 is stored, so
 * the URL is shown once, when it is (re)generated. Regenerating replaces the token; revoking deletes it.
 */
@Injectable()
export class VisitCalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly visitAccess: VisitAccess,
    private readonly rateLimits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The visit and its agenda as a VCALENDAR; the dates must be fixed. */
  async visitCalendar(user: AuthUser, id: string): Promise<string> {
    await this.visitAccess.require(user, id);
    const [visit]: CalendarVisitRow[] = await this.dataSource.query(
      `SELECT ${VISIT_COLUMNS} FROM visits v JOIN cities hc ON hc.id = v.host_city_id WHERE v.id = $1`,
      [id],
    );
    if (!visit.start_date) {
      throw new AppError(ErrorCode.INVALID_STATE, 'This visit has no dates yet: the date poll is still open.');
    }
    const items: CalendarItemRow[] = await this.dataSource.query(ITEMS_SQL, [[id]]);
    return buildCalendar({ stamp: new Date(), events: this.events(visit, items) });
  }

  async feed(user: AuthUser): Promise<CalendarFeedDto> {
    const [row]: { created_at: Date }[] = await this.dataSource.query(
      `SELECT created_at FROM calendar_feeds WHERE user_id = $1`,
      [user.id],
    );
    return { active: Boolean(row), url: null, createdAt: row ? new Date(row.created_at).toISOString() : null };
  }

  /** Creates the feed, or replaces its token (the old URL stops working at once). */
  async regenerate(user: AuthUser): Promise<CalendarFeedDto> {
    const token = randomBytes(32).toString('base64url');
    const [row]: { created_at: Date }[] = await this.dataSource.query(
      `INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = clock_timestamp()
       RETURNING created_at`,
      [user.id, sha256(token)],
    );
    return {
      active: true,
      url: `${this.config.publicUrl}/api/calendar/${token}.ics`,
      createdAt: new Date(row.created_at).toISOString(),
    };
  }

  async revoke(user: AuthUser): Promise<void> {
    await this.dataSource.query(`DELETE FROM calendar_feeds WHERE user_id = $1`, [user.id]);
  }

  /**
   * The public feed behind a token: every visit its owner is registered or waitlisted for (in
   * partnerships they still belong to) whose dates are fixed, with the agenda. Waitlisted visits
   * are TENTATIVE; cancelled ones CANCELLED. Unknown or revoked tokens are 404.
   */
  async feedCalendar(file: string, ip: string): Promise<string> {
    await this.rateLimits.consume(CALENDAR_FEED_RATE_LIMIT, ip);
    const token = FEED_FILE_RE.exec(file)?.[1];
    if (!token) throw AppError.notFound('Calendar');
    const visits: CalendarVisitRow[] = await this.dataSource.query(
      `SELECT ${VISIT_COLUMNS}, r.status AS registration
         FROM calendar_feeds f
         JOIN users u ON u.id = f.user_id
         JOIN visit_registrations r ON r.user_id = f.user_id AND r.status IN ('registered', 'waitlisted')
         JOIN visits v ON v.id = r.visit_id
         JOIN cities hc ON hc.id = v.host_city_id
        WHERE f.token_hash = $1 AND v.start_date IS NOT NULL
          AND (u.role = 'admin' OR ${isMemberSql('v.partnership_id', 'u.id')})
        ORDER BY v.start_date, v.id`,
      [sha256(token)],
    );
    if (visits.length === 0) {
      const known = await this.dataSource.query(`SELECT 1 FROM calendar_feeds WHERE token_hash = $1`, [sha256(token)]);
      if (known.length === 0) throw AppError.notFound('Calendar');
    }
    const items: CalendarItemRow[] = visits.length
      ? await this.dataSource.query(ITEMS_SQL, [visits.map((v) => v.id)])
      : [];
    return buildCalendar({
      stamp: new Date(),
      name: 'Twinning: my study visits',
      refreshMinutes: 60,
      events: visits.flatMap((v) =>
        this.events(
          v,
          items.filter((i) => i.visit_id === v.id),
        ),
      ),
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
    const purpose = plainExcerpt(visit.purpose, 2000);
    const events: IcsEvent[] = [
      {
        ...common,
        uid: `visit-${visit.id}@twinning`,
        summary: visit.title,
        start: { date: visit.start_date },
        end: { date: addCalendarDays(visit.end_date, 1) },
        location: visit.host_name,
        description: [purpose, `Visit page: ${url}`].filter(Boolean).join('\n\n'),
      },
    ];
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
