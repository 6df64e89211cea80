import { queryOptions, useQuery } from '@tanstack/react-query';
import type { WorkshopAttendanceReportDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { workshopKeys } from './workshops.keys';

/** Each registered participant's attendance of the live time, eligibility and certificate (facilitators). */
export function getWorkshopAttendance(workshopId: string, signal?: AbortSignal): Promise<WorkshopAttendanceReportDto> {
  return apiRequest<WorkshopAttendanceReportDto>(`/api/workshops/${encodeURIComponent(workshopId)}/attendance`, {
    signal,
  });
}

export const workshopAttendanceQueryOptions = (workshopId: string) =>
  queryOptions({
    queryKey: workshopKeys.attendance(workshopId),
    queryFn: ({ signal }) => getWorkshopAttendance(workshopId, signal),
  });

export function useWorkshopAttendance(workshopId: string) {
  return useQuery(workshopAttendanceQueryOptions(workshopId));
}
