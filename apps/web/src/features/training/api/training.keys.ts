import type { TrainingRequestStatus } from '@twinning/contracts';

export interface TrainingListFilter {
  status?: TrainingRequestStatus;
}

export const trainingKeys = {
  all: ['training'] as const,
  lists: () => [...trainingKeys.all, 'list'] as const,
  list: (filter: TrainingListFilter) => [...trainingKeys.lists(), filter] as const,
  details: () => [...trainingKeys.all, 'detail'] as const,
  detail: (id: string) => [...trainingKeys.details(), id] as const,
  /** Under the request, so that refreshing a request refreshes its ranking too. */
  matches: (id: string) => [...trainingKeys.detail(id), 'matches'] as const,
  /** Under the request too: the evaluation (the viewer's answer, the aggregate results). */
  evaluation: (id: string) => [...trainingKeys.detail(id), 'evaluation'] as const,
  /** Published courses, for a self-paced offer. */
  publishedCourses: () => [...trainingKeys.all, 'published-courses'] as const,
  /** Active partnerships the viewer coordinates a member city of (they may request for them). */
  myPartnerships: () => [...trainingKeys.all, 'my-partnerships'] as const,
  /** Officials of a city: who a request can name, and who can train for an expert city's offer. */
  cityOfficials: (slug: string) => [...trainingKeys.all, 'city-officials', slug] as const,
};
