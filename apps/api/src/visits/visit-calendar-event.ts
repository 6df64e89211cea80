import { addCalendarDays } from '@twinning/contracts';
import type { IcsEvent, IcsStatus } from '../common/icalendar';
import { plainExcerpt } from '../common/markdown';
import type { CalendarVisitRow } from './visit-calendar.repository';

/** The UID of a visit's whole-visit event: its `.ics` export, feeds and invitations all use it. */
export const visitUid = (visitId: string) => `visit-${visitId}@twinning`;

/** The visit as one all-day event (DTEND exclusive), at its host city, linking to its page. */
export function visitEvent(visit: CalendarVisitRow, url: string, status: IcsStatus): IcsEvent {
  const purpose = plainExcerpt(visit.purpose, 2000);
  return {
    uid: visitUid(visit.id),
    sequence: visit.sequence,
    status,
    summary: visit.title,
    start: { date: visit.start_date },
    end: { date: addCalendarDays(visit.end_date, 1) },
    location: visit.host_name,
    description: [purpose, `Visit page: ${url}`].filter(Boolean).join('\n\n'),
    url,
    lastModified: new Date(visit.updated_at),
  };
}
