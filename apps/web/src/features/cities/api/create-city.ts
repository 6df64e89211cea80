import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CityDto, CreateCityRequest } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { cityKeys } from './cities.keys';

export function createCity(body: CreateCityRequest): Promise<CityDto> {
  return apiRequest<CityDto>('/api/cities', { method: 'POST', body });
}

export function useCreateCity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCity,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cityKeys.lists() }),
  });
}
