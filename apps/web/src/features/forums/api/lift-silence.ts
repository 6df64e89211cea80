import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SilenceDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { forumKeys } from './forums.keys';

export interface LiftSilenceVariables {
  forumId: string;
  userId: string;
}

export function liftSilence({ forumId, userId }: LiftSilenceVariables): Promise<void> {
  return apiRequest<void>(`/api/forums/${encodeURIComponent(forumId)}/silences/${encodeURIComponent(userId)}`, {
    method: 'DELETE',
  });
}

/** Lets a silenced person post again; they leave the list at once. */
export function useLiftSilence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: liftSilence,
    onSuccess: (_answer, { forumId, userId }) => {
      queryClient.setQueryData<SilenceDto[]>(forumKeys.silences(forumId), (silences) =>
        silences?.filter((silence) => silence.user.id !== userId),
      );
      void queryClient.invalidateQueries({ queryKey: forumKeys.silences(forumId) });
    },
  });
}
