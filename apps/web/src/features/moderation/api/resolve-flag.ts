import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { FlagDto, Page, ResolveFlagRequest } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { moderationKeys } from './moderation.keys';

export interface ResolveFlagVariables extends ResolveFlagRequest {
  flagId: string;
  /** The flagged post: upholding resolves every open flag on it. */
  postId: string;
}

export function resolveFlag({ flagId, decision, reason }: ResolveFlagVariables): Promise<FlagDto> {
  const body: ResolveFlagRequest = reason ? { decision, reason } : { decision };
  return apiRequest<FlagDto>(`/api/moderation/flags/${encodeURIComponent(flagId)}/resolve`, {
    method: 'POST',
    body,
  });
}

type FlagPages = InfiniteData<Page<FlagDto>, string | undefined>;

/**
 * Upholds (hides the post) or dismisses a flag. It leaves the open queue at once, with the post's other
 * open flags when upheld, and comes back if the call fails.
 */
export function useResolveFlag() {
  const queryClient = useQueryClient();
  const openKey = moderationKeys.flags('open');

  return useMutation({
    mutationFn: resolveFlag,
    onMutate: async ({ flagId, postId, decision }) => {
      await queryClient.cancelQueries({ queryKey: openKey });
      const previous = queryClient.getQueryData<FlagPages>(openKey);
      const leaves = (flag: FlagDto) => flag.id === flagId || (decision === 'uphold' && flag.post.id === postId);
      queryClient.setQueryData<FlagPages>(openKey, (data) =>
        data
          ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((f) => !leaves(f)) })) }
          : data,
      );
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(openKey, context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: moderationKeys.flagLists() }),
  });
}
