import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AttendanceOverrideRequest, ParticipantAttendanceDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { workshopKeys } from './workshops.keys';

export interface AttendanceChange {
  workshopId: string;
  userId: string;
  /** The correction; null goes back to the attendance measured from presence. */
  override: AttendanceOverrideRequest | null;
}

/** A facilitator corrects a participant's attendance (or clears the correction). */
export function setAttendance({ workshopId, userId, override }: AttendanceChange): Promise<ParticipantAttendanceDto> {
  const path = `/api/workshops/${encodeURIComponent(workshopId)}/attendance/${encodeURIComponent(userId)}`;
  return override
    ? apiRequest<ParticipantAttendanceDto>(path, { method: 'PUT', body: override })
    : apiRequest<ParticipantAttendanceDto>(path, { method: 'DELETE' });
}

/** The attendance list and the facilitator log both change. */
export function refreshAttendance(queryClient: QueryClient, workshopId: string): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: workshopKeys.attendance(workshopId) }),
    queryClient.invalidateQueries({ queryKey: workshopKeys.audit(workshopId) }),
  ]);
}

export function useSetAttendance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setAttendance,
    onSuccess: (_result, { workshopId }) => refreshAttendance(queryClient, workshopId),
  });
}
