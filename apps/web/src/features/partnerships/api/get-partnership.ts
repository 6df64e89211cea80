import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PartnershipDetailDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { partnershipKeys } from './partnerships.keys';

export function getPartnership(id: string, signal?: AbortSignal): Promise<PartnershipDetailDto> {
  return apiRequest<PartnershipDetailDto>(`/api/partnerships/${encodeURIComponent(id)}`, { signal });
}

export const partnershipQueryOptions = (id: string) =>
  queryOptions({
    queryKey: partnershipKeys.detail(id),
    queryFn: ({ signal }) => getPartnership(id, signal),
  });

export function usePartnership(id: string) {
  return useQuery(partnershipQueryOptions(id));
}
