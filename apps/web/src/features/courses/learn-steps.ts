import type { CourseEnrolmentDto, CourseLessonDto, CourseModuleDto, CourseQuizDto } from '@twinning/contracts';

/** One place in the player: a lesson, or a quiz (after its module's lessons), in the course's order. */
export type LearnStep =
  | { kind: 'lesson'; id: string; title: string; moduleIndex: number; lesson: CourseLessonDto }
  | { kind: 'quiz'; id: string; title: string; moduleIndex: number; quiz: CourseQuizDto };

/** Every lesson and quiz in order: each module's lessons, then its quizzes. Ids are lesson keys and quiz ids. */
export function learnSteps(modules: readonly CourseModuleDto[]): LearnStep[] {
  return modules.flatMap((module, moduleIndex) => [
    ...module.lessons.map((lesson): LearnStep => ({
      kind: 'lesson',
      id: lesson.key,
      title: lesson.title,
      moduleIndex,
      lesson,
    })),
    ...module.quizzes.map((quiz): LearnStep => ({ kind: 'quiz', id: quiz.id, title: quiz.title, moduleIndex, quiz })),
  ]);
}

/** Whether the learner finished the step: the lesson marked done, the quiz passed. */
export function isStepDone(step: LearnStep, enrolment: CourseEnrolmentDto): boolean {
  if (step.kind === 'lesson') return enrolment.completedLessonKeys.includes(step.id);
  return enrolment.quizzes.some((q) => q.quizId === step.id && q.passed);
}

export function learnProgress(enrolment: CourseEnrolmentDto): { done: number; total: number } {
  const steps = learnSteps(enrolment.modules);
  return { done: steps.filter((step) => isStepDone(step, enrolment)).length, total: steps.length };
}

/**
 * Where to resume: the lesson the learner last opened (on any device, from the server), or when they
 * finished it, the next step after it they have not done; without one, the first step not done, else the first.
 */
export function resumeStep(enrolment: CourseEnrolmentDto): LearnStep | undefined {
  const steps = learnSteps(enrolment.modules);
  const last = steps.findIndex((step) => step.kind === 'lesson' && step.id === enrolment.lastLessonKey);
  if (last >= 0) {
    if (!isStepDone(steps[last], enrolment)) return steps[last];
    const next = steps.slice(last + 1).find((step) => !isStepDone(step, enrolment));
    if (next) return next;
  }
  return steps.find((step) => !isStepDone(step, enrolment)) ?? steps[last] ?? steps[0];
}

export const learnPath = (courseId: string, stepId?: string) =>
  `/courses/${encodeURIComponent(courseId)}/learn${stepId ? `/${encodeURIComponent(stepId)}` : ''}`;
