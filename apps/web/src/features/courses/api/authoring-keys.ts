/**
 * Query keys of the authoring, review and trainer-dashboard side of courses (the learner side keeps its
 * own keys). Saving a draft or reviewing refreshes everything under `all`.
 */
export const courseAuthoringKeys = {
  all: ['course-authoring'] as const,
  authored: () => [...courseAuthoringKeys.all, 'authored'] as const,
  history: (courseId: string) => [...courseAuthoringKeys.all, 'history', courseId] as const,
  version: (versionId: string) => [...courseAuthoringKeys.all, 'version', versionId] as const,
  reviewQueue: () => [...courseAuthoringKeys.all, 'review-queue'] as const,
  learners: (courseId: string) => [...courseAuthoringKeys.all, 'learners', courseId] as const,
  quizStats: (versionId: string) => [...courseAuthoringKeys.all, 'quiz-stats', versionId] as const,
  myOffers: () => [...courseAuthoringKeys.all, 'my-offers'] as const,
  preview: (body: string) => [...courseAuthoringKeys.all, 'preview', body] as const,
  facilitators: (q: string) => [...courseAuthoringKeys.all, 'facilitators', q] as const,
};
