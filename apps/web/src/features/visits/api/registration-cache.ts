import type { QueryClient } from '@tanstack/react-query';
import type { MyRegistrationDto } from '@twinning/contracts';
import { visitKeys } from './visits.keys';

/**
 * After the viewer registers, changes or cancels: their registration is known, and the visit (places,
 * waitlist), the roster and the lists are read again.
 */
export function applyRegistration(
  queryClient: QueryClient,
  visitId: string,
  registration: MyRegistrationDto | null,
): void {
  queryClient.setQueryData(visitKeys.registration(visitId), registration);
  void queryClient.invalidateQueries({ queryKey: visitKeys.detail(visitId), exact: true });
  void queryClient.invalidateQueries({ queryKey: visitKeys.roster(visitId) });
  void queryClient.invalidateQueries({ queryKey: visitKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: visitKeys.months() });
}
