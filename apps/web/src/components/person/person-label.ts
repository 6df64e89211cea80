import type { PersonRole, PersonSummary } from '@twinning/contracts';
import type { Translate } from '../../lib/i18n';

/** The role's label, from the same words the rest of the interface uses for city and platform roles. */
export function roleLabel(t: Translate, role: PersonRole): string {
  return role === 'coordinator' || role === 'official' ? t(`cityRoles.${role}`) : t(`platformRoles.${role}`);
}

/** "Toronto · Coordinator", "Toronto, Lisbon · Official", "Facilitator", or "" for neither. */
export function personMeta(t: Translate, person: Pick<PersonSummary, 'cities' | 'role'>): string {
  const parts = [person.cities.map((c) => c.name).join(', '), person.role ? roleLabel(t, person.role) : ''].filter(
    (part) => part !== '',
  );
  return parts.join(' · ');
}

/** The person's local time now, formatted in the viewer's language ("Tue 14:05"). */
export function localTimeNow(language: string, timeZone: string, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat(language, { weekday: 'short', hour: 'numeric', minute: '2-digit', timeZone }).format(
      now,
    );
  } catch {
    return '';
  }
}
