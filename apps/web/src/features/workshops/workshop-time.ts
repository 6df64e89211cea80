/**
 * Workshop times are stored in UTC and shown in each viewer's time zone (their profile's, else the
 * browser's). A `datetime-local` input holds a wall-clock time with no zone; these helpers read and write
 * it in a given IANA zone, across daylight-saving changes.
 */

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
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
    partFormats.set(timeZone, format);
  }
  return format;
}

/** The wall-clock time in `timeZone` at the instant `utcMs`. */
function wallTimeAt(utcMs: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts['year'] ?? 1970,
    month: parts['month'] ?? 1,
    day: parts['day'] ?? 1,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

function wallMs(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** How far `timeZone` is ahead of UTC at the instant `utcMs`, in milliseconds. */
function offsetAt(utcMs: number, timeZone: string): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  return wallMs(wallTimeAt(whole, timeZone)) - whole;
}

/** True when the browser knows this IANA zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    partsFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * `2026-03-10T09:00` read in `timeZone` → `2026-03-10T13:00:00.000Z`. A time that occurs twice (when the
 * clocks go back) is the earlier one; a time skipped when the clocks go forward moves forward by the gap,
 * as `Temporal`'s "compatible" rule does. Null when the text is not a complete date and time.
 */
export function zonedLocalToUtcIso(local: string, timeZone: string): string | null {
  const match = LOCAL_PATTERN.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const wall: WallTime = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s ?? 0),
  };
  if (wall.month < 1 || wall.month > 12 || wall.day < 1 || wall.day > 31 || wall.hour > 23 || wall.minute > 59) {
    return null;
  }
  const target = wallMs(wall);
  if (Number.isNaN(target)) return null;
  // The zone's offset is not known until the instant is; two tries find it on either side of a change.
  const offsets = [...new Set([offsetAt(target, timeZone), offsetAt(target - offsetAt(target, timeZone), timeZone)])];
  const matches = offsets
    .map((offset) => target - offset)
    .filter((utc) => wallMs(wallTimeAt(utc, timeZone)) === target)
    .sort((a, b) => a - b);
  const utc = matches[0] ?? target - Math.min(...offsets);
  return new Date(utc).toISOString();
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** `2026-03-10T13:00:00.000Z` → `2026-03-10T09:00` in `timeZone`: the value of a `datetime-local` input. */
export function utcIsoToZonedLocal(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const wall = wallTimeAt(ms, timeZone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

const rangeFormats = new Map<string, Intl.DateTimeFormat>();

function rangeFormat(language: string, timeZone: string | undefined): Intl.DateTimeFormat {
  const cacheKey = `${language}|${timeZone ?? ''}`;
  let format = rangeFormats.get(cacheKey);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = {
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    };
    try {
      format = new Intl.DateTimeFormat(language, { ...options, timeZone });
    } catch {
      // An unknown zone must not break the page: the browser's own is the next best.
      format = new Intl.DateTimeFormat(language, options);
    }
    rangeFormats.set(cacheKey, format);
  }
  return format;
}

/**
 * "Tue, Mar 10, 2026, 9:00 – 10:30 AM EDT": the scheduled time of a workshop in the viewer's language and
 * time zone, with the zone named. The day is written once when both ends fall on it.
 */
export function formatWorkshopRange(
  language: string,
  timeZone: string | undefined,
  startsAt: string,
  endsAt: string,
): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${startsAt} – ${endsAt}`;
  const format = rangeFormat(language, timeZone);
  return end.getTime() > start.getTime() ? format.formatRange(start, end) : format.format(start);
}

/** "Eastern Time (America/Toronto)": a zone as people know it, with its IANA name to be exact. */
export function describeTimeZone(language: string, timeZone: string, at: Date = new Date()): string {
  try {
    const name = new Intl.DateTimeFormat(language, { timeZone, timeZoneName: 'longGeneric' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value;
    return name && name !== timeZone ? `${name} (${timeZone})` : timeZone;
  } catch {
    return timeZone;
  }
}

/** "Tue, Mar 10, 2026, 9:00 AM EDT": one instant in a zone, the zone's name for that date included. */
export function formatZonedInstant(language: string, timeZone: string | undefined, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : rangeFormat(language, timeZone).format(date);
}
