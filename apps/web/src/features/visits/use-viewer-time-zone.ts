import { useI18n } from '../../lib/i18n';
import { browserTimeZone } from '../../lib/time-zones';
import { isKnownTimeZone } from './visit-time';

/** The viewer's own zone: their profile's, else the browser's. */
export function useViewerTimeZone(): string {
  const { timeZone } = useI18n();
  return timeZone && isKnownTimeZone(timeZone) ? timeZone : browserTimeZone();
}
