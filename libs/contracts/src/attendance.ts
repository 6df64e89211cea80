import type { UserSummary } from './auth';
import type { WorkshopStatus } from './workshops';

/* Attendance of a live workshop, from presence in its room (join and leave intervals), and its corrections. */

/** An attendance certificate needs presence for at least this share of the live time (openedAt..endedAt). */
export const ATTENDANCE_CERTIFICATE_PERCENT = 75;

/** A facilitator's correction of a participant's attendance (PUT /workshops/:id/attendance/:userId). */
export interface AttendanceOverrideRequest {
  /** The facilitator's word on eligibility: present (may get a certificate) or absent (may not). */
  present: boolean;
  /** Minutes actually attended, when known (at most the live time); null or absent keeps the measured minutes. */
  minutes?: number | null;
}

export interface AttendanceOverrideDto {
  present: boolean;
  minutes: number | null;
  by: UserSummary | null;
  at: string;
}

/** One registered participant's attendance of the live time. */
export interface ParticipantAttendanceDto {
  user: UserSummary;
  /** Measured from presence: the participant's join and leave intervals, merged, within the live time. */
  measuredMinutes: number;
  /** Share of the live time, rounded down to one decimal. */
  measuredPercent: number;
  /** As corrected (the override's minutes when it gives some, the measured ones otherwise). */
  minutes: number;
  percent: number;
  /** May get an attendance certificate: the override's `present`, else measuredPercent ≥ the threshold. */
  eligible: boolean;
  override: AttendanceOverrideDto | null;
}

export interface WorkshopAttendanceDto {
  workshopId: string;
  status: WorkshopStatus;
  openedAt: string | null;
  endedAt: string | null;
  /** Minutes between openedAt and endedAt (until now while live). */
  liveMinutes: number;
  thresholdPercent: number;
  /** Registered participants (not removed), by name. */
  participants: ParticipantAttendanceDto[];
}
