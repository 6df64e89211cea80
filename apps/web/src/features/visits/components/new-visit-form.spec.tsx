import type { CreateVisitRequest } from '@twinning/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeMe, makePartnershipSummary, makeVisit } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch, type RecordedRequest } from '../../../test/test-utils';

const li = makeMe({
  id: 'user-li',
  displayName: 'Li Wei',
  timeZone: 'America/Toronto',
  cities: [{ cityId: 'city-toronto', citySlug: 'toronto', cityName: 'Toronto', role: 'coordinator' }],
});

const coordinated = makePartnershipSummary({
  id: 'partnership-1',
  title: 'Toronto – Penang',
  status: 'active',
  viewerRole: 'coordinator',
  cities: [
    { id: 'city-toronto', slug: 'toronto', name: 'Toronto', status: 'member' },
    { id: 'city-penang', slug: 'penang', name: 'Penang', status: 'member' },
    { id: 'city-lisbon', slug: 'lisbon', name: 'Lisbon', status: 'invited' },
  ],
});
const memberOnly = makePartnershipSummary({
  id: 'partnership-2',
  title: 'Rotterdam – Da Nang',
  status: 'active',
  viewerRole: 'member',
});

function serve(create: (request: RecordedRequest) => Response) {
  return stubFetch((request) => {
    const { url, method } = request;
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(li));
    if (url.pathname === '/api/partnerships')
      return jsonResponse({ items: [coordinated, memberOnly], nextCursor: null });
    if (url.pathname === '/api/visits' && method === 'POST') return create(request);
    if (url.pathname === '/api/visits/visit-9')
      return jsonResponse(makeVisit({ id: 'visit-9', title: 'Schools in Penang' }));
    return apiError(404, 'NOT_FOUND');
  });
}

describe('New visit form', () => {
  it('creates a visit with a date poll, the deadline converted from the viewer’s zone to UTC', async () => {
    const { requests } = serve(() => jsonResponse(makeVisit({ id: 'visit-9', title: 'Schools in Penang' }), 201));
    const { router } = renderApp({ path: '/visits/new?partnershipId=partnership-1' });
    const user = userEvent.setup();

    const partnership = await screen.findByLabelText('Partnership', {}, { timeout: 5000 });
    // Only the partnerships the viewer coordinates; only member cities can host.
    expect(
      within(partnership)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Toronto – Penang']);
    const host = screen.getByLabelText('Host city');
    expect(
      within(host)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Toronto', 'Penang']);
    await user.selectOptions(host, 'Penang');
    await user.type(screen.getByLabelText('Title'), 'Schools in Penang');
    await user.click(screen.getByRole('checkbox', { name: 'Education' }));
    const places = screen.getByLabelText('Places');
    await user.clear(places);
    await user.type(places, '12');
    // 5 PM in Toronto in February (EST, UTC−5) is 10 PM UTC.
    fireEvent.change(screen.getByLabelText('Registration deadline (your time, America/Toronto)'), {
      target: { value: '2027-02-20T17:00' },
    });

    await user.click(screen.getByRole('radio', { name: 'Let members vote on several date options' }));
    expect(screen.getAllByRole('group', { name: /^Option \d+$/ })).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Add a date option' }));
    const ranges: [string, string][] = [
      ['2027-03-08', '2027-03-10'],
      ['2027-04-12', '2027-04-14'],
      ['2027-05-03', '2027-05-04'],
    ];
    ranges.forEach(([start, end], index) => {
      const group = screen.getByRole('group', { name: `Option ${index + 1}` });
      fireEvent.change(within(group).getByLabelText('First day'), { target: { value: start } });
      fireEvent.change(within(group).getByLabelText('Last day'), { target: { value: end } });
    });
    await user.click(screen.getByRole('button', { name: 'Remove option 2' }));
    expect(screen.getByRole('button', { name: 'Add a date option' })).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Remove option 2' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Create the visit' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/visits/visit-9'));
    const body = requests.find((request) => request.method === 'POST' && request.url.pathname === '/api/visits')
      ?.body as CreateVisitRequest;
    expect(body).toEqual({
      partnershipId: 'partnership-1',
      hostCityId: 'city-penang',
      title: 'Schools in Penang',
      themes: ['education'],
      capacity: 12,
      registrationDeadline: '2027-02-20T22:00:00.000Z',
      dateOptions: [
        { startDate: '2027-03-08', endDate: '2027-03-10' },
        { startDate: '2027-05-03', endDate: '2027-05-04' },
      ],
    });
    expect(
      await screen.findByText('The visit was created as a draft. Open registration when it is ready.'),
    ).toBeInTheDocument();
  });

  it('checks the dates before sending and shows the server’s field errors next to their fields', async () => {
    const { requests } = serve(() =>
      apiError(400, 'VALIDATION_FAILED', 'Invalid visit', {
        fields: { title: ['Must be unique in the partnership'] },
      }),
    );
    renderApp({ path: '/visits/new' });
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText('Title', {}, { timeout: 5000 }), 'Schools in Penang');
    fireEvent.change(screen.getByLabelText('First day'), { target: { value: '2027-03-10' } });
    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2027-03-08' } });
    await user.click(screen.getByRole('button', { name: 'Create the visit' }));

    const first = screen.getByLabelText('First day');
    expect(first).toHaveAccessibleDescription(
      'Choose a first and a last day; the last day cannot be before the first.',
    );
    expect(first).toHaveFocus();
    expect(requests.some((request) => request.url.pathname === '/api/visits')).toBe(false);

    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2027-03-12' } });
    await user.click(screen.getByRole('button', { name: 'Create the visit' }));
    const title = screen.getByLabelText('Title');
    await waitFor(() => expect(title).toHaveAccessibleDescription('Must be unique in the partnership'));
    expect(title).toHaveFocus();
    expect(
      (
        requests.find((request) => request.method === 'POST' && request.url.pathname === '/api/visits')
          ?.body as CreateVisitRequest
      ).dates,
    ).toEqual({
      startDate: '2027-03-10',
      endDate: '2027-03-12',
    });
  });
});
