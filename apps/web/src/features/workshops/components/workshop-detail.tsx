import type { WorkshopDto } from '@twinning/contracts';
import { useCallback, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { StatusMessage } from '../../../components/status-message';
import { useI18n } from '../../../lib/i18n';
import type { Announce } from '../../../lib/announce';
import { MeetingJoin } from '../meeting/meeting-join';
import { CalendarActions } from './calendar-actions';
import { FacilitatorActions } from './facilitator-actions';
import { ParticipantActions } from './participant-actions';
import { TranscriptActions } from './transcript-actions';
import { WorkshopAttendance } from './workshop-attendance';
import { WorkshopAuditLog } from './workshop-audit-log';
import { WorkshopFacilitators } from './workshop-facilitators';
import { WorkshopFacts } from './workshop-facts';
import { ViewerBadges, WorkshopStatusBadge } from './workshop-status-badge';
import { useViewerTimeZone } from '../../../lib/zoned-time';
import '../workshops.css';

export interface WorkshopDetailProps {
  workshop: WorkshopDto;
  viewerId: string;
  /** A message to start with, such as "The workshop was created". */
  initialAnnouncement?: string;
}

/**
 * The workshop page's content: its state, what the viewer can do now (register, join, or — for
 * facilitators — open, end, edit), the description and facts, and for facilitators the co-facilitators
 * and the log of what was done in the room; once it ended, attendance and attendance certificates. A change of state (the room opening) is announced.
 */
export function WorkshopDetail({ workshop, viewerId, initialAnnouncement }: WorkshopDetailProps) {
  const { t } = useI18n();
  const timeZone = useViewerTimeZone();
  const actionsId = useId();
  const aboutId = useId();
  const detailsId = useId();
  const statusRef = useRef<HTMLDivElement>(null);
  const [announcement, setAnnouncement] = useState(initialAnnouncement ?? '');
  const [seenStatus, setSeenStatus] = useState(workshop.status);
  const { viewer } = workshop;

  // The page refreshes itself: say so when the room opens or closes while the viewer is here.
  if (seenStatus !== workshop.status) {
    setSeenStatus(workshop.status);
    if (workshop.status === 'live') setAnnouncement(t('workshops.nowLive'));
    else if (workshop.status === 'ended') setAnnouncement(t('workshops.nowEnded'));
  }

  const announce = useCallback<Announce>((message, options) => {
    setAnnouncement(message);
    if (options?.focus) statusRef.current?.focus();
  }, []);
  const fallbackFocus = useCallback(() => statusRef.current, []);

  return (
    <div className="workshop">
      <p className="workshop__status">
        <WorkshopStatusBadge status={workshop.status} />
        <ViewerBadges viewer={viewer} />
      </p>
      <div ref={statusRef} tabIndex={-1} className="focus-target">
        <StatusMessage className={announcement ? 'status--success' : undefined}>{announcement}</StatusMessage>
      </div>

      <section
        className={['panel', 'workshop-actions', workshop.status === 'live' ? 'workshop-actions--live' : ''].join(' ')}
        aria-labelledby={actionsId}
      >
        <h2 id={actionsId}>{viewer.facilitator ? t('workshops.runHeading') : t('workshops.takePartHeading')}</h2>
        {viewer.facilitator ? (
          <FacilitatorActions workshop={workshop} fallbackFocus={fallbackFocus} />
        ) : (
          <ParticipantActions workshop={workshop} announce={announce} />
        )}
        <MeetingJoin workshop={workshop} />
        {workshop.status === 'ended' && !viewer.removed ? (
          <TranscriptActions workshop={workshop} announce={announce} />
        ) : null}
        {workshop.status !== 'ended' && !viewer.removed ? <CalendarActions workshop={workshop} /> : null}
      </section>

      <section className="section" aria-labelledby={aboutId}>
        <h2 id={aboutId}>{t('workshops.aboutHeading')}</h2>
        {workshop.descriptionHtml ? (
          <div
            className="post-markdown workshop__description"
            dir="auto"
            dangerouslySetInnerHTML={{ __html: workshop.descriptionHtml }}
          />
        ) : (
          <p className="muted">{t('workshops.noDescription')}</p>
        )}
      </section>

      <section className="section" aria-labelledby={detailsId}>
        <h2 id={detailsId}>{t('workshops.detailsHeading')}</h2>
        <WorkshopFacts workshop={workshop} />
        <p className="muted workshop__zone">
          {t('workshops.timesInZone', { zone: timeZone })} <Link to="/profile">{t('workshops.changeZone')}</Link>
        </p>
      </section>

      {viewer.facilitator && workshop.status === 'ended' ? (
        <WorkshopAttendance workshopId={workshop.id} announce={announce} fallbackFocus={fallbackFocus} />
      ) : null}
      {viewer.facilitator ? (
        <>
          <WorkshopFacilitators workshop={workshop} viewerId={viewerId} announce={announce} />
          <WorkshopAuditLog workshopId={workshop.id} />
        </>
      ) : null}
    </div>
  );
}
