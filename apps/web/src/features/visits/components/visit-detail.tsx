import type { VisitDto } from '@twinning/contracts';
import { useCallback, useRef, useState } from 'react';
import { PageSection } from '../../../components/section-menu';
import { StatusMessage } from '../../../components/status-message';
import { useI18n } from '../../../lib/i18n';
import { useVisitLiveUpdates } from '../realtime/use-visit-live-updates';
import { AgendaTimeline } from './agenda-timeline';
import type { Announce } from '../../../lib/announce';
import { DatePoll } from './date-poll';
import { RegistrationPanel } from './registration-panel';
import { ParticipantsPanel } from './participants-panel';
import { RosterPanel } from './roster-panel';
import { VisitActions } from './visit-actions';
import { VisitOverview } from './visit-overview';
import { VisitReport } from './visit-report';
import { VisitStatusBadge } from './visit-status-badge';
import '../visits.css';

export interface VisitDetailProps {
  visit: VisitDto;
  /** A message to start with, such as "The visit was created" after creating it. */
  initialAnnouncement?: string;
  /** The signed-in user, whose row of the date poll is the editable one. */
  viewerId?: string;
}

/**
 * The visit page's content: state and coordinator actions, facts, date poll, agenda, registration, roster
 * (coordinators) and report, with the actions the API allows this viewer (its `viewer` block) only.
 * It stays current while open: other members' votes, registrations and edits arrive live.
 */
/** The page's sections, in order: each has its own address (`/visits/:id/agenda`). */
export const VISIT_SECTIONS = ['overview', 'poll', 'agenda', 'participants', 'report'] as const;
export type VisitSection = (typeof VISIT_SECTIONS)[number];

/**
 * The sections this viewer sees on this visit: no poll without dates to choose. Participants are there
 * for everyone; coordinators see them as the roster, with needs and exports.
 */
export function visitSections(visit: VisitDto): VisitSection[] {
  return VISIT_SECTIONS.filter((section) => section !== 'poll' || visit.dateOptions.length > 0);
}

export function VisitDetail({ visit, initialAnnouncement, viewerId }: VisitDetailProps) {
  const { t } = useI18n();
  const [announcement, setAnnouncement] = useState(initialAnnouncement ?? '');
  const statusRef = useRef<HTMLDivElement>(null);
  useVisitLiveUpdates(visit.id);

  const announce = useCallback<Announce>((message, options) => {
    setAnnouncement(message);
    if (options?.focus) statusRef.current?.focus();
  }, []);

  return (
    <div className="visit">
      <p className="visit__status">
        <VisitStatusBadge status={visit.status} /> <span>{t(`visits.statusMeaning.${visit.status}`)}</span>
      </p>
      <div ref={statusRef} tabIndex={-1} className="focus-target">
        <StatusMessage className={announcement ? 'status--success' : undefined}>{announcement}</StatusMessage>
      </div>
      <PageSection id="overview">
        <VisitActions visit={visit} announce={announce} />
        <VisitOverview visit={visit} />
        <RegistrationPanel visit={visit} announce={announce} />
      </PageSection>
      {visit.dateOptions.length > 0 ? (
        <PageSection id="poll">
          <DatePoll key={visit.id} visit={visit} announce={announce} viewerId={viewerId} />
        </PageSection>
      ) : null}
      <PageSection id="agenda">
        <AgendaTimeline visit={visit} announce={announce} />
      </PageSection>
      <PageSection id="participants">
        {visit.viewer.coordinator ? <RosterPanel visit={visit} /> : <ParticipantsPanel visit={visit} />}
      </PageSection>
      <PageSection id="report">
        <VisitReport visit={visit} announce={announce} />
      </PageSection>
    </div>
  );
}
