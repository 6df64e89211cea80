import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CityDto, UpdateCityRequest } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { cityKeys } from './cities.keys';

export interface UpdateCityVariables {
  cityId: string;
  changes: UpdateCityRequest;
}

export function updateCity({ cityId, changes }: UpdateCityVariables): Promise<CityDto> {
  return apiRequest<CityDto>(`/api/cities/${encodeURIComponent(cityId)}`, {
    method: 'PATCH',
    body: changes,
  });
}

export function useUpdateCity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCity,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cityKeys.all }),
  });
}
