import type { CreateWorkshopRequest } from '@twinning/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeMe, makePartnershipSummary } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch, type RecordedRequest } from '../../../test/test-utils';
import { makeWorkshop } from '../../../test/workshop-fixtures';

// Toronto (the profile's zone) is on EDT, UTC−4, after 8 March 2026.
const facilitator = makeMe({ id: 'user-li', displayName: 'Li Wei', roles: ['facilitator'] });

function stubFormApi(create: (request: RecordedRequest) => Response) {
  return stubFetch((request) => {
    const { url, method } = request;
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(facilitator));
    if (url.pathname === '/api/partnerships') {
      return jsonResponse({
        items: [
          makePartnershipSummary({ status: 'active', viewerRole: 'member' }),
          // Seen only as an invited city: not a partnership the viewer may reserve a workshop to.
          makePartnershipSummary({
            id: 'partnership-2',
            title: 'Penang – Da Nang',
            status: 'active',
            viewerRole: null,
          }),
        ],
        nextCursor: null,
      });
    }
    if (url.pathname === '/api/workshops/facilitators') {
      return jsonResponse([{ id: 'user-ana', displayName: 'Ana Souza' }]);
    }
    if (url.pathname === '/api/workshops' && method === 'POST') return create(request);
    if (url.pathname === '/api/workshops/workshop-1' && method === 'GET') {
      return jsonResponse(makeWorkshop({ viewer: { registered: false, facilitator: true, removed: false } }));
    }
    return apiError(404, 'NOT_FOUND');
  });
}

async function fillRequired(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Negotiation clinic');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'employment');
  // datetime-local inputs take their value whole.
  fireEvent.change(screen.getByLabelText('Starts'), { target: { value: '2026-03-10T09:00' } });
  fireEvent.change(screen.getByLabelText('Ends'), { target: { value: '2026-03-10T10:30' } });
}

describe('New workshop form', () => {
  it('sends the times in UTC, read in the viewer’s time zone, with scope, capacity and co-facilitators', async () => {
    const { requests } = stubFormApi(({ body }) =>
      jsonResponse(
        makeWorkshop({
          id: 'workshop-7',
          title: (body as CreateWorkshopRequest).title,
          viewer: { registered: false, facilitator: true, removed: false },
        }),
        201,
      ),
    );
    const { router } = renderApp({ path: '/workshops/new' });
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { level: 1, name: 'New workshop' })).toBeInTheDocument();
    expect(
      await screen.findByText(/Enter the times in your time zone: Eastern Time \(America\/Toronto\)\./),
    ).toBeVisible();
    await fillRequired(user);
    // The hint under each time repeats it with the zone's name for that date.
    expect(screen.getByText(/Tue, Mar 10, 2026, 9:00\s?AM EDT/)).toBeInTheDocument();
    await user.type(
      screen.getByRole('textbox', { name: 'Description' }),
      'How to reach **agreement** with service providers.',
    );
    // Languages are named in the interface language.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language of the workshop' }), 'Vietnamese');
    const scope = await screen.findByRole('combobox', { name: 'Who can take part' });
    await waitFor(() => expect(within(scope).getAllByRole('option')).toHaveLength(2));
    expect(within(scope).queryByRole('option', { name: 'Members of “Penang – Da Nang”' })).toBeNull();
    await user.selectOptions(scope, 'Members of “Toronto – Penang”');
    await user.type(screen.getByRole('spinbutton', { name: 'Places (optional)' }), '25');
    await user.type(screen.getByRole('searchbox', { name: 'Find a facilitator by name' }), 'ana');
    await user.click(await screen.findByRole('button', { name: 'Add Ana Souza as a co-facilitator' }));
    expect(within(screen.getByRole('list', { name: 'Chosen co-facilitators' })).getByText('Ana Souza')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Create the workshop' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/workshops/workshop-7'));
    const sent = requests.find((r) => r.method === 'POST' && r.url.pathname === '/api/workshops');
    expect(sent?.body).toEqual({
      title: 'Negotiation clinic',
      description: 'How to reach **agreement** with service providers.',
      theme: 'employment',
      language: 'vi',
      scope: 'partnership',
      partnershipId: 'partnership-1',
      startsAt: '2026-03-10T13:00:00.000Z',
      endsAt: '2026-03-10T14:30:00.000Z',
      capacity: 25,
      facilitatorIds: ['user-ana'],
    });
    expect(await screen.findByText('The workshop was created.')).toHaveAttribute('role', 'status');
  });

  it('shows a server field error next to its field and moves focus there', async () => {
    const { requests } = stubFormApi(() =>
      apiError(400, 'VALIDATION_FAILED', 'Invalid fields: endsAt.', {
        fields: { endsAt: ['endsAt must be at most 8 hours after startsAt'] },
      }),
    );
    renderApp({ path: '/workshops/new' });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'New workshop' });
    await fillRequired(user);
    await user.click(screen.getByRole('button', { name: 'Create the workshop' }));

    const ends = screen.getByLabelText('Ends');
    await waitFor(() => expect(ends).toHaveAttribute('aria-invalid', 'true'));
    expect(ends).toHaveAccessibleDescription(/Must be at most 8 hours after startsAt/);
    expect(ends).toHaveFocus();
    expect(screen.getByLabelText('Starts')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent('Some fields need your attention.');
    // Shown once, beside the field, not repeated in the alert.
    expect(screen.getAllByText('Must be at most 8 hours after startsAt')).toHaveLength(1);
    expect(requests.filter((r) => r.method === 'POST' && r.url.pathname === '/api/workshops')).toHaveLength(1);
  });

  it('checks what it can before sending: required fields and an end after the start', async () => {
    const { requests } = stubFormApi(() => jsonResponse(makeWorkshop(), 201));
    renderApp({ path: '/workshops/new' });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'New workshop' });
    fireEvent.change(screen.getByLabelText('Starts'), { target: { value: '2026-03-10T09:00' } });
    fireEvent.change(screen.getByLabelText('Ends'), { target: { value: '2026-03-10T08:00' } });
    expect(screen.getByLabelText('Starts')).toHaveValue('2026-03-10T09:00');
    await user.click(screen.getByRole('button', { name: 'Create the workshop' }));

    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveAccessibleDescription('This field is required.');
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveFocus();
    expect(screen.getByRole('combobox', { name: 'Theme' })).toHaveAccessibleDescription('Choose a theme');
    expect(screen.getByLabelText('Ends')).toHaveAccessibleDescription(/The end must come after the start\./);
    expect(requests.filter((r) => r.method === 'POST' && r.url.pathname === '/api/workshops')).toHaveLength(0);
  });

  it('is only for facilitators and admins', async () => {
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(makeMe()));
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/workshops/new' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Access restricted' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create the workshop' })).not.toBeInTheDocument();
  });
});

describe('Edit workshop form', () => {
  it('shows the stored times in the viewer’s zone and sends only what changed, in UTC', async () => {
    const { requests } = stubFetch((request) => {
      const { url, method } = request;
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(facilitator));
      if (url.pathname === '/api/partnerships') return jsonResponse({ items: [], nextCursor: null });
      if (url.pathname === '/api/workshops/workshop-1' && method === 'GET') {
        return jsonResponse(makeWorkshop({ viewer: { registered: false, facilitator: true, removed: false } }));
      }
      if (url.pathname === '/api/workshops/workshop-1' && method === 'PATCH') {
        return jsonResponse(
          makeWorkshop({
            endsAt: '2026-03-10T15:00:00.000Z',
            capacity: null,
            viewer: { registered: false, facilitator: true, removed: false },
          }),
        );
      }
      return apiError(404, 'NOT_FOUND');
    });
    const { router } = renderApp({ path: '/workshops/workshop-1/edit' });
    const user = userEvent.setup();

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Edit “Mediation skills for city officials”' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Starts')).toHaveValue('2026-03-10T09:00'));
    expect(screen.getByLabelText('Ends')).toHaveValue('2026-03-10T10:30');
    expect(screen.getByRole('combobox', { name: 'Language of the workshop' })).toHaveValue('fr');
    // The scope is fixed at creation.
    expect(screen.queryByRole('combobox', { name: 'Who can take part' })).not.toBeInTheDocument();
    expect(screen.getByText('Who can take part is set when the workshop is created.')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Ends'), { target: { value: '2026-03-10T11:00' } });
    await user.clear(screen.getByRole('spinbutton', { name: 'Places (optional)' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/workshops/workshop-1'));
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.body).toEqual({ endsAt: '2026-03-10T15:00:00.000Z', capacity: null });
    expect(await screen.findByText('Your changes were saved.')).toBeInTheDocument();
  });
});
