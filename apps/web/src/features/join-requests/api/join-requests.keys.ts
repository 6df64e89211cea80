import type { JoinRequestStatus } from '@twinning/contracts';

export const joinRequestKeys = {
  all: ['join-requests'] as const,
  /** The signed-in user's own requests. */
  mine: () => [...joinRequestKeys.all, 'mine'] as const,
  /** Requests the viewer may review (admins: all; coordinators: their cities'). */
  reviewable: (status: JoinRequestStatus) => [...joinRequestKeys.all, 'reviewable', status] as const,
};
