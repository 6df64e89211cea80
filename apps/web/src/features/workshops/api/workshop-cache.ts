import type { QueryClient } from '@tanstack/react-query';
import type { WorkshopDto } from '@twinning/contracts';
import { workshopKeys } from './workshops.keys';

/**
 * After a change answered with the whole workshop: show that answer at once, then refresh what depends on
 * it (the lists, whose tabs, counts and badges may have changed, and the audit log).
 */
export async function applyWorkshopChange(queryClient: QueryClient, workshop: WorkshopDto) {
  queryClient.setQueryData(workshopKeys.detail(workshop.id), workshop);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: workshopKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: workshopKeys.audit(workshop.id) }),
  ]);
}

/** After a refused change (the workshop moved on meanwhile): read it again, with the lists and the audit log. */
export async function refreshWorkshop(queryClient: QueryClient, workshopId: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: workshopKeys.detail(workshopId) }),
    queryClient.invalidateQueries({ queryKey: workshopKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: workshopKeys.audit(workshopId) }),
  ]);
}
