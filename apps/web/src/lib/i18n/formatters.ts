import type { UiLanguage } from '@twinning/contracts';

export interface Formatters {
  /** 2794356 → "2,794,356" (or "2 794 356" in French). */
  number(value: number): string;
  /** ISO date-time → date and time in the viewer's time zone. */
  dateTime(iso: string): string;
  /** ISO date-time → date only, in the viewer's time zone. */
  date(iso: string): string;
  /** ISO 3166-1 alpha-2 code → country name in the interface language. */
  country(code: string): string;
  /** BCP 47 language code → language name in the interface language. */
  languageName(code: string): string;
  /** ["a", "b", "c"] → "a, b and c". */
  list(items: readonly string[]): string;
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
  const dateTimes = safeDateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }, timeZone);
  const dates = safeDateTimeFormat(language, { dateStyle: 'medium' }, timeZone);
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
