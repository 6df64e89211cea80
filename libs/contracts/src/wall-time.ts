/**
 * Wall time in an IANA time zone ↔ UTC instants, with Intl only (the runtime's own tz database).
 * One module for both apps: the API keeps visit agendas in the host's wall time and writes iCalendar
 * zones; the web client reads and writes `datetime-local` inputs in a chosen zone.
 *
 * A wall time is "YYYY-MM-DDTHH:mm" with no zone. Two kinds of wall time need a rule:
 * - A time the clocks skip when they go forward (02:30 on 2027-03-14 in America/Toronto) does not
 *   exist. What to do with it is the caller's policy, always passed explicitly (`SkippedTimePolicy`):
 *   `'reject'` reports the gap (the API refuses such agenda items and names the jump);
 *   `'shift-forward'` reads it with the offset in force before the gap, so it moves forward by the
 *   gap's length (02:30 → 03:30), as RFC 5545 §3.3.5 and Temporal's "compatible" rule do.
 * - A time the clocks pass twice when they go back (01:30 on 2027-11-07 in Toronto) means its first
 *   (earlier) occurrence under either policy, as RFC 5545 specifies for iCalendar.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** What to do with a wall time the clocks skip (a daylight-saving gap). */
export type SkippedTimePolicy = 'reject' | 'shift-forward';

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** Only when the text had seconds (see `parseLocalDateTime`); 0 otherwise. */
  second?: number;
}

export type ZonedInstant =
  | { kind: 'ok'; instant: Date }
  /** The wall time happens twice; `instant` is the first occurrence, `later` the second. */
  | { kind: 'ambiguous'; instant: Date; later: Date }
  /** `'reject'`: the wall time does not exist; the clocks jump from `gapStartLocal` to `gapEndLocal`. */
  | { kind: 'gap'; gapStartLocal: string; gapEndLocal: string }
  /** `'shift-forward'`: the wall time does not exist; `instant` reads it with the offset before the gap. */
  | { kind: 'shifted'; instant: Date };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      numberingSystem: 'latn',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows the IANA zone. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at an instant, as milliseconds of a UTC date with the same fields. */
function wallMsAt(timeZone: string, instantMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** The zone's UTC offset (local − UTC) at an instant, in milliseconds. */
export function zoneOffsetAt(timeZone: string, instantMs: number): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  return wallMsAt(timeZone, whole) - whole;
}

// --- wall-time strings ------------------------------------------------------------------------

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "YYYY-MM-DDTHH:mm" → fields, or null when malformed or not a real calendar time. With
 * `{ seconds: true }`, "YYYY-MM-DDTHH:mm:ss" is accepted too (a `datetime-local` input may hold it).
 */
export function parseLocalDateTime(value: string, options: { seconds?: boolean } = {}): LocalDateTime | null {
  const m = LOCAL_RE.exec(value);
  if (!m || (m[6] !== undefined && !options.seconds)) return null;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number);
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59) return null;
  if (m[6] === undefined) return { year, month, day, hour, minute };
  const second = Number(m[6]);
  return second > 59 ? null : { year, month, day, hour, minute, second };
}

/** "YYYY-MM-DD" is a real calendar date. */
export function isCalendarDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Fields → "YYYY-MM-DDTHH:mm" (seconds dropped). */
export function formatLocalDateTime(l: LocalDateTime): string {
  return `${pad(l.year, 4)}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}`;
}

/** Fields of a UTC-based millisecond value (used for wall clocks). */
export function utcFields(ms: number): Required<LocalDateTime> {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

const asUtcMs = (l: LocalDateTime) => Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second ?? 0);

/** The wall time in `timeZone` at an instant. */
export function wallTimeAt(timeZone: string, instant: Date | number): Required<LocalDateTime> {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return utcFields(wallMsAt(timeZone, Math.floor(ms / 1000) * 1000));
}

/** Adds days to "YYYY-MM-DD". */
export function addCalendarDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY).toISOString().slice(0, 10);
}

/** Whole days from a to b ("YYYY-MM-DD"). */
export function calendarDaysBetween(a: string, b: string): number {
  const ms = (s: string) => {
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(b) - ms(a)) / DAY);
}

// --- wall time → instant ----------------------------------------------------------------------

/**
 * The instant at which the wall clock in `timeZone` shows `local`. The offsets a day before and
 * after bracket any transition near the wall time; each offset that maps back to the same wall
 * time gives a solution: two is an overlap (the first is the answer), none is a gap, which
 * `skipped` decides: `'reject'` describes the jump, `'shift-forward'` applies the offset before it.
 */
export function localToInstant(
  timeZone: string,
  local: LocalDateTime,
  skipped: 'reject',
): Exclude<ZonedInstant, { kind: 'shifted' }>;
export function localToInstant(
  timeZone: string,
  local: LocalDateTime,
  skipped: 'shift-forward',
): Exclude<ZonedInstant, { kind: 'gap' }>;
export function localToInstant(timeZone: string, local: LocalDateTime, skipped: SkippedTimePolicy): ZonedInstant;
export function localToInstant(timeZone: string, local: LocalDateTime, skipped: SkippedTimePolicy): ZonedInstant {
  const wall = asUtcMs(local);
  const before = zoneOffsetAt(timeZone, wall - DAY);
  const after = zoneOffsetAt(timeZone, wall + DAY);
  const candidates = new Set([before, zoneOffsetAt(timeZone, wall), after]);
  const solutions = [...candidates]
    .map((offset) => wall - offset)
    .filter((instant) => zoneOffsetAt(timeZone, instant) === wall - instant)
    .sort((a, b) => a - b);
  if (solutions.length === 1) return { kind: 'ok', instant: new Date(solutions[0]) };
  if (solutions.length > 1) {
    return { kind: 'ambiguous', instant: new Date(solutions[0]), later: new Date(solutions[solutions.length - 1]) };
  }
  if (skipped === 'shift-forward') return { kind: 'shifted', instant: new Date(wall - before) };
  // A gap: find the transition between the two readings and describe the jump in wall time.
  const at = findTransition(timeZone, wall - Math.max(before, after), wall - Math.min(before, after));
  return {
    kind: 'gap',
    gapStartLocal: formatLocalDateTime(utcFields(at + zoneOffsetAt(timeZone, at - 1))),
    gapEndLocal: formatLocalDateTime(utcFields(at + zoneOffsetAt(timeZone, at))),
  };
}

/** The first instant (ms, to the second) in [lo, hi] whose offset differs from the offset at lo. */
function findTransition(timeZone: string, lo: number, hi: number): number {
  const base = zoneOffsetAt(timeZone, lo);
  let a = lo;
  let b = hi;
  while (b - a > 1000) {
    const mid = Math.floor((a + b) / 2000) * 1000;
    if (zoneOffsetAt(timeZone, mid) === base) a = mid;
    else b = mid;
  }
  return b;
}

/** The instant a local date ("YYYY-MM-DD") begins in the zone (the end of the gap if midnight is skipped). */
export function startOfLocalDay(timeZone: string, date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const at = localToInstant(timeZone, { year, month, day, hour: 0, minute: 0 }, 'reject');
  if (at.kind !== 'gap') return at.instant;
  const end = parseLocalDateTime(at.gapEndLocal) as LocalDateTime;
  return (localToInstant(timeZone, end, 'reject') as { instant: Date }).instant;
}

// --- the text a datetime-local input holds ------------------------------------------------------

/**
 * "2026-03-10T09:00" (seconds allowed) read in `timeZone` → "2026-03-10T13:00:00.000Z". Null when
 * the text is not a real date and time, or when it falls in a gap and `skipped` is `'reject'`.
 */
export function zonedLocalToUtcIso(local: string, timeZone: string, skipped: SkippedTimePolicy): string | null {
  const parsed = parseLocalDateTime(local, { seconds: true });
  if (!parsed) return null;
  const at = localToInstant(timeZone, parsed, skipped);
  return at.kind === 'gap' ? null : at.instant.toISOString();
}

/** "2026-03-10T13:00:00.000Z" → "2026-03-10T09:00" in `timeZone` (the value of a datetime-local input); "" if not a date. */
export function utcIsoToZonedLocal(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return formatLocalDateTime(wallTimeAt(timeZone, ms));
}

/** The calendar date ("YYYY-MM-DD") in `timeZone` at an instant. */
export function zonedDate(at: Date, timeZone: string): string {
  return formatLocalDateTime(wallTimeAt(timeZone, at)).slice(0, 10);
}

// --- transitions (for iCalendar VTIMEZONE) ------------------------------------------------------

export interface ZoneTransition {
  /** The instant of the change (ms since epoch). */
  at: number;
  /** Offsets before and after, in ms. */
  from: number;
  to: number;
}

const transitionCache = new Map<string, ZoneTransition[]>();

/**
 * The zone's offset changes from the start of `fromYear` to the end of `toYear` (UTC years, widened
 * by a day each side), found by sampling every 12 hours and bisecting to the second.
 */
export function zoneTransitions(timeZone: string, fromYear: number, toYear: number): ZoneTransition[] {
  const key = `${timeZone}:${fromYear}:${toYear}`;
  const cached = transitionCache.get(key);
  if (cached) return cached;
  const found: ZoneTransition[] = [];
  const start = Date.UTC(fromYear, 0, 1) - DAY;
  const end = Date.UTC(toYear + 1, 0, 1) + DAY;
  const step = 12 * HOUR;
  let prev = zoneOffsetAt(timeZone, start);
  for (let t = start + step; t <= end; t += step) {
    const offset = zoneOffsetAt(timeZone, t);
    if (offset !== prev) {
      const at = findTransition(timeZone, t - step, t);
      found.push({ at, from: prev, to: offset });
      prev = offset;
    }
  }
  transitionCache.set(key, found);
  return found;
}
