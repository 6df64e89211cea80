import type {
  MarkTrainingAttendanceRequest,
  ScheduleTrainingRequest,
  TrainingEvaluationAnswer,
  TrainingEvaluationDto,
  TrainingRequestDto,
} from '@twinning/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeMe, makeTrainingOffer, makeTrainingRequest } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

const ana = makeMe({
  cities: [{ cityId: 'city-toronto', citySlug: 'toronto', cityName: 'Toronto', role: 'coordinator' }],
});
const li = makeMe({ id: 'user-li', displayName: 'Li Wei' });
const lucia = makeMe({ id: 'user-lucia', displayName: 'Lucía Fernández', roles: ['facilitator'] });
const viewer = (overrides: Partial<TrainingRequestDto['viewer']> = {}): TrainingRequestDto['viewer'] => ({
  requester: false,
  canDecide: false,
  canOffer: false,
  trainer: false,
  canSchedule: false,
  canMarkAttendance: false,
  participant: false,
  canSeeResults: false,
  ...overrides,
});
const accepted = (format: 'live_online' | 'in_person') =>
  makeTrainingRequest({
    status: 'matched',
    acceptedOfferId: 'offer-1',
    offers: [makeTrainingOffer({ status: 'accepted', format, proposedDates: ['2027-03-10'] })],
    viewer: viewer({ requester: true, canDecide: true, canSchedule: true, canSeeResults: true }),
  });

function serve(me: typeof ana, routes: (url: URL, method: string) => Response | null) {
  return stubFetch(({ url, method }) => {
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
    if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: 0 });
    return routes(url, method) ?? apiError(404, 'NOT_FOUND');
  });
}

describe('Training delivery', () => {
  it('schedules a live online training in the requester’s zone and links the workshops it created', async () => {
    let current = accepted('live_online');
    const scheduled: TrainingRequestDto = {
      ...current,
      status: 'scheduled',
      viewer: viewer({ requester: true, canSeeResults: true }),
      schedule: {
        format: 'live_online',
        sessions: [
          {
            position: 1,
            title: 'Role plays',
            startsAt: '2027-03-10T13:00:00.000Z',
            endsAt: '2027-03-10T15:00:00.000Z',
            workshop: { id: 'workshop-9', title: 'Role plays' },
          },
        ],
        place: null,
        course: null,
        deadline: null,
        scheduledAt: '2027-02-01T10:00:00.000Z',
        deliveryEndsAt: '2027-03-10T15:00:00.000Z',
        deliveredAt: null,
        evaluationClosesAt: null,
      },
    };
    const { requests } = serve(ana, (url, method) => {
      if (url.pathname === '/api/training/requests/training-1') return jsonResponse(current);
      if (url.pathname === '/api/training/requests/training-1/schedule' && method === 'POST') {
        current = scheduled;
        return jsonResponse(scheduled);
      }
      return null;
    });
    renderApp({ path: '/training/training-1/delivery' });
    const user = userEvent.setup();

    expect(
      await screen.findByRole('heading', { name: 'Schedule the training' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('Times in the requester’s time zone (America/Toronto).')).toBeInTheDocument();
    // nothing complete yet: the form says so and sends nothing
    await user.click(screen.getByRole('button', { name: 'Schedule' }));
    expect(await screen.findByText('Give a start and an end for every session.')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Session 1 starts'), { target: { value: '2027-03-10T09:00' } });
    fireEvent.change(screen.getByLabelText('Session 1 ends'), { target: { value: '2027-03-10T11:00' } });
    await user.type(screen.getByLabelText('Title of session 1 (optional)'), 'Role plays');
    await user.click(screen.getByRole('button', { name: 'Schedule' }));

    expect(await screen.findByText('The training is scheduled. Everyone concerned was told.')).toBeInTheDocument();
    const posted = requests.filter((r) => r.method === 'POST' && r.url.pathname.endsWith('/schedule'));
    expect(posted).toHaveLength(1);
    // 09:00 in Toronto (EDT from March 14; EST on March 10) is 14:00 UTC
    expect(posted[0].body as ScheduleTrainingRequest).toEqual({
      sessions: [{ title: 'Role plays', startsAt: '2027-03-10T14:00:00.000Z', endsAt: '2027-03-10T16:00:00.000Z' }],
      language: 'en',
    });
    expect(screen.getByRole('link', { name: 'Role plays' })).toHaveAttribute('href', '/workshops/workshop-9');
    expect(screen.queryByRole('button', { name: 'Schedule' })).not.toBeInTheDocument();
  });

  it('shows the place in person, and lets the trainer mark attendance per named official', async () => {
    let current: TrainingRequestDto = {
      ...accepted('in_person'),
      status: 'scheduled',
      officials: [
        { id: 'user-li', displayName: 'Li Wei' },
        { id: 'user-sam', displayName: 'Sam Okafor' },
      ],
      viewer: viewer({ trainer: true, canMarkAttendance: true, canSeeResults: true }),
      schedule: {
        format: 'in_person',
        sessions: [
          {
            position: 1,
            title: 'Mediation for front desks',
            startsAt: '2027-03-10T14:00:00.000Z',
            endsAt: '2027-03-10T16:00:00.000Z',
            workshop: null,
          },
        ],
        place: 'City Hall, room 3',
        course: null,
        deadline: null,
        scheduledAt: '2027-02-01T10:00:00.000Z',
        deliveryEndsAt: '2027-03-10T16:00:00.000Z',
        deliveredAt: null,
        evaluationClosesAt: null,
      },
      attendance: [
        { user: { id: 'user-li', displayName: 'Li Wei' }, present: null, markedAt: null },
        { user: { id: 'user-sam', displayName: 'Sam Okafor' }, present: null, markedAt: null },
      ],
    };
    const { requests } = serve(lucia, (url, method) => {
      if (url.pathname === '/api/training/requests/training-1') return jsonResponse(current);
      if (url.pathname === '/api/training/requests/training-1/attendance' && method === 'PUT') {
        current = {
          ...current,
          attendance: [
            { user: { id: 'user-li', displayName: 'Li Wei' }, present: false, markedAt: '2027-03-10T17:00:00.000Z' },
            { user: { id: 'user-sam', displayName: 'Sam Okafor' }, present: null, markedAt: null },
          ],
        };
        return jsonResponse(current);
      }
      return null;
    });
    renderApp({ path: '/training/training-1/delivery' });
    const user = userEvent.setup();

    expect(await screen.findByText('City Hall, room 3', {}, { timeout: 5000 })).toBeInTheDocument();
    const liGroup = screen.getByRole('group', { name: 'Li Wei' });
    await user.click(within(liGroup).getByRole('radio', { name: 'Absent' }));
    await user.click(screen.getByRole('button', { name: 'Save attendance' }));
    expect(await screen.findByText('Attendance saved.')).toBeInTheDocument();
    const put = requests.find((r) => r.method === 'PUT' && r.url.pathname.endsWith('/attendance'));
    expect(put?.body as MarkTrainingAttendanceRequest).toEqual({ entries: [{ userId: 'user-li', present: false }] });
  });

  it('takes a participant’s evaluation with the keyboard-friendly radios and shows no results to them', async () => {
    const delivered: TrainingRequestDto = {
      ...accepted('live_online'),
      status: 'delivered',
      viewer: viewer({ participant: true }),
    };
    let evaluation: TrainingEvaluationDto = {
      requestId: 'training-1',
      open: true,
      opensAt: '2027-03-10T16:00:00.000Z',
      closesAt: '2027-03-24T16:00:00.000Z',
      canAnswer: true,
      mine: null,
      results: null,
    };
    const { requests } = serve(li, (url, method) => {
      if (url.pathname === '/api/training/requests/training-1') return jsonResponse(delivered);
      if (url.pathname === '/api/training/requests/training-1/evaluation') {
        if (method === 'PUT') {
          evaluation = {
            ...evaluation,
            mine: {
              overall: 4,
              relevance: 5,
              willApply: true,
              improve: 'More cases',
              updatedAt: '2027-03-11T10:00:00.000Z',
            },
          };
        }
        return jsonResponse(evaluation);
      }
      return null;
    });
    renderApp({ path: '/training/training-1/evaluation' });
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { name: 'Your evaluation' }, { timeout: 5000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send my evaluation' }));
    expect(await screen.findAllByText('Choose an answer.')).toHaveLength(3);
    await user.click(within(screen.getByRole('group', { name: 'Overall' })).getByRole('radio', { name: '4' }));
    await user.click(
      within(screen.getByRole('group', { name: 'Relevance to your work' })).getByRole('radio', {
        name: '5 – excellent',
      }),
    );
    await user.click(
      within(screen.getByRole('group', { name: 'I will apply this' })).getByRole('radio', { name: 'Yes' }),
    );
    await user.type(screen.getByLabelText('One thing to improve (optional)'), 'More cases');
    await user.click(screen.getByRole('button', { name: 'Send my evaluation' }));

    expect(await screen.findByText('Thank you: your evaluation was saved.')).toBeInTheDocument();
    const put = requests.find((r) => r.method === 'PUT' && r.url.pathname.endsWith('/evaluation'));
    expect(put?.body as TrainingEvaluationAnswer).toEqual({
      overall: 4,
      relevance: 5,
      willApply: true,
      improve: 'More cases',
    });
    expect(await screen.findByRole('button', { name: 'Update my evaluation' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Evaluation results' })).not.toBeInTheDocument();
  });

  const deliveredForRequester: TrainingRequestDto = {
    ...accepted('live_online'),
    status: 'delivered',
    viewer: viewer({ requester: true, canSeeResults: true }),
  };
  const evaluationFor = (results: TrainingEvaluationDto['results']): TrainingEvaluationDto => ({
    requestId: 'training-1',
    open: true,
    opensAt: '2027-03-10T16:00:00.000Z',
    closesAt: '2027-03-24T16:00:00.000Z',
    canAnswer: false,
    mine: null,
    results,
  });

  it('shows requesters no numbers below five answers', async () => {
    serve(ana, (url) => {
      if (url.pathname === '/api/training/requests/training-1') return jsonResponse(deliveredForRequester);
      if (url.pathname === '/api/training/requests/training-1/evaluation') {
        return jsonResponse(evaluationFor({ ready: false, minAnswers: 5 }));
      }
      return null;
    });
    renderApp({ path: '/training/training-1/evaluation' });
    const results = await screen.findByRole('region', { name: 'Evaluation results' }, { timeout: 5000 });
    expect(results).toHaveTextContent(/Not enough answers yet: results are shown from 5 answers on/);
    expect(results.textContent?.replace('5 answers', '')).not.toMatch(/\d/);
    expect(screen.queryByRole('heading', { name: 'Your evaluation' })).not.toBeInTheDocument();
  });

  it('shows requesters the aggregate with anonymous suggestions from five answers on', async () => {
    serve(ana, (url) => {
      if (url.pathname === '/api/training/requests/training-1') return jsonResponse(deliveredForRequester);
      if (url.pathname === '/api/training/requests/training-1/evaluation') {
        return jsonResponse(
          evaluationFor({
            ready: true,
            minAnswers: 5,
            answers: 5,
            overall: { average: 3.8, counts: [0, 1, 1, 1, 2] },
            relevance: { average: 3.6, counts: [0, 1, 1, 2, 1] },
            willApply: { yes: 3, no: 2 },
            improvements: ['Arabic handouts', 'Longer breaks'],
          }),
        );
      }
      return null;
    });
    renderApp({ path: '/training/training-1/evaluation' });
    const ready = await screen.findByRole('region', { name: 'Evaluation results' }, { timeout: 5000 });
    expect(ready).toHaveTextContent('3.8 of 5 on average');
    expect(ready).toHaveTextContent('Yes: 3 · No: 2');
    const suggestions = within(ready).getByRole('list', { name: 'What to improve (anonymous)' });
    expect(
      within(suggestions)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Arabic handouts', 'Longer breaks']);
  });
});
