import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MarkTrainingAttendanceRequest, TrainingRequestDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { trainingRequestPath } from './get-training-request';
import { applyTrainingRequest } from './training-cache';

export function markTrainingAttendance(id: string, body: MarkTrainingAttendanceRequest): Promise<TrainingRequestDto> {
  return apiRequest<TrainingRequestDto>(`${trainingRequestPath(id)}/attendance`, { method: 'PUT', body });
}

export function useMarkTrainingAttendance(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkTrainingAttendanceRequest) => markTrainingAttendance(id, body),
    onSuccess: (request) => applyTrainingRequest(queryClient, request),
  });
}
