/**
 * When a digest is due: within 15 minutes after 08:00 on the recipient's own wall clock (IANA zone,
 * :30 and :45 offsets included), daily; the weekly digest on Mondays. The period is the local date,
 * so a late tick inside the window still sends and a tick after 08:15 finds nothing due.
 */
export const DIGEST_HOUR = 8;
export const DIGEST_WINDOW_MINUTES = 15;

export interface LocalTime {
  /** YYYY-MM-DD on the zone's calendar. */
  date: string;
  hour: number;
  minute: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

export interface DigestSlot {
  /** The period key: the local date of the digest. */
  localDate: string;
  /** Monday: the weekly digest is due too. */
  weekly: boolean;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(timeZone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        weekday: 'short',
        hourCycle: 'h23',
      });
    } catch {
      f = null; // not a zone this runtime knows: such users get no digest rather than a wrong one
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at `instant`, or null for an unknown zone. */
export function localTime(instant: Date, timeZone: string): LocalTime | null {
  const f = formatter(timeZone);
  if (!f) return null;
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday] ?? 0,
  };
}

/** The digest due at `instant` in `timeZone` (local time in [08:00, 08:15)), or null when none is. */
export function digestSlot(instant: Date, timeZone: string): DigestSlot | null {
  const local = localTime(instant, timeZone);
  if (!local || local.hour !== DIGEST_HOUR || local.minute >= DIGEST_WINDOW_MINUTES) return null;
  return { localDate: local.date, weekly: local.weekday === 1 };
}

/** Of these zones, those where a digest is due at `instant`, with their period. */
export function dueZones(instant: Date, timeZones: readonly string[]): (DigestSlot & { timeZone: string })[] {
  const due: (DigestSlot & { timeZone: string })[] = [];
  for (const timeZone of timeZones) {
    const slot = digestSlot(instant, timeZone);
    if (slot) due.push({ timeZone, ...slot });
  }
  return due;
}
