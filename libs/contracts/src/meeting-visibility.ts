import {
  MEETING_OPENS_MINUTES_BEFORE,
  meetingProvider,
  type WorkshopMeetingDto,
  type WorkshopSummaryDto,
} from './workshops';

/** What the meeting link's visibility depends on besides the row: the time, and the embed origins. */
export interface MeetingContext {
  now: Date;
  embedOrigins: readonly string[];
}

/**
 * The meeting as this viewer may see it: facilitators always get the link; registered participants
 * (not removed) from MEETING_OPENS_MINUTES_BEFORE the start until the workshop ends (ended, or past
 * its end while not live); everyone else gets no link, only that there is a meeting and when it opens.
 */
export function meetingFor(
  url: string | null | undefined,
  summary: Pick<WorkshopSummaryDto, 'status' | 'startsAt' | 'endsAt'> & {
    viewer: Pick<WorkshopSummaryDto['viewer'], 'facilitator' | 'registered' | 'removed'>;
  },
  context: MeetingContext,
): WorkshopMeetingDto | null {
  if (!url) return null;
  const opensAt = Date.parse(summary.startsAt) - MEETING_OPENS_MINUTES_BEFORE * 60_000;
  const now = context.now.getTime();
  const { viewer, status } = summary;
  const open = status !== 'ended' && now >= opensAt && (status === 'live' || now < Date.parse(summary.endsAt));
  const visible = viewer.facilitator || (viewer.registered && !viewer.removed && open);
  let origin: string | null = null;
  try {
    origin = new URL(url).origin;
  } catch {
    origin = null;
  }
  return {
    provider: meetingProvider(url, context.embedOrigins),
    url: visible ? url : null,
    opensAt: new Date(opensAt).toISOString(),
    embed: origin !== null && context.embedOrigins.includes(origin),
  };
}
