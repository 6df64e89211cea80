import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MyRegistrationDto } from '@twinning/contracts';
import { apiRequest, isApiRequestError } from '../../../lib/api-client';
import { visitPath } from './get-visit';
import { visitKeys } from './visits.keys';

/** The viewer's registration for a visit, or null when they have none (the API answers 404). */
export async function getMyRegistration(visitId: string, signal?: AbortSignal): Promise<MyRegistrationDto | null> {
  try {
    return await apiRequest<MyRegistrationDto>(`${visitPath(visitId)}/registration`, { signal });
  } catch (error) {
    if (isApiRequestError(error) && error.status === 404) return null;
    throw error;
  }
}

export const myRegistrationQueryOptions = (visitId: string) =>
  queryOptions({
    queryKey: visitKeys.registration(visitId),
    queryFn: ({ signal }) => getMyRegistration(visitId, signal),
  });

export function useMyRegistration(visitId: string, enabled = true) {
  return useQuery({ ...myRegistrationQueryOptions(visitId), enabled });
}
