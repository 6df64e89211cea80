import type { WorkshopDto } from '@twinning/contracts';

/**
 * What the workshop page and the room show about a workshop's online meeting, decided from the
 * server's answer (which alone holds the link) and the time now:
 * - `join`: the link is here ("Join the call");
 * - `soon`: the viewer is registered; the link comes at `opensAt` (15 minutes before the start);
 * - `register`: registered participants get the link; the viewer is not registered yet;
 * - `none`: nothing to say (no meeting, ended, removed, or the server has not opened it yet).
 */
export type MeetingState = 'join' | 'soon' | 'register' | 'none';

export function meetingState(workshop: WorkshopDto, now: number): MeetingState {
  const { meeting, viewer, status } = workshop;
  if (!meeting) return 'none';
  if (meeting.url) return 'join';
  if (status === 'ended' || viewer.removed || viewer.facilitator) return 'none';
  if (!viewer.registered) return 'register';
  return now < Date.parse(meeting.opensAt) ? 'soon' : 'none';
}

/** Never wait longer than this in one timeout (browsers overflow after about 24 days). */
const MAX_WAIT_MS = 60 * 60_000;
const BOUNDARY_MARGIN_MS = 500;
/** When the window should be open but the server still holds the link back (a clock ahead), ask again after this. */
export const MEETING_RECHECK_MS = 15_000;

/**
 * Milliseconds until the workshop should be fetched again so the button appears (or goes) on time:
 * at `opensAt` for a registered participant still waiting, at the scheduled end while the room was
 * never opened, and every MEETING_RECHECK_MS while the window should be open but the server (which
 * decides) has not sent the link yet. Null: nothing will change by waiting.
 */
export function meetingRefreshDelay(workshop: WorkshopDto, now: number): number | null {
  const { meeting, viewer, status } = workshop;
  if (!meeting || status === 'ended' || viewer.removed) return null;
  if (viewer.facilitator) return null;
  if (!viewer.registered) return null;
  const opensAt = Date.parse(meeting.opensAt);
  const endsAt = Date.parse(workshop.endsAt);
  const windowOpen = now >= opensAt && (status === 'live' || now < endsAt);
  let boundary: number | null;
  if (meeting.url) boundary = status === 'scheduled' ? endsAt : null;
  else if (now < opensAt) boundary = opensAt;
  else return windowOpen ? MEETING_RECHECK_MS : null;
  if (boundary === null) return null;
  // Just past the boundary, so a server in step with this clock has crossed it too; once past it
  // (the server disagreed), ask again at the recheck pace rather than at once.
  const delay = boundary - now + BOUNDARY_MARGIN_MS;
  return delay <= BOUNDARY_MARGIN_MS / 2 ? MEETING_RECHECK_MS : Math.min(delay, MAX_WAIT_MS);
}
