import type { QueryClient } from '@tanstack/react-query';
import type { MilestoneDto, PartnershipDetailDto } from '@twinning/contracts';
import { partnershipKeys } from './partnerships.keys';

/**
 * After a change answered with the whole partnership: show that answer at once, then refresh what depends
 * on it (the lists, its activity feed, and suggestions, whose pending proposals may have changed).
 */
export async function applyPartnershipChange(queryClient: QueryClient, partnership: PartnershipDetailDto) {
  queryClient.setQueryData(partnershipKeys.detail(partnership.id), partnership);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: partnershipKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: partnershipKeys.activity(partnership.id) }),
    queryClient.invalidateQueries({ queryKey: partnershipKeys.suggestions() }),
  ]);
}

/** After a milestone changed: update it in the cached partnership, then read the partnership again. */
export async function applyMilestoneChange(
  queryClient: QueryClient,
  partnershipId: string,
  change: { saved: MilestoneDto } | { deletedId: string },
) {
  queryClient.setQueryData<PartnershipDetailDto>(partnershipKeys.detail(partnershipId), (data) => {
    if (!data) return data;
    if ('deletedId' in change) {
      return { ...data, milestones: data.milestones.filter((m) => m.id !== change.deletedId) };
    }
    const exists = data.milestones.some((m) => m.id === change.saved.id);
    return {
      ...data,
      milestones: exists
        ? data.milestones.map((m) => (m.id === change.saved.id ? change.saved : m))
        : [...data.milestones, change.saved],
    };
  });
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: partnershipKeys.detail(partnershipId) }),
    queryClient.invalidateQueries({ queryKey: partnershipKeys.lists() }),
  ]);
}
