/**
 * Workshop times are stored in UTC and shown in each viewer's time zone (their profile's, else the
 * browser's); converting wall times is lib/zoned-time's job, formatting them for workshops is this file's.
 */

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
