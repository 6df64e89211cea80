import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { DecideJoinRequest, JoinRequestDto, Page } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { joinRequestKeys } from './join-requests.keys';

export interface DecideJoinRequestVariables extends DecideJoinRequest {
  requestId: string;
}

export function decideJoinRequest({ requestId, decision }: DecideJoinRequestVariables): Promise<JoinRequestDto> {
  const body: DecideJoinRequest = { decision };
  return apiRequest<JoinRequestDto>(`/api/join-requests/${encodeURIComponent(requestId)}/decision`, {
    method: 'POST',
    body,
  });
}

type PendingPages = InfiniteData<Page<JoinRequestDto>, string | undefined>;

/** Approves or rejects; the request leaves the pending list at once and comes back if the call fails. */
export function useDecideJoinRequest() {
  const queryClient = useQueryClient();
  const pendingKey = joinRequestKeys.reviewable('pending');

  return useMutation({
    mutationFn: decideJoinRequest,
    onMutate: async ({ requestId }) => {
      await queryClient.cancelQueries({ queryKey: pendingKey });
      const previous = queryClient.getQueryData<PendingPages>(pendingKey);
      queryClient.setQueryData<PendingPages>(pendingKey, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.filter((request) => request.id !== requestId),
              })),
            }
          : data,
      );
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(pendingKey, context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: joinRequestKeys.all }),
  });
}
