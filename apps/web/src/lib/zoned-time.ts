import { isValidTimeZone, zonedLocalToUtcIso as convert } from '@twinning/contracts';
import { useI18n } from './i18n';
import { browserTimeZone } from './time-zones';

/**
 * The web client's side of wall time. Conversion itself (Intl only, across daylight-saving changes) is
 * the wall-time module of `@twinning/contracts`, shared with the API: `utcIsoToZonedLocal` and
 * `zonedDate` come from there. What the web decides is here: the viewer's zone, and what a form does
 * with a time the clocks skip.
 */

/**
 * `2026-03-10T09:00` (a `datetime-local` value) read in `timeZone` → `2026-03-10T13:00:00.000Z`. A time
 * that occurs twice (when the clocks go back) is the earlier one; a time skipped when the clocks go
 * forward moves forward by the gap ('shift-forward', as `Temporal`'s "compatible" rule does), so a form
 * never refuses what someone typed. Null when the text is not a complete date and time.
 */
export function zonedLocalToUtcIso(local: string, timeZone: string): string | null {
  return convert(local, timeZone, 'shift-forward');
}

/** The viewer's own zone: their profile's, else the browser's. */
export function useViewerTimeZone(): string {
  const { timeZone } = useI18n();
  return timeZone && isValidTimeZone(timeZone) ? timeZone : browserTimeZone();
}
