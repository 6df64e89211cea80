import type { MilestoneDto, PartnershipDetailDto } from '@twinning/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  makeAuth,
  makeMe,
  makeMilestone,
  makePartnershipCity,
  makePartnershipDetail,
  makePartnershipEvent,
  makePartnershipMember,
  makePartnershipViewer,
  makePenangSummary,
} from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch, type RecordedRequest } from '../../../test/test-utils';

const ana = makeMe({
  cities: [{ cityId: 'city-toronto', citySlug: 'toronto', cityName: 'Toronto', role: 'coordinator' }],
});
const li = makeMe({
  id: 'user-li',
  displayName: 'Li Wei',
  handle: 'li_wei',
  cities: [{ cityId: 'city-penang', citySlug: 'penang', cityName: 'Penang', role: 'coordinator' }],
});
const marc = makePartnershipMember({
  user: { id: 'user-marc', displayName: 'Marc Dubois', handle: 'marc_dubois', cities: [], role: 'official' },
  cityRole: 'official',
  role: 'member',
});

/** A stateful fake of the partnership routes: mutations change `state.detail` as the API would. */
function serve(me: ReturnType<typeof makeMe>, initial: PartnershipDetailDto) {
  const state = { detail: initial };
  const base = '/api/partnerships/partnership-1';
  const { requests } = stubFetch((request: RecordedRequest) => {
    const { url, method, body } = request;
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
    if (url.pathname === base && method === 'GET') return jsonResponse(state.detail);
    if (url.pathname === `${base}/activity`) {
      return jsonResponse({
        items: [
          {
            kind: 'thread',
            at: '2026-03-04T16:00:00.000Z',
            thread: {
              id: 'thread-1',
              title: 'First steps',
              author: { id: 'user-ana', displayName: 'Ana Souza' },
              postCount: 3,
            },
          },
          { kind: 'event', at: '2026-03-01T15:00:00.000Z', event: makePartnershipEvent() },
        ],
        nextCursor: null,
      });
    }
    if (url.pathname === `${base}/invitations/city-penang/decision` && method === 'POST') {
      const accepted = (body as { decision: string }).decision === 'accept';
      state.detail = {
        ...state.detail,
        status: accepted ? 'active' : 'declined',
        cities: state.detail.cities.map((entry) =>
          entry.city.id === 'city-penang'
            ? {
                ...entry,
                status: accepted ? 'member' : 'declined',
                decidedAt: '2026-03-05T12:00:00.000Z',
                decidedBy: { id: 'user-li', displayName: 'Li Wei' },
              }
            : entry,
        ),
        viewer: makePartnershipViewer(accepted ? { role: 'coordinator', canSeeForum: true } : {}),
      };
      return jsonResponse(state.detail);
    }
    if (url.pathname === `${base}/invitations/city-penang/withdraw` && method === 'POST') {
      state.detail = {
        ...state.detail,
        status: 'withdrawn',
        cities: state.detail.cities.map((entry) =>
          entry.city.id === 'city-penang' ? { ...entry, status: 'withdrawn' } : entry,
        ),
        viewer: { ...state.detail.viewer, canWithdrawCityIds: [] },
      };
      return jsonResponse(state.detail);
    }
    if (url.pathname === `${base}/conclude` && method === 'POST') {
      state.detail = {
        ...state.detail,
        status: 'concluded',
        viewer: { ...state.detail.viewer, canConclude: false, canEdit: false, canInvite: false },
      };
      return jsonResponse(state.detail);
    }
    if (url.pathname === `${base}/milestones` && method === 'POST') {
      const created: MilestoneDto = makeMilestone({
        id: 'milestone-2',
        ...(body as Partial<MilestoneDto>),
        owner: null,
      });
      state.detail = { ...state.detail, milestones: [...state.detail.milestones, created] };
      return jsonResponse(created, 201);
    }
    const milestone = url.pathname.match(/\/milestones\/([^/]+)$/);
    if (milestone && method === 'PATCH') {
      const changes = body as { ownerId?: string | null } & Partial<MilestoneDto>;
      const owner = state.detail.members.find((m) => m.user.id === changes.ownerId)?.user ?? null;
      const saved = { ...makeMilestone({ id: milestone[1] }), ...changes, owner };
      state.detail = {
        ...state.detail,
        milestones: state.detail.milestones.map((m) => (m.id === saved.id ? saved : m)),
      };
      return jsonResponse(saved);
    }
    if (milestone && method === 'DELETE') {
      state.detail = { ...state.detail, milestones: state.detail.milestones.filter((m) => m.id !== milestone[1]) };
      return jsonResponse(undefined, 204);
    }
    return apiError(404, 'NOT_FOUND');
  });
  return { requests, state };
}

const sent = (requests: RecordedRequest[], method: string, suffix: string) =>
  requests.filter((r) => r.method === method && r.url.pathname.endsWith(suffix));

describe('Partnership page', () => {
  it('lets a coordinator of the invited city accept, with a note', async () => {
    const { requests } = serve(
      li,
      makePartnershipDetail({
        members: [],
        viewer: makePartnershipViewer({ canDecideForCityIds: ['city-penang'] }),
      }),
    );
    renderApp({ path: '/partnerships/partnership-1' });
    const user = userEvent.setup();

    // The first render loads the page's chunk (with the forum, visits and workshops sections): give it time.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Toronto – Penang' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('Waiting for the invited city to answer.')).toBeInTheDocument();
    const decision = screen.getByRole('region', { name: 'Awaiting your decision for Penang' });
    expect(within(decision).getByText('We would love to learn from Penang.')).toBeInTheDocument();
    expect(within(decision).getByText('Invited by Ana Souza on Mar 1, 2026, 10:00 AM')).toBeInTheDocument();
    // Nothing a coordinator of the partnership would have.
    expect(screen.queryByRole('button', { name: 'Edit title, themes and goals' })).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Add a milestone' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Open the partnership forum' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Withdraw the invitation of Penang' })).not.toBeInTheDocument();
    expect(screen.getByText('The officials of the member cities are listed for members only.')).toBeInTheDocument();

    await user.type(within(decision).getByLabelText('Note (optional)'), 'Glad to join.');
    await user.click(within(decision).getByRole('button', { name: 'Accept on behalf of Penang' }));

    const outcome = await screen.findByText(
      'You accepted the invitation on behalf of Penang: it is now a member of “Toronto – Penang”.',
    );
    expect(outcome.closest('[tabindex="-1"]')).toHaveFocus();
    expect(sent(requests, 'POST', '/invitations/city-penang/decision')[0]?.body).toEqual({
      decision: 'accept',
      note: 'Glad to join.',
    });
    expect(screen.queryByRole('region', { name: 'Awaiting your decision for Penang' })).not.toBeInTheDocument();
    expect(screen.getByText('The member cities are working together.')).toBeInTheDocument();
    expect(screen.getByText('Accepted by Li Wei on Mar 5, 2026, 7:00 AM')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the partnership forum' })).toHaveAttribute('href', '/forums/forum-1');
  });

  it('lets a coordinator of the invited city decline', async () => {
    const { requests } = serve(
      li,
      makePartnershipDetail({ members: [], viewer: makePartnershipViewer({ canDecideForCityIds: ['city-penang'] }) }),
    );
    renderApp({ path: '/partnerships/partnership-1' });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Decline on behalf of Penang' }));
    expect(
      await screen.findByText('You declined the invitation to “Toronto – Penang” on behalf of Penang.'),
    ).toBeInTheDocument();
    expect(sent(requests, 'POST', '/decision')[0]?.body).toEqual({ decision: 'decline' });
    expect(screen.getByText('The invited city declined the proposal.')).toBeInTheDocument();
  });

  it('lets coordinators edit the action plan in place', async () => {
    const { requests } = serve(
      ana,
      makePartnershipDetail({
        members: [makePartnershipMember(), marc],
        milestones: [makeMilestone()],
        viewer: makePartnershipViewer({
          role: 'coordinator',
          coordinatesCityIds: ['city-toronto'],
          canWithdrawCityIds: ['city-penang'],
          canEdit: true,
          canSeeForum: true,
        }),
      }),
    );
    renderApp({ path: '/partnerships/partnership-1' });
    const user = userEvent.setup();

    const milestone = await screen.findByRole('form', { name: 'Milestone “Study visit to Penang”' });
    expect(screen.queryByRole('button', { name: /Accept on behalf/ })).not.toBeInTheDocument();
    expect(within(milestone).getByLabelText('Due date')).toHaveValue('2026-06-01');
    const owner = within(milestone).getByLabelText('Owner');
    expect(
      within(owner)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['No owner', 'Ana Souza', 'Marc Dubois']);

    await user.selectOptions(within(milestone).getByLabelText('Status'), 'in_progress');
    await user.selectOptions(owner, 'user-marc');
    await user.click(within(milestone).getByRole('button', { name: 'Save milestone “Study visit to Penang”' }));
    expect(await screen.findByText('Milestone “Study visit to Penang” saved.')).toBeInTheDocument();
    expect(sent(requests, 'PATCH', '/milestones/milestone-1')[0]?.body).toEqual({
      title: 'Study visit to Penang',
      status: 'in_progress',
      ownerId: 'user-marc',
      dueDate: '2026-06-01',
    });

    const add = screen.getByRole('form', { name: 'Add a milestone' });
    await user.click(within(add).getByRole('button', { name: 'Add the milestone' }));
    expect(within(add).getByLabelText('Title')).toHaveAccessibleDescription('This field is required.');
    await user.type(within(add).getByLabelText('Title'), 'Joint workshop');
    await user.type(within(add).getByLabelText('Due date'), '2026-09-15');
    await user.click(within(add).getByRole('button', { name: 'Add the milestone' }));
    expect(await screen.findByText('Milestone “Joint workshop” added.')).toBeInTheDocument();
    expect(sent(requests, 'POST', '/milestones')[0]?.body).toEqual({
      title: 'Joint workshop',
      status: 'planned',
      ownerId: null,
      dueDate: '2026-09-15',
    });
    expect(within(add).getByLabelText('Title')).toHaveValue('');
    expect(await screen.findByRole('form', { name: 'Milestone “Joint workshop”' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete milestone “Study visit to Penang”' }));
    expect(await screen.findByText('Milestone “Study visit to Penang” deleted.')).toBeInTheDocument();
    expect(sent(requests, 'DELETE', '/milestones/milestone-1')).toHaveLength(1);
    await waitFor(() =>
      expect(screen.queryByRole('form', { name: 'Milestone “Study visit to Penang”' })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Action plan' })).toHaveFocus();
  });

  it('shows the history, members and activity, and lets the proposer withdraw the invitation', async () => {
    const { requests } = serve(
      ana,
      makePartnershipDetail({
        members: [makePartnershipMember(), marc],
        viewer: makePartnershipViewer({
          role: 'coordinator',
          coordinatesCityIds: ['city-toronto'],
          canWithdrawCityIds: ['city-penang'],
          canEdit: true,
          canSeeForum: true,
        }),
      }),
    );
    renderApp({ path: '/partnerships/partnership-1' });
    const user = userEvent.setup();

    const history = await screen.findByRole('list', { name: 'History' });
    expect(within(history).getByText('Ana Souza proposed the partnership on behalf of Toronto')).toBeInTheDocument();
    expect(within(history).getByText('Mar 1, 2026, 10:00 AM')).toBeInTheDocument();
    const members = screen.getByRole('table', { name: '2 officials' });
    expect(within(members).getByRole('rowheader', { name: 'Marc Dubois @marc_dubois' })).toBeInTheDocument();
    const activity = await screen.findByRole('list', { name: 'Activity' });
    expect(within(activity).getByRole('link', { name: 'New forum thread “First steps” by Ana Souza' })).toHaveAttribute(
      'href',
      '/threads/thread-1',
    );
    expect(within(activity).getByText('3 posts')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Withdraw the invitation of Penang' }));
    expect(screen.getByText('Penang will no longer be able to accept this invitation.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Yes, withdraw it' }));
    expect(await screen.findByText('The invitation of Penang was withdrawn.')).toBeInTheDocument();
    expect(sent(requests, 'POST', '/withdraw')[0]?.body).toEqual({});
    expect(screen.getByText('Invitation withdrawn')).toBeInTheDocument();
  });

  it('asks before concluding an active partnership', async () => {
    const { requests } = serve(
      ana,
      makePartnershipDetail({
        status: 'active',
        cities: [makePartnershipCity(), makePartnershipCity({ city: makePenangSummary(), status: 'member' })],
        viewer: makePartnershipViewer({
          role: 'coordinator',
          coordinatesCityIds: ['city-toronto'],
          canEdit: true,
          canConclude: true,
          canInvite: true,
          canSeeForum: true,
        }),
      }),
    );
    renderApp({ path: '/partnerships/partnership-1' });
    const user = userEvent.setup();

    expect(await screen.findByRole('region', { name: 'Invite another city' })).toBeInTheDocument();
    const conclude = screen.getByRole('button', { name: 'Conclude the partnership' });
    expect(conclude).toHaveAttribute('aria-expanded', 'false');
    await user.click(conclude);
    await user.type(screen.getByRole('textbox', { name: 'Note (optional)' }), 'Goals reached.');
    await user.click(screen.getByRole('button', { name: 'Yes, conclude it' }));

    expect(await screen.findByText('The partnership was concluded.')).toBeInTheDocument();
    expect(sent(requests, 'POST', '/conclude')[0]?.body).toEqual({ note: 'Goals reached.' });
    expect(screen.queryByRole('button', { name: 'Conclude the partnership' })).not.toBeInTheDocument();
  });

  it('shows members the action plan without editing it', async () => {
    serve(
      makeMe({ id: 'user-marc', displayName: 'Marc Dubois' }),
      makePartnershipDetail({
        status: 'active',
        members: [makePartnershipMember(), marc],
        milestones: [makeMilestone()],
        viewer: makePartnershipViewer({ role: 'member', canSeeForum: true }),
      }),
    );
    renderApp({ path: '/partnerships/partnership-1' });

    const plan = await screen.findByRole('list', { name: 'Action plan' });
    expect(within(plan).getByText('Study visit to Penang')).toBeInTheDocument();
    expect(within(plan).getByText('Planned')).toBeInTheDocument();
    expect(within(plan).getByText('Ana Souza')).toBeInTheDocument();
    expect(within(plan).getByText('Jun 1, 2026')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Milestone “Study visit to Penang”' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Save milestone/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Add a milestone' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit title, themes and goals' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the partnership forum' })).toBeInTheDocument();
  });

  it('says when a partnership cannot be seen', async () => {
    stubFetch(({ url }) =>
      url.pathname === '/api/auth/refresh' ? jsonResponse(makeAuth(ana)) : apiError(404, 'NOT_FOUND'),
    );
    renderApp({ path: '/partnerships/unknown' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Partnership not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to your partnerships' })).toHaveAttribute('href', '/partnerships');
  });
});
