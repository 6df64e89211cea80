import type { PostLanguage, Theme } from '@twinning/contracts';

/** The catalogue's filter (from the address: `/courses?language=fr&theme=integration`). */
export interface CourseCatalogueFilter {
  language?: PostLanguage;
  theme?: Theme;
}

/** Query keys of the learner's side of courses: catalogue, a course's page, the viewer's enrolment. */
export const courseKeys = {
  all: ['courses'] as const,
  catalogues: () => [...courseKeys.all, 'catalogue'] as const,
  catalogue: (filter: CourseCatalogueFilter) => [...courseKeys.catalogues(), filter] as const,
  details: () => [...courseKeys.all, 'detail'] as const,
  detail: (id: string) => [...courseKeys.details(), id] as const,
  /** The signed-in viewer's enrolment on the course (null: not enrolled). */
  enrolment: (id: string) => [...courseKeys.detail(id), 'enrolment'] as const,
};

export const coursePath = (id: string) => `/api/courses/${encodeURIComponent(id)}`;

/**
 * The certificates feature's cache (its keys start with `certificates`): refreshed when completing a course
 * issued one. Features do not import each other, so the root is named here.
 */
export const certificateQueryRoots = [['certificates']] as const;
