import { formatCalendarDay, formatCalendarDayRange, type UiLanguage } from '@twinning/contracts';

export interface Formatters {
  /** 2794356 → "2,794,356" (or "2 794 356" in French). */
  number(value: number): string;
  /** ISO date-time → date and time in the viewer's time zone. */
  dateTime(iso: string): string;
  /** ISO date-time → date only, in the viewer's time zone. */
  date(iso: string): string;
  /** ISO date-time → time of day only ("9:05 AM", « 9:05 »), in the viewer's time zone. */
  time(iso: string): string;
  /** A calendar day `YYYY-MM-DD` (a host's date; never shifted by a time zone) → "Sun, March 7, 2027". */
  day(day: string): string;
  /** Two calendar days → one range: "Sun, March 7 – Tue, March 9, 2027". */
  dayRange(start: string, end: string): string;
  /** A length of time in seconds → "4 min 58 s", « 1 h 30 min » (Intl.DurationFormat, or a fallback). */
  duration(seconds: number, style?: DurationStyle): string;
  /** ISO 3166-1 alpha-2 code → country name in the interface language. */
  country(code: string): string;
  /** BCP 47 language code → language name in the interface language. */
  languageName(code: string): string;
  /** ["a", "b", "c"] → "a, b and c". */
  list(items: readonly string[]): string;
}

export type DurationStyle = 'long' | 'short' | 'narrow';

/**
 * Dates and times on every page share one style: the month by name, the day and year as numbers, the time as
 * hours and minutes (12 or 24 hours as the language has it). `dateStyle: 'medium'` would write Arabic dates
 * as digits (02/03/2026) beside the named months of the visit and workshop pages.
 */
const DATE_PARTS: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
const TIME_PARTS: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

interface DurationParts {
  hours: number;
  minutes: number;
  seconds: number;
}

type DurationFormatter = { format(parts: Partial<DurationParts>): string };
type DurationFormatConstructor = new (locale: string, options: { style: DurationStyle }) => DurationFormatter;

function splitSeconds(total: number): DurationParts {
  const whole = Math.max(0, Math.round(total));
  return { hours: Math.floor(whole / 3600), minutes: Math.floor((whole % 3600) / 60), seconds: whole % 60 };
}

/**
 * `Intl.DurationFormat` (Chromium and Node 24 have it); elsewhere a fallback built from `Intl.NumberFormat`'s
 * units joined as a list, which says the same thing.
 */
export function createDurationFormat(
  language: UiLanguage,
  style: DurationStyle = 'short',
): (seconds: number) => string {
  const parts = (seconds: number): Partial<DurationParts> => {
    const { hours, minutes, seconds: secs } = splitSeconds(seconds);
    const result: Partial<DurationParts> = {};
    if (hours) result.hours = hours;
    if (minutes) result.minutes = minutes;
    if (secs || (!hours && !minutes)) result.seconds = secs;
    return result;
  };
  const unitDisplay = style === 'long' ? 'long' : style === 'narrow' ? 'narrow' : 'short';
  const units = {
    hours: new Intl.NumberFormat(language, { style: 'unit', unit: 'hour', unitDisplay }),
    minutes: new Intl.NumberFormat(language, { style: 'unit', unit: 'minute', unitDisplay }),
    seconds: new Intl.NumberFormat(language, { style: 'unit', unit: 'second', unitDisplay }),
  };
  const list = new Intl.ListFormat(language, { style: unitDisplay, type: 'unit' });
  const fallback = (seconds: number) =>
    list.format(
      Object.entries(parts(seconds)).map(([unit, value]) => units[unit as keyof DurationParts].format(value)),
    );
  const DurationFormat = (Intl as unknown as { DurationFormat?: DurationFormatConstructor }).DurationFormat;
  if (DurationFormat) {
    try {
      const format = new DurationFormat(language, { style });
      // DurationFormat leaves out units that are zero, so "0 s" comes from the fallback.
      return (seconds) => format.format(parts(seconds)) || fallback(seconds);
    } catch {
      // an engine that has DurationFormat without this language: the fallback says the same
    }
  }
  return fallback;
}

function safeDisplayNames(language: UiLanguage, type: Intl.DisplayNamesType): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([language], { type, fallback: 'code' });
  } catch {
    return null;
  }
}

function safeDateTimeFormat(
  language: UiLanguage,
  options: Intl.DateTimeFormatOptions,
  timeZone: string | undefined,
): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(language, { ...options, timeZone });
  } catch {
    // An unknown time zone must not break the page: fall back to the browser's own.
    return new Intl.DateTimeFormat(language, options);
  }
}

export function createFormatters(language: UiLanguage, timeZone?: string): Formatters {
  const numbers = new Intl.NumberFormat(language);
  const dateTimes = safeDateTimeFormat(language, { ...DATE_PARTS, ...TIME_PARTS }, timeZone);
  const dates = safeDateTimeFormat(language, DATE_PARTS, timeZone);
  const times = safeDateTimeFormat(language, TIME_PARTS, timeZone);
  const durations = new Map<DurationStyle, (seconds: number) => string>();
  const regions = safeDisplayNames(language, 'region');
  const languages = safeDisplayNames(language, 'language');
  const lists = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });

  const formatDate = (format: Intl.DateTimeFormat, iso: string): string => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };

  return {
    number: (value) => numbers.format(value),
    dateTime: (iso) => formatDate(dateTimes, iso),
    date: (iso) => formatDate(dates, iso),
    time: (iso) => formatDate(times, iso),
    day: (day) => formatCalendarDay(day, language),
    dayRange: (start, end) => formatCalendarDayRange(start, end, language),
    duration: (seconds, style = 'short') => {
      let format = durations.get(style);
      if (!format) {
        format = createDurationFormat(language, style);
        durations.set(style, format);
      }
      return format(seconds);
    },
    country: (code) => {
      try {
        return regions?.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    },
    languageName: (code) => {
      try {
        return languages?.of(code) ?? code;
      } catch {
        return code;
      }
    },
    list: (items) => lists.format(items),
  };
}
