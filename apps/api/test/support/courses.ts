import type { CourseVersionDto, CreateCourseRequest } from '@twinning/contracts';
import request from 'supertest';
import type { TestUser } from './factories';
import type { TestApp } from './test-app';

/** A valid course: two modules, three lessons, a quiz with a single- and a multiple-choice question. */
export function courseBody(overrides: Partial<CreateCourseRequest> = {}): CreateCourseRequest {
  return {
    title: 'Mediation for city officials',
    language: 'en',
    themes: ['integration'],
    description: 'Practise **mediation** between services and newcomers.',
    estimatedHours: 3.5,
    modules: [
      {
        title: 'Foundations',
        lessons: [
          { title: 'What mediation is', body: 'A *neutral* third party. <script>alert(1)</script>' },
          {
            title: 'Listening',
            body: 'Active listening, [guide](https://example.org) and [bad](javascript:alert(1)).',
          },
        ],
        quizzes: [
          {
            title: 'Check your basics',
            passMark: 60,
            maxAttempts: 3,
            questions: [
              {
                kind: 'single',
                prompt: 'A mediator is…',
                options: [
                  { text: 'SECRET-RIGHT-neutral', correct: true },
                  { text: 'a judge', correct: false },
                ],
              },
              {
                kind: 'multiple',
                prompt: 'Which help?',
                options: [
                  { text: 'SECRET-RIGHT-paraphrasing', correct: true },
                  { text: 'SECRET-RIGHT-summarising', correct: true },
                  { text: 'interrupting', correct: false },
                ],
              },
            ],
          },
        ],
      },
      {
        title: 'Practice',
        lessons: [{ title: 'Role play', body: 'Work in pairs.' }],
        quizzes: [],
      },
    ],
    ...overrides,
  };
}

/** Course routes as one user. */
export function courseClient(t: TestApp) {
  const http = () => request(t.app.getHttpServer());
  return {
    http,
    async create(user: TestUser, overrides: Partial<CreateCourseRequest> = {}): Promise<CourseVersionDto> {
      const res = await http().post('/api/courses').set(user.auth).send(courseBody(overrides));
      if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    action(
      user: TestUser,
      versionId: string,
      action: 'submit' | 'approve' | 'request-changes' | 'comments',
      body?: object,
    ) {
      return http().post(`/api/course-versions/${versionId}/${action}`).set(user.auth).send(body);
    },
    saveDraft(user: TestUser, courseId: string, body: object) {
      return http().put(`/api/courses/${courseId}/draft`).set(user.auth).send(body);
    },
  };
}
