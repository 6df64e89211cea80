import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CourseQuizAttemptDto } from '@twinning/contracts';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeCourse, makeCourseEnrolment, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

function serve(grade: (answers: number[][]) => CourseQuizAttemptDto, quizzes = makeCourseEnrolment().quizzes) {
  return stubFetch(({ method, url, body }) => {
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe()));
    if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: 0 });
    if (url.pathname === '/api/courses/course-1') return jsonResponse(makeCourse());
    if (url.pathname === '/api/courses/course-1/enrolment') return jsonResponse(makeCourseEnrolment({ quizzes }));
    if (url.pathname === '/api/courses/course-1/quizzes/quiz-1/attempts' && method === 'POST') {
      return jsonResponse(grade((body as { answers: number[][] }).answers), 201);
    }
    return apiError(404, 'NOT_FOUND');
  });
}

const halfRight: CourseQuizAttemptDto = {
  score: 50,
  passed: false,
  questions: [{ right: true }, { right: false }],
  status: { quizId: 'quiz-1', attemptsUsed: 1, attemptsLeft: 2, bestScore: 50, passed: false },
};

describe('Course quiz', () => {
  it('is answered by keyboard, says nothing about correctness before submitting, then shows the server’s grade', async () => {
    const { requests } = serve(() => halfRight);
    renderApp({ path: '/courses/course-1/learn/quiz-1' });
    const user = userEvent.setup();

    const form = await screen.findByRole('form', { name: 'Quiz “Check your basics”' }, { timeout: 5000 });
    expect(screen.getByText('Pass mark: 60 %')).toBeInTheDocument();
    expect(screen.getByText('3 attempts left of 3')).toBeInTheDocument();
    // a radio group for the single-choice question, checkboxes for the multiple-choice one
    const q1 = within(form).getByRole('group', { name: 'Question 1. A mediator is…' });
    const q2 = within(form).getByRole('group', { name: 'Question 2. Which help?' });
    expect(within(q1).getAllByRole('radio')).toHaveLength(2);
    expect(within(q2).getAllByRole('checkbox')).toHaveLength(3);
    // nothing in the page marks an option or a question right or wrong yet
    expect(screen.queryByText('Right')).not.toBeInTheDocument();
    expect(screen.queryByText('Wrong')).not.toBeInTheDocument();
    expect(document.querySelector('.learn-question--right, .learn-question--wrong')).toBeNull();

    // submitting with a question unanswered asks for it, and sends nothing
    within(q1).getByRole('radio', { name: 'neutral' }).focus();
    await user.keyboard(' ');
    expect(within(q1).getByRole('radio', { name: 'neutral' })).toBeChecked();
    await user.keyboard('{ArrowDown}');
    expect(within(q1).getByRole('radio', { name: 'a judge' })).toBeChecked();
    await user.click(within(form).getByRole('button', { name: 'Submit my answers' }));
    expect(within(q2).getByText('Answer this question.')).toBeInTheDocument();
    expect(within(q2).getByRole('checkbox', { name: 'paraphrasing' })).toHaveFocus();
    expect(requests.some((r) => r.url.pathname.endsWith('/attempts'))).toBe(false);

    await user.keyboard(' ');
    await user.tab();
    await user.keyboard(' ');
    await user.click(within(form).getByRole('button', { name: 'Submit my answers' }));
    await waitFor(() =>
      expect(requests.find((r) => r.url.pathname.endsWith('/attempts'))?.body).toEqual({ answers: [[1], [0, 1]] }),
    );

    expect(await screen.findByText('Not passed: your score is 50 %, the pass mark 60 %.')).toBeInTheDocument();
    expect(screen.getByText(/1 of 2 questions right/)).toBeInTheDocument();
    expect(within(q1).getByText('Right')).toBeInTheDocument();
    expect(within(q2).getByText('Wrong')).toBeInTheDocument();
    expect(screen.getByText('2 attempts left of 3')).toBeInTheDocument();

    // trying again clears the answers and the grade
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.queryByText('Wrong')).not.toBeInTheDocument();
    expect(within(q1).getByRole('radio', { name: 'a judge' })).not.toBeChecked();
  });

  it('offers no submission once every attempt is used', async () => {
    serve(() => halfRight, [{ quizId: 'quiz-1', attemptsUsed: 3, attemptsLeft: 0, bestScore: 50, passed: false }]);
    renderApp({ path: '/courses/course-1/learn/quiz-1' });
    expect(
      await screen.findByText('You have used every attempt at this quiz.', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('Your best score: 50 %')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Submit my answers' })).not.toBeInTheDocument();
  });
});
