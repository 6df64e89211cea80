import { useMemo } from 'react';
import { useI18n } from '../../../../lib/i18n';

/** ISO date-time → the time of day in the viewer's time zone and language (for chat messages). */
export function useTimeFormat(): (iso: string) => string {
  const { language, timeZone } = useI18n();
  return useMemo(() => {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone });
    } catch {
      // An unknown time zone must not break the room: fall back to the browser's own.
      format = new Intl.DateTimeFormat(language, { timeStyle: 'short' });
    }
    return (iso: string) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : format.format(date);
    };
  }, [language, timeZone]);
}
