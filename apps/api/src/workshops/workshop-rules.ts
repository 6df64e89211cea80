import {
  ErrorCode,
  meetingProvider,
  type MeetingProvider,
  type UserSummary,
  type WorkshopAuditAction,
  type WorkshopStatus,
} from '@twinning/contracts';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';

/** The errors and small rules the workshop services share, worded once. */

export function removedError(): AppError {
  return new AppError(ErrorCode.REMOVED, 'A facilitator removed you from this workshop.');
}

export function notLive(status: WorkshopStatus): AppError {
  return new AppError(
    ErrorCode.INVALID_STATE,
    status === 'ended' ? 'This workshop has ended.' : 'This workshop has not started yet.',
  );
}

/** "3 minutes", "1 hour 5 minutes": how long a mute still lasts. */
export function duration(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours} hour${hours === 1 ? '' : 's'}${rest ? ` ${rest} minute${rest === 1 ? '' : 's'}` : ''}`;
}

/** MUTED for `seconds` more (the ack carries the seconds as retry-after). */
export function mutedError(seconds: number): AppError {
  return new AppError(ErrorCode.MUTED, `A facilitator muted you for ${duration(seconds)} more.`, undefined, seconds);
}

/** Who did it, as events and notifications show it. */
export function summary(user: AuthUser): UserSummary {
  return { id: user.id, displayName: user.displayName };
}

/**
 * The audit entry a change of meeting link makes (added, changed, removed), or null when the link
 * stays the same. The entry names the provider only: the link itself never enters the log.
 */
export function meetingAuditEntry(
  before: string | null,
  after: string | null,
  embedOrigins: readonly string[],
): { action: WorkshopAuditAction; detail: { provider: MeetingProvider } } | null {
  if ((before ?? null) === (after ?? null)) return null;
  if (!after) return { action: 'meeting.removed', detail: { provider: meetingProvider(before ?? '', embedOrigins) } };
  return {
    action: before ? 'meeting.changed' : 'meeting.added',
    detail: { provider: meetingProvider(after, embedOrigins) },
  };
}
