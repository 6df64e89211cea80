/**
 * Visits live in two time zones at once: the host city's (dates, agenda times, entered and stored as wall
 * time there) and each viewer's own (the same instants, as the viewer will experience them from home).
 * These helpers format both and build the
 * month grid. Calendar dates (`YYYY-MM-DD`) carry no zone: they are formatted as UTC so they never shift.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

const formats = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter; an unknown zone falls back to the runtime's own rather than breaking the page. */
function format(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let result = formats.get(key);
  if (!result) {
    try {
      result = new Intl.DateTimeFormat(language, options);
    } catch {
      const { timeZone: _ignored, ...rest } = options;
      result = new Intl.DateTimeFormat(language, rest);
    }
    formats.set(key, result);
  }
  return result;
}

// --- Calendar dates -----------------------------------------------------------------------------------

/** `2026-10-12` → a Date at UTC midnight (formatted with `timeZone: 'UTC'`, it stays that day). */
export function dateOf(value: string): Date {
  const match = DATE_PATTERN.exec(value);
  if (!match) return new Date(Number.NaN);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

export function isoDate(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function addDays(value: string, days: number): string {
  const date = dateOf(value);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDate(date);
}

/** "Mon, Oct 12 – Wed, Oct 14, 2026": a range of calendar days, written once when it is one day. */
export function formatDateRange(language: string, startDate: string, endDate: string): string {
  const start = dateOf(startDate);
  const end = dateOf(endDate);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${startDate} – ${endDate}`;
  const formatter = format(language, {
    timeZone: 'UTC',
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
  return startDate === endDate ? formatter.format(start) : formatter.formatRange(start, end);
}

/** "Monday, October 12, 2026": one calendar day in full (agenda day headings, calendar cells). */
export function formatLongDate(language: string, value: string): string {
  const date = dateOf(value);
  if (Number.isNaN(date.getTime())) return value;
  return format(language, { timeZone: 'UTC', dateStyle: 'full' }).format(date);
}

// --- Instants in a zone -------------------------------------------------------------------------------

/** "EDT", "GMT+8", "UTC−4": the short name the zone goes by at that instant, in the interface language. */
export function zoneAbbreviation(language: string, timeZone: string, at: Date): string {
  const part = format(language, { timeZone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((item) => item.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "9:00 – 10:30 AM": a span of time of day in a zone (no date, no zone name). */
export function formatTimeRange(language: string, timeZone: string, startsAt: string, endsAt: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${startsAt} – ${endsAt}`;
  const formatter = format(language, { timeZone, hour: 'numeric', minute: '2-digit' });
  return end.getTime() > start.getTime() ? formatter.formatRange(start, end) : formatter.format(start);
}

/** "Tue, Mar 10, 9:00 PM – Wed, Mar 11, 1:00 AM GMT+8": a span in a zone with its dates and zone name. */
export function formatInstantRange(language: string, timeZone: string, startsAt: string, endsAt: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${startsAt} – ${endsAt}`;
  const formatter = format(language, {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  return end.getTime() > start.getTime() ? formatter.formatRange(start, end) : formatter.format(start);
}

/** "Wed, Oct 1, 2026, 5:00 PM GMT+8": one instant in a zone, its name included. */
export function formatInstant(language: string, timeZone: string, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return format(language, {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** "Tue, Mar 10": a short date, for when a viewer's time falls on another day than the host's. */
export function formatShortDay(language: string, timeZone: string, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return format(language, { timeZone, weekday: 'short', month: 'short', day: 'numeric' }).format(date);
}

// --- Months -------------------------------------------------------------------------------------------

/** `2026-10` when valid, else null. */
export function parseMonth(value: string | null | undefined): string | null {
  if (!value) return null;
  const match = MONTH_PATTERN.exec(value);
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? value : null;
}

export function addMonths(month: string, delta: number): string {
  const [year = 1970, index = 1] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, index - 1 + delta, 1));
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}`;
}

export function formatMonth(language: string, month: string): string {
  return format(language, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(dateOf(`${month}-01`));
}

/** The locale's first day of the week, 1 (Monday) to 7 (Sunday); Monday when the runtime does not say. */
export function firstDayOfWeek(language: string): number {
  try {
    const locale = new Intl.Locale(language) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    return locale.getWeekInfo?.().firstDay ?? locale.weekInfo?.firstDay ?? 1;
  } catch {
    return 1;
  }
}

/**
 * The days of a month view: whole weeks starting on `firstDay` (1 = Monday … 7 = Sunday), from the week
 * holding the 1st to the week holding the last day. Each week is seven `YYYY-MM-DD` dates.
 */
export function monthWeeks(month: string, firstDay: number): string[][] {
  const first = dateOf(`${month}-01`);
  const isoWeekday = first.getUTCDay() === 0 ? 7 : first.getUTCDay();
  const lead = (isoWeekday - firstDay + 7) % 7;
  const last = addDays(`${addMonths(month, 1)}-01`, -1);
  const weeks: string[][] = [];
  let day = addDays(`${month}-01`, -lead);
  while (day <= last) {
    const week: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/** Weekday names for the column headers, starting on `firstDay`: short and long forms. */
export function weekdayNames(language: string, firstDay: number): { short: string; long: string }[] {
  const short = format(language, { timeZone: 'UTC', weekday: 'short' });
  const long = format(language, { timeZone: 'UTC', weekday: 'long' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const date = new Date(Date.UTC(2024, 0, ((firstDay - 1 + i) % 7) + 1));
    return { short: short.format(date), long: long.format(date) };
  });
}

export function dayOfMonth(language: string, value: string): string {
  return format(language, { timeZone: 'UTC', day: 'numeric' }).format(dateOf(value));
}
