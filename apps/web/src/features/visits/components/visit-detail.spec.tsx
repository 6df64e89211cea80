import type { MeDto, MyRegistrationDto, PollAnswer, VisitDto, VisitVoteRequest } from '@twinning/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { installDialogPolyfill } from '../../../test/dialog-polyfill';
import {
  makeAgendaItem,
  makeAuth,
  makeDateOption,
  makeMe,
  makeMyRegistration,
  makeRosterEntry,
  makeVisit,
} from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch, type RecordedRequest } from '../../../test/test-utils';

/** A member of the partnership who lives in Kuala Lumpur (UTC+8, no daylight saving). */
const minh = makeMe({
  id: 'user-minh',
  displayName: 'Minh Tran',
  handle: 'minh',
  timeZone: 'Asia/Kuala_Lumpur',
  cities: [{ cityId: 'city-penang', citySlug: 'penang', cityName: 'Penang', role: 'official' }],
});
/** A coordinator in Toronto, the host city. */
const li = makeMe({
  id: 'user-li',
  displayName: 'Li Wei',
  handle: 'li_wei',
  timeZone: 'America/Toronto',
  cities: [{ cityId: 'city-toronto', citySlug: 'toronto', cityName: 'Toronto', role: 'coordinator' }],
});

const BASE = '/api/visits/visit-1';

// Intl writes date ranges with thin spaces around the dash; accessible names keep them.
const APRIL = 'Mon, Apr 13\u2009–\u2009Tue, Apr 14, 2026';

/**
 * A stateful fake of the visit routes: writes change `state.visit` as the API would; `handle` may answer
 * a request first (to refuse it, for instance).
 */
function serve(
  me: MeDto,
  initial: VisitDto,
  handle?: (request: RecordedRequest, state: { visit: VisitDto }) => Response | undefined,
) {
  const state: { visit: VisitDto; registration: MyRegistrationDto | null } = { visit: initial, registration: null };
  const { requests } = stubFetch((request) => {
    const { url, method, body } = request;
    const answered = handle?.(request, state);
    if (answered) return answered;
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
    if (url.pathname === BASE && method === 'GET') return jsonResponse(state.visit);
    if (url.pathname === `${BASE}/votes` && method === 'PUT') {
      const { answers } = body as VisitVoteRequest;
      state.visit = {
        ...state.visit,
        dateOptions: state.visit.dateOptions.map((option) => {
          const mine = answers.find((answer) => answer.optionId === option.id)?.answer ?? null;
          const voters = [
            ...option.voters.filter((voter) => voter.user.id !== me.id),
            ...(mine ? [{ user: { id: me.id, displayName: me.displayName }, answer: mine }] : []),
          ];
          const tally = { yes: 0, if_need_be: 0, no: 0 } as Record<PollAnswer, number>;
          for (const voter of voters) tally[voter.answer] += 1;
          return { ...option, myAnswer: mine, voters, tally };
        }),
      };
      return jsonResponse(state.visit);
    }
    if (url.pathname === `${BASE}/transition` && method === 'POST') {
      const { status, reason } = body as { status: VisitDto['status']; reason?: string };
      state.visit = { ...state.visit, status, cancelReason: reason ?? null };
      return jsonResponse(state.visit);
    }
    if (url.pathname === `${BASE}/registration` && method === 'GET') {
      return state.registration ? jsonResponse(state.registration) : apiError(404, 'NOT_FOUND');
    }
    if (url.pathname === `${BASE}/roster` && method === 'GET') {
      return jsonResponse([
        makeRosterEntry(),
        makeRosterEntry({
          user: {
            id: 'user-ana',
            displayName: 'Ana Souza',
            handle: 'ana',
            cities: [],
            role: 'official',
            email: 'ana@example.org',
          },
          status: 'waitlisted',
          position: 1,
          accompanying: 0,
          places: 1,
          dietary: '',
          accessibility: '',
        }),
      ]);
    }
    if (url.pathname === `${BASE}/roster.csv`) {
      return new Response('name,email\nMinh Tran,minh@example.org\n', { headers: { 'Content-Type': 'text/csv' } });
    }
    return apiError(404, 'NOT_FOUND');
  });
  return { requests, state };
}

const sent = (requests: RecordedRequest[], method: string, path: string) =>
  requests.filter((request) => request.method === method && request.url.pathname === path);

beforeAll(() => installDialogPolyfill());

describe('Visit page: date poll', () => {
  const pollVisit = makeVisit({
    status: 'draft',
    startDate: null,
    endDate: null,
    startsAt: null,
    endsAt: null,
    pollOpen: true,
    dateOptions: [
      makeDateOption({
        tally: { yes: 1, if_need_be: 0, no: 0 },
        voters: [{ user: { id: 'user-li', displayName: 'Li Wei' }, answer: 'yes' }],
      }),
      makeDateOption({
        id: 'option-2',
        startDate: '2026-04-13',
        endDate: '2026-04-14',
        startsAt: '2026-04-13T04:00:00.000Z',
        endsAt: '2026-04-15T04:00:00.000Z',
        tally: { yes: 0, if_need_be: 0, no: 1 },
        voters: [{ user: { id: 'user-li', displayName: 'Li Wei' }, answer: 'no' }],
      }),
    ],
  });

  /** Testing Library collapses the thin spaces Intl puts around range dashes. */
  const flat = (text: string) => text.replace(/\s+/g, ' ');
  // Grid columns: the host's days, the year only when it is not this one.
  const thisYear = new Date().getFullYear() === 2026;
  const MARCH_COL = `Sun, Mar 8\u2009–\u2009Tue, Mar 10${thisYear ? '' : ' 2026'}`;
  const APRIL_COL = `Mon, Apr 13\u2009–\u2009Tue, Apr 14${thisYear ? '' : ' 2026'}`;
  const YEAR = thisYear ? '' : '2026 · ';

  it('shows a people × options grid, edits the viewer’s row and updates the totals and the best option', async () => {
    const { requests } = serve(minh, pollVisit);
    renderApp({ path: '/visits/visit-1' });
    const user = userEvent.setup();

    const poll = await screen.findByRole('region', { name: 'Date poll' });
    const grid = within(poll).getByRole('table');
    const headers = within(grid)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    // all-day options: the host's days, never shifted into Kuala Lumpur time
    expect(headers).toEqual([
      'Person',
      `Sun, Mar 8\u2009–\u2009Tue, Mar 10${YEAR}3 daysBest option`,
      `Mon, Apr 13\u2009–\u2009Tue, Apr 14${YEAR}2 days`,
    ]);
    expect(within(poll).queryByText(/PM|AM|GMT/)).not.toBeInTheDocument();
    // Li's row, read-only, with an accessible label per cell
    const li = within(grid).getByRole('rowheader', { name: 'Li Wei' }).closest('tr') as HTMLElement;
    expect(within(li).getByText(flat(`Li Wei, option ${MARCH_COL}: Yes`))).toBeInTheDocument();
    expect(within(li).getByText(flat(`Li Wei, option ${APRIL_COL}: No`))).toBeInTheDocument();
    expect(within(grid).getByText(flat(`${MARCH_COL}: 1 yes, 0 if need be, 0 no`))).toBeInTheDocument();
    // Coordinators only pick.
    expect(within(poll).queryByRole('button', { name: /Pick these dates/ })).not.toBeInTheDocument();

    // Keyboard only: Tab into the first cell's radio group, arrows choose; Tab to the next cell.
    const first = within(grid).getByRole('radiogroup', { name: `Your answer for ${MARCH_COL}` });
    within(first).getByRole('radio', { name: 'Yes' }).focus();
    await user.keyboard(' ');
    expect(within(first).getByRole('radio', { name: 'Yes' })).toBeChecked();
    const second = within(grid).getByRole('radiogroup', { name: `Your answer for ${APRIL_COL}` });
    await user.click(within(second).getByRole('radio', { name: 'No' }));
    await user.keyboard('{ArrowLeft}');
    expect(within(second).getByRole('radio', { name: 'If need be' })).toBeChecked();
    // totals include the unsaved row
    expect(within(grid).getByText(flat(`${MARCH_COL}: 2 yes, 0 if need be, 0 no`))).toBeInTheDocument();
    expect(within(grid).getByText(flat(`${APRIL_COL}: 0 yes, 1 if need be, 1 no`))).toBeInTheDocument();
    await user.click(within(poll).getByRole('button', { name: 'Save my answers' }));

    expect(await screen.findByText('Your answers were saved.')).toBeInTheDocument();
    expect(sent(requests, 'PUT', `${BASE}/votes`)[0]?.body).toEqual({
      answers: [
        { optionId: 'option-1', answer: 'yes' },
        { optionId: 'option-2', answer: 'if_need_be' },
      ],
    });
    // the viewer is not a second row of their own: their saved answers stay in the editable row
    expect(within(grid).queryByRole('rowheader', { name: 'Minh Tran' })).not.toBeInTheDocument();
    expect(within(grid).getByText(flat(`${MARCH_COL}: 2 yes, 0 if need be, 0 no`))).toBeInTheDocument();
    expect(within(second).getByRole('radio', { name: 'If need be' })).toBeChecked();
  });

  it('shows the grid in Arabic, right to left, with the host’s days and Arabic labels per cell', async () => {
    serve({ ...minh, preferredLanguage: 'ar' }, pollVisit);
    renderApp({ path: '/visits/visit-1', initialLanguage: 'ar' });
    const poll = await screen.findByRole('region', { name: 'استطلاع المواعيد' });
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    const grid = within(poll).getByRole('table', { name: 'الإجابات لكل شخص ولكل خيار من التواريخ' });
    const march = new Intl.DateTimeFormat('ar', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' })
      .formatRange(new Date('2026-03-08T00:00Z'), new Date('2026-03-10T00:00Z'))
      .replace(/\s+/g, ' ');
    const header = within(grid).getAllByRole('columnheader')[1]?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(header.startsWith(march)).toBe(true);
    expect(header).toContain('أفضل خيار');
    expect(header).not.toMatch(/\d{1,2}:\d{2}/);
    const li = within(grid).getByRole('rowheader', { name: 'Li Wei' }).closest('tr') as HTMLElement;
    expect(within(li).getAllByText(/^Li Wei، الخيار .*: (نعم|لا)$/)).toHaveLength(2);
    expect(within(grid).getAllByRole('radiogroup', { name: /^إجابتك عن / })).toHaveLength(2);
    expect(within(poll).getByRole('button', { name: 'حفظ إجاباتي' })).toBeDisabled();
  });

  it('lets a coordinator pick a date after confirming', async () => {
    const { requests } = serve(
      li,
      { ...pollVisit, viewer: { coordinator: true, registration: null } },
      (request, state) => {
        if (request.url.pathname === `${BASE}/pick`) {
          state.visit = {
            ...state.visit,
            pollOpen: false,
            startDate: '2026-04-13',
            endDate: '2026-04-14',
            startsAt: '2026-04-13T04:00:00.000Z',
            endsAt: '2026-04-15T04:00:00.000Z',
          };
          return jsonResponse(state.visit);
        }
        return undefined;
      },
    );
    renderApp({ path: '/visits/visit-1' });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: `Pick these dates: ${APRIL}` }));
    const dialog = screen.getByRole('dialog', { name: 'Fix the visit’s dates?' });
    expect(within(dialog).getByText(/The visit will take place Mon, Apr 13 – Tue, Apr 14, 2026\./)).toBeInTheDocument();
    expect(sent(requests, 'POST', `${BASE}/pick`)).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Fix these dates' }));

    expect(
      await screen.findByText('The visit’s dates are now Mon, Apr 13 – Tue, Apr 14, 2026. Voters were told.'),
    ).toBeInTheDocument();
    expect(sent(requests, 'POST', `${BASE}/pick`)[0]?.body).toEqual({ optionId: 'option-2' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByText('The poll is closed: the dates were chosen.')).toBeInTheDocument();
    expect(screen.getByText('Chosen')).toBeInTheDocument();
  });
});

describe('Visit page: agenda', () => {
  const agendaVisit = makeVisit({
    agenda: [
      // 1 AM on the day the clocks go forward in Toronto: still Eastern Standard Time (UTC−5).
      makeAgendaItem({
        id: 'item-early',
        startsLocal: '2026-03-08T01:00',
        endsLocal: '2026-03-08T01:45',
        startsAt: '2026-03-08T06:00:00.000Z',
        endsAt: '2026-03-08T06:45:00.000Z',
        title: 'Night shelter visit',
        site: '',
        address: '',
        hostContact: '',
        notes: '',
        notesHtml: '',
      }),
      // 9 AM the same day: Eastern Daylight Time (UTC−4).
      makeAgendaItem(),
      // 6 PM on Monday in Toronto is already Tuesday morning in Kuala Lumpur.
      makeAgendaItem({
        id: 'item-dinner',
        startsLocal: '2026-03-09T18:00',
        endsLocal: '2026-03-09T19:00',
        startsAt: '2026-03-09T22:00:00.000Z',
        endsAt: '2026-03-09T23:00:00.000Z',
        title: 'Dinner with settlement workers',
      }),
    ],
  });

  it('shows each item in the host’s time and the viewer’s, across the daylight-saving change', async () => {
    serve(minh, agendaVisit);
    renderApp({ path: '/visits/visit-1' });

    const agenda = await screen.findByRole('region', { name: 'Agenda' });
    expect(
      within(agenda).getByText('Times are shown in Toronto time (America/Toronto) and in yours (Asia/Kuala_Lumpur).'),
    ).toBeInTheDocument();
    const sunday = within(agenda).getByRole('region', { name: 'Sunday, March 8, 2026' });
    const items = within(sunday).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('heading', { level: 4 }).textContent)).toEqual([
      'Night shelter visit',
      'Welcome at city hall',
    ]);
    expect(items[0]).toHaveTextContent('1:00 – 1:45 AM Toronto (EST) · 2:00 – 2:45 PM your time (GMT+8)');
    expect(items[1]).toHaveTextContent('9:00 – 10:30 AM Toronto (EDT) · 9:00 – 10:30 PM your time (GMT+8)');
    expect(within(items[1] as HTMLElement).getByText('Toronto City Hall')).toBeInTheDocument();
    expect(within(items[1] as HTMLElement).getByText('ID', { selector: 'strong' })).toBeInTheDocument();

    const monday = within(agenda).getByRole('region', { name: 'Monday, March 9, 2026' });
    expect(monday).toHaveTextContent('6:00 – 7:00 PM Toronto (EDT) · Tue, Mar 10, 6:00 – 7:00 AM your time (GMT+8)');
    // Members only read the agenda.
    expect(within(agenda).queryByRole('button', { name: 'Add an agenda item' })).not.toBeInTheDocument();
  });

  it('flags overlapping items', async () => {
    serve(
      minh,
      makeVisit({
        agenda: [
          makeAgendaItem(),
          makeAgendaItem({ id: 'item-2', title: 'Job fair', startsLocal: '2026-03-08T10:00' }),
        ],
        warnings: [{ code: 'AGENDA_OVERLAP', message: 'overlap', itemIds: ['item-1', 'item-2'] }],
      }),
    );
    renderApp({ path: '/visits/visit-1' });
    expect(await screen.findByText('“Welcome at city hall” and “Job fair” overlap.')).toBeInTheDocument();
    expect(screen.getAllByText('Overlaps')).toHaveLength(2);
  });

  it('shows the server’s field error next to the start time a coordinator entered', async () => {
    const message = '2026-03-08T02:30 does not exist in America/Toronto: the clocks jump from 02:00 to 03:00.';
    const { requests } = serve(li, makeVisit({ viewer: { coordinator: true, registration: null } }), (request) => {
      if (request.url.pathname === `${BASE}/agenda` && request.method === 'POST') {
        return apiError(400, 'VALIDATION_FAILED', 'Invalid agenda item', { fields: { startsLocal: [message] } });
      }
      return undefined;
    });
    renderApp({ path: '/visits/visit-1' });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Add an agenda item' }));
    const form = screen.getByRole('form', { name: 'New agenda item' });
    const starts = within(form).getByLabelText('Starts (Toronto time, America/Toronto)');
    fireEvent.change(starts, { target: { value: '2026-03-08T02:30' } });
    fireEvent.change(within(form).getByLabelText('Ends (Toronto time, America/Toronto)'), {
      target: { value: '2026-03-08T03:30' },
    });
    await user.type(within(form).getByLabelText('Title'), 'Early market tour');
    await user.click(within(form).getByRole('button', { name: 'Add to the agenda' }));

    await waitFor(() => expect(starts).toHaveAttribute('aria-invalid', 'true'));
    expect(starts).toHaveAccessibleDescription(message);
    expect(starts).toHaveFocus();
    // Times go to the API as the host's wall time, exactly as entered.
    expect(sent(requests, 'POST', `${BASE}/agenda`)[0]?.body).toEqual({
      startsLocal: '2026-03-08T02:30',
      endsLocal: '2026-03-08T03:30',
      title: 'Early market tour',
      site: '',
      address: '',
      hostContact: '',
      notes: '',
    });
  });
});

describe('Visit page: registration', () => {
  it('registers a member who lands on the waitlist and shows their position', async () => {
    const full = makeVisit({ placesTaken: 10, capacity: 10, waitlistCount: 2, registrationDeadline: null });
    const { requests } = serve(minh, full, (request, state) => {
      if (request.url.pathname === `${BASE}/registration` && request.method === 'PUT') {
        const saved = makeMyRegistration({
          status: 'waitlisted',
          position: 3,
          accompanying: 1,
          dietary: 'Halal',
        });
        (state as { registration?: MyRegistrationDto }).registration = saved;
        state.visit = {
          ...state.visit,
          waitlistCount: 3,
          viewer: { coordinator: false, registration: { status: 'waitlisted', position: 3 } },
        };
        return jsonResponse(saved);
      }
      return undefined;
    });
    renderApp({ path: '/visits/visit-1' });
    const user = userEvent.setup();

    const section = await screen.findByRole('region', { name: 'Registration' });
    expect(
      within(section).getByText('Every place is taken: if you register now, you join the waitlist.'),
    ).toBeInTheDocument();
    const needs = within(section).getByRole('group', { name: 'Needs' });
    expect(needs).toHaveAccessibleDescription(
      'Only the coordinators of this visit see your dietary and accessibility needs, to prepare the visit.',
    );
    const accompanying = within(section).getByLabelText('Accompanying persons');
    await user.clear(accompanying);
    await user.type(accompanying, '1');
    await user.type(within(section).getByLabelText('Dietary needs'), 'Halal');
    await user.click(within(section).getByRole('button', { name: 'Register' }));

    const waitlisted = 'The visit is full: you are on the waitlist, position 3. You will be told if a place frees up.';
    await waitFor(() => expect(within(section).getAllByText(waitlisted).length).toBeGreaterThan(0));
    expect(screen.getAllByRole('status').some((region) => region.textContent === waitlisted)).toBe(true);
    expect(sent(requests, 'PUT', `${BASE}/registration`)[0]?.body).toEqual({
      accompanying: 1,
      dietary: 'Halal',
      accessibility: '',
    });
    expect(await within(section).findByRole('button', { name: 'Cancel my registration' })).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Update my registration' })).toBeInTheDocument();
  });
});

describe('Visit page: coordinators and members', () => {
  const urlStatics = URL as unknown as {
    createObjectURL?: (blob: Blob) => string;
    revokeObjectURL?: (url: string) => void;
  };
  let saved: string[] = [];

  beforeEach(() => {
    saved = [];
    urlStatics.createObjectURL = () => 'blob:roster';
    urlStatics.revokeObjectURL = () => undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
  });

  afterEach(() => {
    delete urlStatics.createObjectURL;
    delete urlStatics.revokeObjectURL;
  });

  it('gives coordinators the allowed transitions, the roster with needs and its CSV export', async () => {
    const { requests } = serve(li, makeVisit({ viewer: { coordinator: true, registration: null } }));
    renderApp({ path: '/visits/visit-1' });
    const user = userEvent.setup();

    const manage = await screen.findByRole('region', { name: 'Manage this visit' });
    // From "open": confirm or cancel; never back to draft, never straight to completed.
    expect(within(manage).getByRole('button', { name: 'Confirm the visit' })).toBeInTheDocument();
    expect(within(manage).getByRole('button', { name: 'Cancel the visit' })).toBeInTheDocument();
    expect(within(manage).queryByRole('button', { name: 'Open registration' })).not.toBeInTheDocument();
    expect(within(manage).queryByRole('button', { name: 'Mark as completed' })).not.toBeInTheDocument();

    const roster = screen.getByRole('region', { name: 'Delegation roster' });
    const table = await within(roster).findByRole('table', { name: '4 of 10 places taken, 0 on the waitlist' });
    const minhRow = within(table).getByRole('row', { name: /Minh Tran/ });
    expect(minhRow).toHaveTextContent('Penang');
    expect(minhRow).toHaveTextContent('2 (with 1 accompanying person)');
    expect(minhRow).toHaveTextContent('Vegetarian');
    expect(minhRow).toHaveTextContent('Step-free access');
    expect(within(table).getByRole('row', { name: /Ana Souza/ })).toHaveTextContent('Waitlist, position 1');

    await user.click(within(roster).getByRole('button', { name: 'Export as CSV' }));
    await waitFor(() => expect(saved).toEqual(['twinning-visit-newcomer-services-in-toronto-roster.csv']));
    expect(sent(requests, 'GET', `${BASE}/roster.csv`)[0]?.headers.get('Authorization')).toBe('Bearer token-1');

    await user.click(within(manage).getByRole('button', { name: 'Confirm the visit' }));
    expect(await screen.findByText('The visit is confirmed.')).toBeInTheDocument();
    expect(sent(requests, 'POST', `${BASE}/transition`)[0]?.body).toEqual({ status: 'confirmed' });
    expect(within(manage).getByRole('button', { name: 'Mark as completed' })).toBeInTheDocument();
  });

  it('asks for a reason before cancelling, and shows a refused transition', async () => {
    let refuse = true;
    const { requests } = serve(li, makeVisit({ viewer: { coordinator: true, registration: null } }), (request) => {
      if (request.url.pathname === `${BASE}/transition` && refuse) {
        refuse = false;
        return apiError(409, 'INVALID_STATE', 'Cannot move from open to confirmed');
      }
      return undefined;
    });
    renderApp({ path: '/visits/visit-1' });
    const user = userEvent.setup();

    const manage = await screen.findByRole('region', { name: 'Manage this visit' });
    await user.click(within(manage).getByRole('button', { name: 'Confirm the visit' }));
    expect(await within(manage).findByRole('alert')).toHaveTextContent(
      'This can no longer be done; it may already have been handled. Reload the page.',
    );

    await user.click(within(manage).getByRole('button', { name: 'Cancel the visit' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel “Newcomer services in Toronto”?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel the visit' }));
    const reason = within(dialog).getByLabelText('Reason');
    expect(reason).toHaveAccessibleDescription(/This field is required\./);
    expect(sent(requests, 'POST', `${BASE}/transition`)).toHaveLength(1);

    await user.type(reason, 'The host city hall is closed for renovation.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel the visit' }));
    expect(await screen.findByText('The visit was cancelled. Registered delegates were told.')).toBeInTheDocument();
    expect(sent(requests, 'POST', `${BASE}/transition`)[1]?.body).toEqual({
      status: 'cancelled',
      reason: 'The host city hall is closed for renovation.',
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByText('The host city hall is closed for renovation.')).toBeInTheDocument();
  });

  it('shows members neither the transitions nor the roster, and never asks for it', async () => {
    const { requests } = serve(minh, makeVisit());
    renderApp({ path: '/visits/visit-1' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Newcomer services in Toronto' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Registration' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Manage this visit' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Confirm the visit' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Delegation roster' })).not.toBeInTheDocument();
    expect(requests.some((request) => request.url.pathname.startsWith(`${BASE}/roster`))).toBe(false);
  });
});
