import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeDto, UpdateProfileRequest } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys } from './account.keys';

export function updateMe(body: UpdateProfileRequest): Promise<MeDto> {
  return apiRequest<MeDto>('/api/me', { method: 'PATCH', body });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (user) => queryClient.setQueryData<MeDto | null>(accountKeys.me(), user),
  });
}
