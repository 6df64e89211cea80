import type { CreateTrainingRequest } from '@twinning/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeCityDetail, makeMe, makePartnershipSummary, makeTrainingRequest } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch, type RecordedRequest } from '../../../test/test-utils';

const ana = makeMe({
  cities: [{ cityId: 'city-toronto', citySlug: 'toronto', cityName: 'Toronto', role: 'coordinator' }],
});

function serve(create: (request: RecordedRequest) => Response) {
  return stubFetch((request) => {
    const { url, method } = request;
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(ana));
    if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: 0 });
    if (url.pathname === '/api/partnerships') {
      return jsonResponse({
        items: [makePartnershipSummary({ id: 'partnership-1', title: 'Toronto – Penang', viewerRole: 'coordinator' })],
        nextCursor: null,
      });
    }
    if (url.pathname === '/api/cities/toronto') return jsonResponse(makeCityDetail());
    if (url.pathname === '/api/training/requests' && method === 'POST') return create(request);
    if (url.pathname === '/api/training/requests/training-9') {
      return jsonResponse(makeTrainingRequest({ id: 'training-9', title: 'Negotiation basics' }));
    }
    return apiError(404, 'NOT_FOUND');
  });
}

const posted = (requests: RecordedRequest[]) =>
  requests.filter((request) => request.method === 'POST' && request.url.pathname === '/api/training/requests');

describe('New training request form', () => {
  it('checks the fields before sending, then shows the server’s field errors next to their fields', async () => {
    const { requests } = serve(() =>
      apiError(400, 'VALIDATION_FAILED', 'Invalid request', {
        fields: { preferredStart: ['preferredStart must be a date (YYYY-MM-DD)'] },
      }),
    );
    renderApp({ path: '/training/new' });
    const user = userEvent.setup();

    const title = await screen.findByLabelText('Title', {}, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Post the request' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Please correct the fields marked below.');
    expect(title).toHaveAccessibleDescription('Write 3 to 160 characters.');
    expect(title).toHaveFocus();
    expect(screen.getByRole('group', { name: 'Skills' })).toHaveAccessibleDescription('Choose at least one skill.');
    expect(screen.getByRole('group', { name: 'Languages' })).toHaveTextContent('Choose at least one language.');
    expect(screen.getByLabelText('First day')).toHaveAccessibleDescription('This field is required.');
    expect(posted(requests)).toHaveLength(0);

    await user.type(title, 'Negotiation basics');
    await user.click(screen.getByRole('checkbox', { name: 'Negotiation' }));
    await user.click(screen.getByRole('checkbox', { name: 'Integration' }));
    await user.click(screen.getByRole('checkbox', { name: 'English' }));
    fireEvent.change(screen.getByLabelText('Audience roles'), { target: { value: 'front-desk staff\ncase managers' } });
    await user.click(await screen.findByRole('checkbox', { name: 'Li Wei' }));
    await user.selectOptions(screen.getByLabelText('Format'), 'In person');
    fireEvent.change(screen.getByLabelText('First day'), { target: { value: '2027-04-01' } });
    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2027-03-01' } });
    await user.click(screen.getByRole('button', { name: 'Post the request' }));
    expect(screen.getByLabelText('Last day')).toHaveAccessibleDescription(
      'The last day cannot be before the first day.',
    );
    expect(posted(requests)).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2027-04-30' } });
    await user.click(screen.getByRole('button', { name: 'Post the request' }));
    const first = screen.getByLabelText('First day');
    await waitFor(() => expect(first).toHaveAccessibleDescription('Must be a date (YYYY-MM-DD)'));
    expect(first).toHaveFocus();
    expect(posted(requests)[0]?.body as CreateTrainingRequest).toEqual({
      cityId: 'city-toronto',
      title: 'Negotiation basics',
      skills: ['negotiation'],
      themes: ['integration'],
      audienceRoles: ['front-desk staff', 'case managers'],
      headCount: 10,
      officialIds: ['user-li'],
      languages: ['en'],
      format: 'in_person',
      preferredStart: '2027-04-01',
      preferredEnd: '2027-04-30',
    });
  });

  it('requests for a partnership and opens the new request', async () => {
    const { requests } = serve(() =>
      jsonResponse(makeTrainingRequest({ id: 'training-9', title: 'Negotiation basics' }), 201),
    );
    const { router } = renderApp({ path: '/training/new' });
    const user = userEvent.setup();

    const requester = await screen.findByLabelText('Requesting for', {}, { timeout: 5000 });
    await screen.findByRole('option', { name: 'Toronto – Penang' });
    await user.selectOptions(requester, 'Toronto – Penang');
    expect(screen.queryByRole('group', { name: 'Officials who will attend' })).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Title'), 'Negotiation basics');
    await user.click(screen.getByRole('checkbox', { name: 'Leadership' }));
    await user.click(screen.getByRole('checkbox', { name: 'French' }));
    fireEvent.change(screen.getByLabelText('First day'), { target: { value: '2027-04-01' } });
    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2027-04-30' } });
    await user.click(screen.getByRole('button', { name: 'Post the request' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/training/training-9'));
    expect(await screen.findByText('Your training request was posted.')).toBeInTheDocument();
    const body = posted(requests)[0]?.body as CreateTrainingRequest;
    expect(body.partnershipId).toBe('partnership-1');
    expect(body.cityId).toBeUndefined();
    expect(body.officialIds).toEqual([]);
  });
});
