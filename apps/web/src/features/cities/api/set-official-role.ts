import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CityRole, SetCityRoleRequest } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { cityKeys } from './cities.keys';

export interface SetOfficialRoleVariables {
  cityId: string;
  userId: string;
  role: CityRole;
}

export function setOfficialRole({ cityId, userId, role }: SetOfficialRoleVariables): Promise<void> {
  const body: SetCityRoleRequest = { role };
  return apiRequest<void>(`/api/cities/${encodeURIComponent(cityId)}/officials/${encodeURIComponent(userId)}/role`, {
    method: 'PUT',
    body,
  });
}

export function useSetOfficialRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setOfficialRole,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cityKeys.details() }),
  });
}
