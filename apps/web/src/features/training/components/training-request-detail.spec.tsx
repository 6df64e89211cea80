import type { CreateTrainingOfferRequest } from '@twinning/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  makeAuth,
  makeMe,
  makeTrainingMatch,
  makeTrainingMatches,
  makeTrainingOffer,
  makeTrainingRequest,
} from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

const ana = makeMe({
  cities: [{ cityId: 'city-toronto', citySlug: 'toronto', cityName: 'Toronto', role: 'coordinator' }],
});
const lucia = makeTrainingOffer({ id: 'offer-1' });
const rotterdam = makeTrainingOffer({
  id: 'offer-2',
  city: { id: 'city-rotterdam', slug: 'rotterdam', name: 'Rotterdam' },
  createdBy: { id: 'user-pieter', displayName: 'Pieter de Vries' },
  trainers: [{ id: 'user-pieter', displayName: 'Pieter de Vries' }],
  approach: 'A day of mediation practice in person.',
  format: 'in_person',
  proposedDates: ['2027-03-15'],
  language: 'nl',
});

const facilitatorMatch = makeTrainingMatch({
  kind: 'facilitator',
  city: null,
  user: { id: 'user-lucia', displayName: 'Lucía Fernández' },
  score: 30,
  breakdown: { skills: 30, themes: 0, language: 0, timeZone: 0, profile: 0, evaluation: 0 },
  reasons: {
    sharedSkills: ['mediation', 'negotiation'],
    sharedThemes: [],
    commonLanguages: [],
    timeZone: { requester: 'America/Toronto', candidate: 'Europe/Madrid', overlapHours: 2 },
    profiles: null,
    evaluations: { answers: 6, average: 4.5 },
  },
});

describe('Training request page', () => {
  it('shows offers side by side and the ranked matches with their reasons; accepting calls the API', async () => {
    const open = makeTrainingRequest({ offers: [lucia, rotterdam], offerCount: 2 });
    const matched = makeTrainingRequest({
      status: 'matched',
      acceptedOfferId: 'offer-2',
      offers: [
        { ...lucia, status: 'declined' },
        { ...rotterdam, status: 'accepted' },
      ],
      history: [
        ...open.history,
        {
          id: 'event-2',
          actor: { id: 'user-ana', displayName: 'Ana Souza' },
          from: 'open',
          to: 'matched',
          note: '',
          at: '2026-12-03T10:00:00.000Z',
        },
      ],
    });
    let current = open;
    const { requests } = stubFetch(({ url, method }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(ana));
      if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: 0 });
      if (url.pathname === '/api/training/requests/training-1') return jsonResponse(current);
      if (url.pathname === '/api/training/requests/training-1/matches') {
        return jsonResponse(makeTrainingMatches([makeTrainingMatch(), facilitatorMatch]));
      }
      if (url.pathname === '/api/training/requests/training-1/offers/offer-2/accept' && method === 'POST') {
        current = matched;
        return jsonResponse(matched);
      }
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/training/training-1' });
    const user = userEvent.setup();

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Mediation for front desks' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Sections of this training request' })).toBeInTheDocument();
    const offers = screen.getByRole('list', { name: 'Offers' });
    expect(within(offers).getAllByRole('article')).toHaveLength(2);
    const rotterdamCard = within(offers).getByRole('article', { name: 'Rotterdam' });
    expect(rotterdamCard).toHaveTextContent('In person');
    expect(rotterdamCard).toHaveTextContent('Dutch');
    expect(rotterdamCard).toHaveTextContent('Pieter de Vries');
    expect(rotterdamCard).toHaveTextContent('Waiting');

    // Matches: each candidate with its score and reasons, worded from the codes.
    const rotterdamReasons = await screen.findByRole('list', { name: 'Why Rotterdam is suggested' });
    const reasons = within(rotterdamReasons)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(reasons).toEqual([
      'Trains in Mediation. (+15 points)',
      'Works on Integration. (+5 points)',
      'Works in English. (+15 points)',
      'No working hours in common between America/Toronto and Europe/Amsterdam. (+0 points)',
      'Traditional city of immigration: complements the requesters’ profile. (+10 points)',
      'Not enough evaluations yet (0 answers; 5 needed). (+0 points)',
    ]);
    expect(screen.getByText('Score 45 of 100')).toBeInTheDocument();
    const luciaReasons = screen.getByRole('list', { name: 'Why Lucía Fernández is suggested' });
    expect(luciaReasons).toHaveTextContent('Trains in Mediation and Negotiation. (+30 points)');
    expect(luciaReasons).toHaveTextContent('No language in common.');
    expect(luciaReasons).toHaveTextContent('2 working hours in common between America/Toronto and Europe/Madrid.');
    expect(luciaReasons).toHaveTextContent('Rated 4.5 of 5 by 6 participants.');

    await user.click(within(rotterdamCard).getByRole('button', { name: 'Accept the offer of Rotterdam' }));
    expect(within(rotterdamCard).getByText(/The other offers will be declined/)).toBeInTheDocument();
    await user.click(within(rotterdamCard).getByRole('button', { name: 'Yes, accept this offer' }));

    expect(
      await screen.findByText('You accepted the offer of Rotterdam. The request is now matched.'),
    ).toBeInTheDocument();
    expect(
      requests.filter(
        (r) => r.method === 'POST' && r.url.pathname === '/api/training/requests/training-1/offers/offer-2/accept',
      ),
    ).toHaveLength(1);
    expect(screen.getByText('An offer was accepted; dates are being fixed.')).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Rotterdam' })).toHaveTextContent('Accepted');
    expect(screen.queryByRole('button', { name: /Accept the offer of/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Suggested trainers' })).not.toBeInTheDocument();
    expect(screen.getByText(/Ana Souza: Open → Matched/)).toBeInTheDocument();
  });

  it('lets a facilitator make an offer on an open request, without seeing the matches', async () => {
    const luciaMe = makeMe({ id: 'user-lucia', displayName: 'Lucía Fernández', roles: ['facilitator'] });
    const request = makeTrainingRequest({
      offers: [],
      offerCount: 0,
      viewer: {
        requester: false,
        canDecide: false,
        canOffer: true,
        trainer: false,
        canSchedule: false,
        canMarkAttendance: false,
        participant: false,
        canSeeResults: false,
      },
    });
    const { requests } = stubFetch(({ url, method }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(luciaMe));
      if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ count: 0 });
      if (url.pathname === '/api/training/requests/training-1') return jsonResponse(request);
      if (url.pathname === '/api/training/requests/training-1/offers' && method === 'POST') {
        return jsonResponse({ ...request, offers: [makeTrainingOffer()], offerCount: 1 }, 201);
      }
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/training/training-1/offers' });
    const user = userEvent.setup();

    const approach = await screen.findByLabelText('Approach', {}, { timeout: 5000 });
    expect(screen.queryByRole('heading', { name: 'Suggested trainers' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Withdraw the request' })).not.toBeInTheDocument();
    await user.type(approach, 'Role plays of front-desk talks.');
    await user.click(screen.getByRole('button', { name: 'Add a day' }));
    fireEvent.change(screen.getByLabelText('Day 2'), { target: { value: '2027-03-10' } });
    await user.click(screen.getByRole('button', { name: 'Send the offer' }));

    expect(await screen.findByText('Your offer was sent to the requesters.')).toBeInTheDocument();
    expect(
      requests.find((r) => r.method === 'POST' && r.url.pathname.endsWith('/offers'))
        ?.body as CreateTrainingOfferRequest,
    ).toEqual({
      approach: 'Role plays of front-desk talks.',
      format: 'live_online',
      proposedDates: ['2027-03-08', '2027-03-10'],
      trainerIds: ['user-lucia'],
      language: 'en',
    });
    expect(requests.some((r) => r.url.pathname.endsWith('/matches'))).toBe(false);
  });
});
