import { utcFields, zoneOffsetAt, zoneTransitions, type LocalDateTime } from '@twinning/contracts';

/**
 * A small RFC 5545 writer: CRLF line ends, lines folded at 75 octets (never inside a UTF-8
 * sequence), TEXT values escaped, and a VTIMEZONE for every zone an event uses, built from the
 * zone's actual offset changes in the years the events cover (Intl knows them; no tz package).
 */

export type IcsTime =
  /** An all-day value (DATE), "YYYY-MM-DD". */
  | { date: string }
  /** Wall time in an IANA zone (DATE-TIME with TZID); the zone gets a VTIMEZONE. */
  | { zone: string; local: LocalDateTime }
  /** An exact instant (DATE-TIME in UTC). */
  | { utc: Date };

export type IcsStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

/** iTIP method (RFC 5546): a published file or feed, an invitation (or its update), a cancellation. */
export type IcsMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

/** A calendar user: a mailto: address and an optional common name. */
export interface IcsPerson {
  email: string;
  name?: string;
}

/** An invitation's attendee: never asked to reply (RSVP=FALSE); PARTSTAT says where they stand. */
export interface IcsAttendee extends IcsPerson {
  partstat: 'ACCEPTED' | 'TENTATIVE' | 'DECLINED' | 'NEEDS-ACTION';
}

export interface IcsEvent {
  uid: string;
  sequence: number;
  status: IcsStatus;
  summary: string;
  start: IcsTime;
  end: IcsTime;
  description?: string;
  location?: string;
  url?: string;
  lastModified?: Date;
  /** Invitations only: who sends it (ORGANIZER) and to whom (ATTENDEE). */
  organizer?: IcsPerson;
  attendees?: IcsAttendee[];
}

export interface IcsCalendar {
  /** DTSTAMP of every event: when this export was made. */
  stamp: Date;
  events: IcsEvent[];
  /** X-WR-CALNAME, for subscribed feeds. */
  name?: string;
  /** Suggested refresh interval for subscribed feeds, in minutes. */
  refreshMinutes?: number;
  /** METHOD of the object; PUBLISH (files and feeds) unless given. */
  method?: IcsMethod;
}

export const PRODID = '-//Twinning//Visits and workshops//EN';

/** Escapes a TEXT value (RFC 5545 §3.3.11); drops control characters TEXT may not hold. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/\p{Cc}/gu, (c) => (c === '\t' || c === '\n' ? c : ''))
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/**
 * A parameter value (RFC 5545 §3.2): quoted, with what a quoted value may not hold (DQUOTE and
 * control characters) removed, so a display name cannot end the parameter or the line.
 */
export function paramValue(value: string): string {
  return `"${value.replace(/[\p{Cc}"]/gu, '').trim()}"`;
}

/**
 * A mailto: URI for an address (RFC 6068): anything but the characters of a plain address is
 * percent-encoded, so no address can end the value, start a parameter or break the line.
 */
export function mailtoUri(email: string): string {
  return `mailto:${email.replace(/[^A-Za-z0-9.!#$&'*+\-/=?^_`{|}~@]/gu, (c) => encodeURIComponent(c))}`;
}

function personProperty(name: string, person: IcsPerson, extra: string[] = []): string {
  const params = [...(person.name ? [`CN=${paramValue(person.name)}`] : []), ...extra];
  return `${name}${params.map((p) => `;${p}`).join('')}:${mailtoUri(person.email)}`;
}

/** Folds a content line into chunks of at most 75 octets; continuation lines start with a space. */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= 75) return line;
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  let limit = 75;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > limit) {
      out.push(current);
      current = ' ';
      bytes = 1;
      limit = 75;
    }
    current += char;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n');
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** 20270314T090000Z */
export function formatUtc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function formatWall(l: LocalDateTime): string {
  return `${pad(l.year, 4)}${pad(l.month)}${pad(l.day)}T${pad(l.hour)}${pad(l.minute)}${pad(l.second ?? 0)}`;
}

/** ±HHMM (±HHMMSS when the offset has seconds). */
function formatOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const total = Math.abs(Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${sign}${pad(h)}${pad(m)}${s ? pad(s) : ''}`;
}

function timeProperty(name: string, value: IcsTime): string {
  if ('date' in value) return `${name};VALUE=DATE:${value.date.replace(/-/g, '')}`;
  if ('utc' in value) return `${name}:${formatUtc(value.utc)}`;
  return `${name};TZID=${value.zone}:${formatWall(value.local)}`;
}

/**
 * VTIMEZONE for `zone` covering `fromYear`..`toYear`: a first observance from the start of the
 * range (so times before the first change resolve), then one STANDARD or DAYLIGHT observance per
 * actual change, with DTSTART in the wall time in force before it (RFC 5545 §3.6.5). A zone
 * without changes in the range gets a single STANDARD.
 */
export function vtimezone(zone: string, fromYear: number, toYear: number): string[] {
  const changes = zoneTransitions(zone, fromYear, toYear);
  const rangeStart = Date.UTC(fromYear, 0, 1) - 24 * 3600_000;
  const base = zoneOffsetAt(zone, rangeStart);
  const lowest = Math.min(base, ...changes.map((c) => c.to));
  const observance = (from: number, to: number, startWall: string) => {
    const kind = to > lowest ? 'DAYLIGHT' : 'STANDARD';
    return [
      `BEGIN:${kind}`,
      `DTSTART:${startWall}`,
      `TZOFFSETFROM:${formatOffset(from)}`,
      `TZOFFSETTO:${formatOffset(to)}`,
      `END:${kind}`,
    ];
  };
  const lines = [`BEGIN:VTIMEZONE`, `TZID:${zone}`];
  lines.push(...observance(base, base, formatWall(utcFields(rangeStart + base))));
  for (const change of changes)
    lines.push(...observance(change.from, change.to, formatWall(utcFields(change.at + change.from))));
  lines.push('END:VTIMEZONE');
  return lines;
}

/** The whole VCALENDAR text, CRLF-terminated and folded. */
export function buildCalendar(calendar: IcsCalendar): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN'];
  lines.push(`METHOD:${calendar.method ?? 'PUBLISH'}`);
  if (calendar.name) lines.push(`X-WR-CALNAME:${escapeText(calendar.name)}`);
  if (calendar.refreshMinutes) {
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:PT${calendar.refreshMinutes}M`);
    lines.push(`X-PUBLISHED-TTL:PT${calendar.refreshMinutes}M`);
  }

  const years = new Map<string, { from: number; to: number }>();
  for (const event of calendar.events) {
    for (const time of [event.start, event.end]) {
      if (!('zone' in time)) continue;
      const range = years.get(time.zone);
      const y = time.local.year;
      years.set(time.zone, { from: Math.min(range?.from ?? y, y), to: Math.max(range?.to ?? y, y) });
    }
  }
  for (const [zone, range] of [...years].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(...vtimezone(zone, range.from, range.to));
  }

  const stamp = formatUtc(calendar.stamp);
  for (const event of calendar.events) {
    lines.push('BEGIN:VEVENT', `UID:${event.uid}`, `DTSTAMP:${stamp}`);
    if (event.lastModified) lines.push(`LAST-MODIFIED:${formatUtc(event.lastModified)}`);
    lines.push(timeProperty('DTSTART', event.start), timeProperty('DTEND', event.end));
    lines.push(`SEQUENCE:${event.sequence}`, `STATUS:${event.status}`, `SUMMARY:${escapeText(event.summary)}`);
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.url) lines.push(`URL:${event.url.replace(/[\r\n]/g, '')}`);
    if (event.organizer) lines.push(personProperty('ORGANIZER', event.organizer));
    for (const attendee of event.attendees ?? []) {
      lines.push(
        personProperty('ATTENDEE', attendee, [
          'CUTYPE=INDIVIDUAL',
          'ROLE=REQ-PARTICIPANT',
          `PARTSTAT=${attendee.partstat}`,
          'RSVP=FALSE',
        ]),
      );
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
