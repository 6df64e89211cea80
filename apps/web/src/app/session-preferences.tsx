import { useEffect } from 'react';
import { useSession, useSessionSync } from '../features/account';
import { useI18n } from '../lib/i18n';

/**
 * Glue between the session and the interface: when someone signs in (or the session is restored), their
 * profile's language and time zone win; signed out, dates use the browser's time zone.
 */
export function SessionPreferences() {
  useSessionSync();
  const { user } = useSession();
  const { setLanguage, setTimeZone } = useI18n();
  const userId = user?.id;
  const preferredLanguage = user?.preferredLanguage;
  const timeZone = user?.timeZone;

  useEffect(() => {
    if (userId && preferredLanguage) setLanguage(preferredLanguage);
  }, [userId, preferredLanguage, setLanguage]);

  useEffect(() => {
    setTimeZone(timeZone);
  }, [timeZone, setTimeZone]);

  return null;
}
