import type { UiLanguage } from './domain';

/**
 * Calendar days (`YYYY-MM-DD`, the host's dates of a visit, a poll's all-day option) in words, never read as
 * instants: they are formatted at UTC midnight in UTC, so no time zone can move them to another day.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(lang: UiLanguage): Intl.DateTimeFormat {
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, {
      weekday: 'short',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    formats.set(lang, format);
  }
  return format;
}

function parseDay(day: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2027-03-07" → "Sun, March 7, 2027" (« dim. 7 mars 2027 »); anything unreadable is returned as it came. */
export function formatCalendarDay(day: string, lang: UiLanguage): string {
  const date = parseDay(day);
  return date ? dayFormat(lang).format(date) : day;
}

/** Two calendar days as one range, sharing what they share: "Sun, March 7 – Tue, March 9, 2027". */
export function formatCalendarDayRange(start: string, end: string, lang: UiLanguage): string {
  const from = parseDay(start);
  const to = parseDay(end);
  if (!from || !to) return `${start} – ${end}`;
  if (to < from) return `${dayFormat(lang).format(from)} – ${dayFormat(lang).format(to)}`;
  return dayFormat(lang).formatRange(from, to);
}
