import { browserTimeZone } from '../../lib/time-zones';
import { useI18n } from '../../lib/i18n';
import { isKnownTimeZone } from './workshop-time';

/** The zone workshop times are shown and entered in: the viewer's profile's, else the browser's. */
export function useViewerTimeZone(): string {
  const { timeZone } = useI18n();
  return timeZone && isKnownTimeZone(timeZone) ? timeZone : browserTimeZone();
}
