import type { QueryClient } from '@tanstack/react-query';
import type { TrainingRequestDto } from '@twinning/contracts';
import { trainingKeys } from './training.keys';

/** A request the API answered with: stored as its detail, and the lists refreshed (state, offer count). */
export function applyTrainingRequest(queryClient: QueryClient, request: TrainingRequestDto): void {
  queryClient.setQueryData(trainingKeys.detail(request.id), request);
  void queryClient.invalidateQueries({ queryKey: trainingKeys.lists() });
}
