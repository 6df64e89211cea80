import { useI18n } from './i18n';
import { browserTimeZone } from './time-zones';

/**
 * Wall-clock time in an IANA zone ↔ instants, with Intl only. A `datetime-local` input holds a wall time
 * with no zone; these helpers read and write it in a given zone, across daylight-saving changes. Shared by
 * every feature that lets people enter or see times in a zone (workshops, study visits).
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

/** The calendar date (`YYYY-MM-DD`) in `timeZone` at an instant. */
export function zonedDate(at: Date, timeZone: string): string {
  const wall = wallTimeAt(at.getTime(), timeZone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** The viewer's own zone: their profile's, else the browser's. */
export function useViewerTimeZone(): string {
  const { timeZone } = useI18n();
  return timeZone && isKnownTimeZone(timeZone) ? timeZone : browserTimeZone();
}
