import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CourseQuizAttemptDto } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { certificateQueryRoots, courseKeys, coursePath } from './course-keys';

export function submitCourseQuiz(id: string, quizId: string, answers: number[][]): Promise<CourseQuizAttemptDto> {
  return apiRequest<CourseQuizAttemptDto>(`${coursePath(id)}/quizzes/${encodeURIComponent(quizId)}/attempts`, {
    method: 'POST',
    body: { answers },
  });
}

/**
 * Submits an attempt, graded on the server: only its answer says which questions were right. The
 * enrolment is read again afterwards (the quiz's status, and the certificate when the pass completed it).
 */
export function useSubmitCourseQuiz(id: string, quizId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: number[][]) => submitCourseQuiz(id, quizId, answers),
    onSuccess: async (attempt) => {
      await queryClient.invalidateQueries({ queryKey: courseKeys.enrolment(id) });
      if (attempt.passed) {
        for (const key of certificateQueryRoots) void queryClient.invalidateQueries({ queryKey: key });
      }
    },
  });
}
