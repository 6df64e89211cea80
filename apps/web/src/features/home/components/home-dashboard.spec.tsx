import type { HomeDto, PublicOverviewDto } from '@twinning/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

const coordinator = makeMe({
  cities: [{ cityId: 'city-toronto', citySlug: 'toronto', cityName: 'Toronto', role: 'coordinator' }],
});
const toronto = { id: 'city-toronto', slug: 'toronto', name: 'Toronto' };
const partnership = { id: 'p-1', title: 'Toronto – George Town' };

const emptyHome: HomeDto = {
  now: '2026-03-01T15:00:00.000Z',
  upcomingUntil: '2026-03-31T15:00:00.000Z',
  live: [],
  waiting: { joinRequests: [], invitations: [], polls: [], reports: { count: 0, items: [] } },
  comingUp: { visits: [], workshops: [] },
  unread: [],
  activity: [],
};

const fullHome: HomeDto = {
  ...emptyHome,
  live: [
    {
      id: 'w-live',
      title: 'Housing clinic',
      status: 'live',
      startsAt: '2026-03-01T14:50:00.000Z',
      endsAt: '2026-03-01T17:00:00.000Z',
      partnership,
      registered: true,
      facilitator: false,
      meeting: null,
    },
  ],
  waiting: {
    joinRequests: [
      { id: 'jr-1', city: toronto, user: { id: 'u-nora', displayName: 'Nora Applicant' }, createdAt: emptyHome.now },
    ],
    invitations: [],
    polls: [{ visitId: 'v-poll', title: 'When shall we meet', partnership, hostCity: toronto, options: 2 }],
    reports: {
      count: 3,
      items: [
        {
          id: 'fl-1',
          reason: 'spam',
          createdAt: '2026-03-01T14:00:00.000Z',
          postSeq: 2,
          thread: { id: 't-9', title: 'Cheap watches' },
          partnership,
        },
      ],
    },
  },
  activity: [
    {
      kind: 'thread',
      at: '2026-03-01T14:30:00.000Z',
      partnership,
      thread: { id: 't-new', title: 'Shared housing survey' },
      author: { id: 'u-pat', displayName: 'Pat Official' },
    },
    {
      kind: 'member',
      at: '2026-02-28T10:00:00.000Z',
      partnership,
      user: { id: 'u-nadia', displayName: 'Nadia Newcomer' },
      city: toronto,
    },
    {
      kind: 'event',
      at: '2026-02-20T10:00:00.000Z',
      partnership,
      action: 'accepted',
      actor: { id: 'u-pia', displayName: 'Pia Coordinator' },
      city: { id: 'city-penang', slug: 'george-town', name: 'George Town' },
    },
  ],
  comingUp: {
    visits: [
      {
        id: 'v-1',
        title: 'Job fair visit',
        status: 'open',
        partnership,
        hostCity: toronto,
        startDate: '2026-03-10',
        endDate: '2026-03-11',
        timeZone: 'America/Toronto',
        myStatus: 'waitlisted',
      },
    ],
    workshops: [
      {
        id: 'w-2',
        title: 'Language classes',
        status: 'scheduled',
        startsAt: '2026-03-05T18:00:00.000Z',
        endsAt: '2026-03-05T19:00:00.000Z',
        partnership: null,
        registered: false,
        facilitator: true,
      },
    ],
  },
  unread: [
    {
      forumId: 'f-1',
      kind: 'partnership',
      theme: null,
      partnership,
      course: null,
      unreadThreads: 1,
      threads: [
        {
          id: 't-1',
          title: 'Housing pilot',
          lastPostedAt: emptyHome.now,
          unreadCount: 3,
          firstUnreadSeq: 4,
          excerpt: 'Shall we compare notes?',
          author: { id: 'u-pat', displayName: 'Pat Official' },
        },
      ],
    },
  ],
};

function serve(user: ReturnType<typeof makeMe> | null, home: HomeDto) {
  return stubFetch(({ url }) => {
    if (url.pathname === '/api/auth/refresh')
      return user ? jsonResponse(makeAuth(user)) : apiError(401, 'UNAUTHORIZED');
    if (url.pathname === '/api/me/home') return jsonResponse(home);
    return apiError(404, 'NOT_FOUND');
  });
}

describe('Home for a signed-in user', () => {
  it('shows live now first, then waiting for you, coming up and unread, with links to the real pages', async () => {
    serve(coordinator, fullHome);
    renderApp({ path: '/' });

    const live = await screen.findByRole('region', { name: 'Live now' });
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual([
      'Live now',
      'Waiting for you',
      'Coming up in the next 30 days',
      'Unread threads',
      'Recent activity in your partnerships',
    ]);
    expect(within(live).getByRole('link', { name: 'Join Housing clinic' })).toHaveAttribute(
      'href',
      '/workshops/w-live/room',
    );
    // the user's time zone (America/Toronto)
    expect(within(live).getByText(/until Mar 1, 2026, 12:00 PM/)).toBeInTheDocument();

    const waiting = screen.getByRole('region', { name: 'Waiting for you' });
    expect(within(waiting).getByRole('link', { name: 'Join requests to decide: 1' })).toHaveAttribute(
      'href',
      '/join-requests',
    );
    expect(within(waiting).getByRole('link', { name: 'When shall we meet' })).toHaveAttribute('href', '/visits/v-poll');
    expect(within(waiting).getByRole('link', { name: '3 reports to review' })).toHaveAttribute('href', '/moderation');
    expect(within(waiting).getByText('Cheap watches (Spam)')).toBeInTheDocument();

    const comingUp = screen.getByRole('region', { name: 'Coming up in the next 30 days' });
    const items = within(comingUp).getAllByRole('listitem');
    // by date: the workshop on 5 March before the visit on 10 March
    expect(within(items[0]).getByRole('link', { name: 'Language classes' })).toHaveAttribute('href', '/workshops/w-2');
    expect(within(items[0]).getByText('Mar 5, 2026, 1:00 PM')).toBeInTheDocument();
    expect(within(items[0]).getByText('You facilitate')).toBeInTheDocument();
    expect(within(items[1]).getByRole('link', { name: 'Job fair visit' })).toHaveAttribute('href', '/visits/v-1');
    // the host's calendar dates, not shifted
    expect(within(items[1]).getByText(/Visit to Toronto, Mar 10\s*–\s*11, 2026/)).toBeInTheDocument();
    expect(within(items[1]).getByText('On the waitlist')).toBeInTheDocument();

    const unread = screen.getByRole('region', { name: 'Unread threads' });
    expect(within(unread).getByRole('link', { name: 'Housing pilot' })).toHaveAttribute('href', '/threads/t-1?post=4');
    expect(within(unread).getByText(/New posts: 3/)).toBeInTheDocument();

    const activity = screen.getByRole('region', { name: 'Recent activity in your partnerships' });
    const entries = within(activity).getAllByRole('listitem');
    expect(within(entries[0]).getByRole('link', { name: 'Shared housing survey' })).toHaveAttribute(
      'href',
      '/threads/t-new',
    );
    expect(within(entries[0]).getByText('new thread by Pat Official')).toBeInTheDocument();
    expect(within(entries[1]).getByText('Nadia Newcomer joined Toronto')).toBeInTheDocument();
    // the person each entry is about has their avatar, as everywhere (decorative: the name is written)
    expect(within(entries[0]).getByTestId('avatar')).toHaveTextContent('PO');
    expect(within(entries[1]).getByTestId('avatar')).toHaveTextContent('NN');
    expect(within(entries[2]).getByTestId('avatar')).toHaveAttribute('aria-hidden', 'true');
    expect(
      within(entries[2]).getByRole('link', {
        name: 'Pia Coordinator accepted the invitation on behalf of George Town',
      }),
    ).toHaveAttribute('href', '/partnerships/p-1');
  });

  it('offers Join on a live public workshop the user has not registered for', async () => {
    const live = { ...fullHome.live[0], registered: false, partnership: null, id: 'w-pub', title: 'Open clinic' };
    serve(coordinator, { ...emptyHome, live: [live] });
    renderApp({ path: '/' });
    const region = await screen.findByRole('region', { name: 'Live now' });
    expect(within(region).getByText('Not registered')).toBeInTheDocument();
    expect(within(region).getByRole('link', { name: 'Join Open clinic' })).toHaveAttribute(
      'href',
      '/workshops/w-pub/room',
    );
  });

  it('offers "Join the call" next to Join only when the server sent the meeting link', async () => {
    const opensAt = '2026-03-01T14:35:00.000Z';
    const withCall = {
      ...fullHome.live[0],
      meeting: { provider: 'jitsi' as const, url: 'https://meet.jit.si/housing-clinic', opensAt, embed: false },
    };
    const withoutLink = {
      ...fullHome.live[0],
      id: 'w-other',
      title: 'Other clinic',
      meeting: { provider: 'zoom' as const, url: null, opensAt, embed: false },
    };
    serve(coordinator, { ...emptyHome, live: [withCall, withoutLink] });
    renderApp({ path: '/' });
    const region = await screen.findByRole('region', { name: 'Live now' });
    const call = within(region).getByRole('link', { name: 'Join the call for Housing clinic (opens in a new tab)' });
    expect(call).toHaveAttribute('href', 'https://meet.jit.si/housing-clinic');
    expect(call).toHaveAttribute('target', '_blank');
    expect(call).toHaveAttribute('rel', 'noopener noreferrer');
    expect(call).toHaveTextContent('Join the call');
    expect(within(region).getByRole('link', { name: 'Join Other clinic' })).toBeInTheDocument();
    expect(within(region).getAllByRole('link', { name: /Join the call/ })).toHaveLength(1);
  });

  it('shows each block’s empty state, and a new account is sent to find its city', async () => {
    serve(makeMe(), emptyHome);
    renderApp({ path: '/' });

    const waiting = await screen.findByRole('region', { name: 'Waiting for you' });
    const live = screen.getByRole('region', { name: 'Live now' });
    expect(within(live).getByText(/No workshop you may join is live right now/)).toBeInTheDocument();
    expect(within(live).getByRole('link', { name: 'Browse workshops' })).toHaveAttribute('href', '/workshops');
    expect(within(waiting).getByRole('link', { name: 'Find your city and ask to join it' })).toHaveAttribute(
      'href',
      '/cities',
    );
    const comingUp = screen.getByRole('region', { name: 'Coming up in the next 30 days' });
    expect(within(comingUp).getByText(/No visits or workshops in the next 30 days/)).toBeInTheDocument();
    expect(within(comingUp).getByRole('link', { name: 'Browse workshops' })).toHaveAttribute('href', '/workshops');
    const unread = screen.getByRole('region', { name: 'Unread threads' });
    expect(within(unread).getByRole('link', { name: 'Go to the forums' })).toHaveAttribute('href', '/forums');
    const activity = screen.getByRole('region', { name: 'Recent activity in your partnerships' });
    expect(within(activity).getByText(/Once your city takes part in a partnership/)).toBeInTheDocument();
  });

  it('tells a member of a city that nothing waits for them', async () => {
    serve(coordinator, emptyHome);
    renderApp({ path: '/' });
    const waiting = await screen.findByRole('region', { name: 'Waiting for you' });
    expect(within(waiting).getByText(/Nothing waits for your decision or vote/)).toBeInTheDocument();
    expect(within(waiting).queryByRole('link')).not.toBeInTheDocument();
  });

  it('is right to left in Arabic', async () => {
    serve({ ...coordinator, preferredLanguage: 'ar' }, fullHome);
    renderApp({ path: '/', initialLanguage: 'ar' });
    expect(await screen.findByRole('region', { name: 'مباشر الآن' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(screen.getByRole('link', { name: 'انضم إلى Housing clinic' })).toHaveAttribute(
      'href',
      '/workshops/w-live/room',
    );
  });
});

const overview: PublicOverviewDto = {
  cityCount: 45,
  regions: [
    {
      region: 'north_america',
      cityCount: 42,
      cities: [
        { slug: 'toronto', name: 'Toronto', countryCode: 'CA' },
        { slug: 'halifax', name: 'Halifax', countryCode: 'CA' },
      ],
    },
    { region: 'south_east_asia', cityCount: 2, cities: [{ slug: 'penang', name: 'George Town', countryCode: 'MY' }] },
    { region: 'western_europe', cityCount: 1, cities: [{ slug: 'lisbon', name: 'Lisbon', countryCode: 'PT' }] },
  ],
  upcomingWorkshops: [
    {
      id: 'w-open',
      title: 'Welcome session',
      startsAt: '2026-03-05T18:00:00.000Z',
      endsAt: '2026-03-05T19:00:00.000Z',
      language: 'en',
    },
  ],
};

function serveAnonymous() {
  return stubFetch(({ url }) => {
    if (url.pathname === '/api/auth/refresh') return apiError(401, 'UNAUTHORIZED');
    if (url.pathname === '/api/public/overview') return jsonResponse(overview);
    return apiError(404, 'NOT_FOUND');
  });
}

describe('Home for an anonymous visitor', () => {
  it('is a landing page: what Twinning is, sign in and register, and asks for no personal home', async () => {
    const { requests } = serveAnonymous();
    renderApp({ path: '/' });
    expect(await screen.findByRole('link', { name: 'Create an account' })).toHaveAttribute('href', '/register');
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Log in' })).toHaveAttribute('href', '/login');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Cities learning from cities about migration');
    expect(requests.some((r) => r.url.pathname === '/api/me/home')).toBe(false);
  });

  it('lists the cities taking part by region, with a count, and the next public workshops', async () => {
    serveAnonymous();
    renderApp({ path: '/' });
    const cities = await screen.findByRole('region', { name: 'Cities taking part' });
    expect(within(cities).getByText('45 cities in 3 regions')).toBeInTheDocument();
    const northAmerica = within(cities).getByRole('region', { name: 'North America (42)' });
    expect(within(northAmerica).getByRole('link', { name: 'Toronto' })).toHaveAttribute('href', '/cities/toronto');
    expect(within(northAmerica).getByRole('link', { name: 'and 40 more' })).toHaveAttribute(
      'href',
      '/cities?region=north_america',
    );
    const workshops = screen.getByRole('region', { name: 'Upcoming public workshops' });
    expect(within(workshops).getByRole('link', { name: 'Welcome session' })).toHaveAttribute(
      'href',
      '/workshops/w-open',
    );
  });

  it('is right to left in Arabic', async () => {
    serveAnonymous();
    renderApp({ path: '/', initialLanguage: 'ar' });
    expect(await screen.findByRole('region', { name: 'المدن المشاركة' })).toBeInTheDocument();
    const main = screen.getByRole('main');
    expect(within(main).getByRole('link', { name: 'تسجيل الدخول' })).toHaveAttribute('href', '/login');
    expect(within(main).getByRole('link', { name: 'إنشاء حساب' })).toHaveAttribute('href', '/register');
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
  });
});
