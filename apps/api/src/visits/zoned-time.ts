/**
 * Wall time in an IANA time zone ↔ UTC instants, with Intl only (the runtime's own tz database).
 *
 * Visits keep agenda times as the host's wall time ("YYYY-MM-DDTHH:mm" in the visit's zone); the
 * instants are derived here. Two wall times need a rule:
 * - a time inside a spring-forward gap does not exist (02:30 on 2027-03-14 in America/Toronto):
 *   `toInstant` reports the gap and callers refuse it;
 * - a time inside a fall-back overlap happens twice (01:30 on 2027-11-07 in Toronto): it means the
 *   first (earlier) occurrence, as RFC 5545 §3.3.5 specifies for iCalendar.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export type ZonedInstant =
  | { kind: 'ok'; instant: Date }
  /** The wall time happens twice; `instant` is the first occurrence, `later` the second. */
  | { kind: 'ambiguous'; instant: Date; later: Date }
  /** The wall time does not exist: the clocks jump from `gapStartLocal` to `gapEndLocal`. */
  | { kind: 'gap'; gapStartLocal: string; gapEndLocal: string };

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
function wallMs(timeZone: string, instantMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** The zone's UTC offset (local − UTC) at an instant, in milliseconds. */
export function offsetAt(timeZone: string, instantMs: number): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  return wallMs(timeZone, whole) - whole;
}

// --- wall-time strings ------------------------------------------------------------------------

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DDTHH:mm" → fields, or null when malformed or not a real calendar time. */
export function parseLocal(value: string): LocalDateTime | null {
  const m = LOCAL_RE.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59) return null;
  return { year, month, day, hour, minute };
}

/** "YYYY-MM-DD" is a real calendar date. */
export function isDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatLocal(l: LocalDateTime): string {
  return `${pad(l.year, 4)}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}`;
}

/** Fields of a UTC-based millisecond value (used for wall clocks). */
export function fieldsOf(ms: number): LocalDateTime & { second: number } {
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

const asUtcMs = (l: LocalDateTime) => Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute);

/** The wall time in `timeZone` at an instant. */
export function toLocal(timeZone: string, instant: Date | number): LocalDateTime & { second: number } {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return fieldsOf(wallMs(timeZone, Math.floor(ms / 1000) * 1000));
}

/** Adds days to "YYYY-MM-DD". */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY).toISOString().slice(0, 10);
}

/** Whole days from a to b ("YYYY-MM-DD"). */
export function daysBetween(a: string, b: string): number {
  const ms = (s: string) => {
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(b) - ms(a)) / DAY);
}

// --- wall time → instant ----------------------------------------------------------------------

/**
 * The instant(s) at which the wall clock in `timeZone` shows `local`. The offsets a day before and
 * after bracket any transition near the wall time; each offset that maps back to the same wall
 * time gives a solution: none is a gap, two is an overlap.
 */
export function toInstant(timeZone: string, local: LocalDateTime): ZonedInstant {
  const wall = asUtcMs(local);
  const candidates = new Set([
    offsetAt(timeZone, wall - DAY),
    offsetAt(timeZone, wall),
    offsetAt(timeZone, wall + DAY),
  ]);
  const solutions = [...candidates]
    .map((offset) => wall - offset)
    .filter((instant) => offsetAt(timeZone, instant) === wall - instant)
    .sort((a, b) => a - b);
  if (solutions.length === 1) return { kind: 'ok', instant: new Date(solutions[0]) };
  if (solutions.length > 1) {
    return { kind: 'ambiguous', instant: new Date(solutions[0]), later: new Date(solutions[solutions.length - 1]) };
  }
  // A gap: find the transition between the two readings and describe the jump in wall time.
  const before = offsetAt(timeZone, wall - DAY);
  const after = offsetAt(timeZone, wall + DAY);
  const at = findTransition(timeZone, wall - Math.max(before, after), wall - Math.min(before, after));
  return {
    kind: 'gap',
    gapStartLocal: formatLocal(fieldsOf(at + offsetAt(timeZone, at - 1))),
    gapEndLocal: formatLocal(fieldsOf(at + offsetAt(timeZone, at))),
  };
}

/** The first instant (ms, to the second) in [lo, hi] whose offset differs from the offset at lo. */
function findTransition(timeZone: string, lo: number, hi: number): number {
  const base = offsetAt(timeZone, lo);
  let a = lo;
  let b = hi;
  while (b - a > 1000) {
    const mid = Math.floor((a + b) / 2000) * 1000;
    if (offsetAt(timeZone, mid) === base) a = mid;
    else b = mid;
  }
  return b;
}

/** The instant a local date ("YYYY-MM-DD") begins in the zone (the end of a gap if midnight is skipped). */
export function startOfDay(timeZone: string, date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const at = toInstant(timeZone, { year, month, day, hour: 0, minute: 0 });
  if (at.kind !== 'gap') return at.instant;
  const parsed = parseLocal(at.gapEndLocal) as LocalDateTime;
  return (toInstant(timeZone, parsed) as { instant: Date }).instant;
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
export function transitions(timeZone: string, fromYear: number, toYear: number): ZoneTransition[] {
  const key = `${timeZone}:${fromYear}:${toYear}`;
  const cached = transitionCache.get(key);
  if (cached) return cached;
  const found: ZoneTransition[] = [];
  const start = Date.UTC(fromYear, 0, 1) - DAY;
  const end = Date.UTC(toYear + 1, 0, 1) + DAY;
  const step = 12 * HOUR;
  let prev = offsetAt(timeZone, start);
  for (let t = start + step; t <= end; t += step) {
    const offset = offsetAt(timeZone, t);
    if (offset !== prev) {
      const at = findTransition(timeZone, t - step, t);
      found.push({ at, from: prev, to: offset });
      prev = offset;
    }
  }
  transitionCache.set(key, found);
  return found;
}
