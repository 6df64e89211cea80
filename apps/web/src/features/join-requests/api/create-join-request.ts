import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { JoinCityRequest, JoinRequestDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { joinRequestKeys } from './join-requests.keys';

export interface CreateJoinRequestVariables extends JoinCityRequest {
  cityId: string;
}

export function createJoinRequest({ cityId, message }: CreateJoinRequestVariables): Promise<JoinRequestDto> {
  const body: JoinCityRequest = message ? { message } : {};
  return apiRequest<JoinRequestDto>(`/api/cities/${encodeURIComponent(cityId)}/join-requests`, {
    method: 'POST',
    body,
  });
}

export function useCreateJoinRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createJoinRequest,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: joinRequestKeys.all }),
  });
}
