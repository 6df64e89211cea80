import type { AuthResponse, CityDetailDto, CitySummaryDto, JoinRequestDto, MeDto } from '@twinning/contracts';
import {
  MATCH_WEIGHTS,
  type MatchSuggestionDto,
  type MatchSuggestionsDto,
  type MilestoneDto,
  type NotificationDto,
  type NotificationKind,
  type NotificationPayloads,
  type PartnershipCityDto,
  type PartnershipDetailDto,
  type PartnershipEventDto,
  type PartnershipMemberDto,
  type PartnershipSummaryDto,
} from '@twinning/contracts';
import type {
  AuditEntryDto,
  AuthorDto,
  FlagDto,
  ForumDto,
  ForumSummaryDto,
  PostDto,
  PostPage,
  SearchResultDto,
  SilenceDto,
  ThreadDto,
  ThreadSummaryDto,
} from '@twinning/contracts';
import type {
  AgendaItemDto,
  MyRegistrationDto,
  RosterEntryDto,
  VisitDateOptionDto,
  VisitDto,
  VisitSummaryDto,
} from '@twinning/contracts';

/** Small factories for API payloads, typed by the shared contracts. */

export function makeMe(overrides: Partial<MeDto> = {}): MeDto {
  return {
    id: 'user-ana',
    email: 'ana@example.org',
    displayName: 'Ana Souza',
    handle: 'ana_souza',
    preferredLanguage: 'en',
    timeZone: 'America/Toronto',
    role: 'member',
    cities: [],
    emailStatus: 'verified',
    createdAt: '2026-01-05T10:00:00.000Z',
    emailVerified: true,
    ...overrides,
  };
}

export function makeAuth(user: MeDto = makeMe(), accessToken = 'token-1'): AuthResponse {
  return { accessToken, expiresIn: 900, user };
}

export function makeCitySummary(overrides: Partial<CitySummaryDto> = {}): CitySummaryDto {
  return {
    id: 'city-toronto',
    slug: 'toronto',
    name: 'Toronto',
    countryCode: 'CA',
    region: 'north_america',
    immigrationProfile: 'traditional',
    population: 2794356,
    themes: ['integration', 'employment'],
    ...overrides,
  };
}

export function makeCityDetail(overrides: Partial<CityDetailDto> = {}): CityDetailDto {
  return {
    ...makeCitySummary(),
    languages: ['en', 'fr'],
    timeZone: 'America/Toronto',
    description: 'A city of newcomers.\n\nHalf of its residents were born abroad.',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    officials: [
      {
        user: { id: 'user-li', displayName: 'Li Wei' },
        role: 'coordinator',
        since: '2026-01-02T00:00:00.000Z',
      },
    ],
    viewer: { role: null, joinRequest: null, canEdit: false, canReviewRequests: false },
    ...overrides,
  };
}

export function makeJoinRequest(overrides: Partial<JoinRequestDto> = {}): JoinRequestDto {
  return {
    id: 'request-1',
    city: { id: 'city-toronto', slug: 'toronto', name: 'Toronto' },
    user: { id: 'user-ana', displayName: 'Ana Souza', email: 'ana@example.org' },
    status: 'pending',
    message: 'I lead the newcomer office.',
    createdAt: '2026-02-01T15:30:00.000Z',
    decidedAt: null,
    decidedBy: null,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// Partnerships, matching and notifications

export function makePenangSummary(overrides: Partial<CitySummaryDto> = {}): CitySummaryDto {
  return makeCitySummary({
    id: 'city-penang',
    slug: 'penang',
    name: 'Penang',
    countryCode: 'MY',
    region: 'south_east_asia',
    immigrationProfile: 'emerging',
    population: 1_740_000,
    themes: ['employment', 'health'],
    ...overrides,
  });
}

const TORONTO_REF = { id: 'city-toronto', slug: 'toronto', name: 'Toronto' };
const PENANG_REF = { id: 'city-penang', slug: 'penang', name: 'Penang' };
const ANA = { id: 'user-ana', displayName: 'Ana Souza' };
const LI = { id: 'user-li', displayName: 'Li Wei' };
const PARTNERSHIP_REF = { id: 'partnership-1', title: 'Toronto – Penang' };
const THREAD_REF = { id: 'thread-1', title: 'Welcoming newcomers in the first week', forumId: 'forum-1' };
const VISIT_REF = { id: 'visit-1', title: 'Newcomer services in Toronto' };
const WORKSHOP_REF = { id: 'workshop-1', title: 'Mediation skills for city officials' };

const NOTIFICATION_PAYLOADS: NotificationPayloads = {
  'partnership.invited': { actor: ANA, partnership: PARTNERSHIP_REF, fromCity: TORONTO_REF, toCity: PENANG_REF },
  'partnership.accepted': { actor: LI, partnership: PARTNERSHIP_REF, city: PENANG_REF },
  'partnership.declined': { actor: LI, partnership: PARTNERSHIP_REF, city: PENANG_REF },
  'partnership.withdrawn': { actor: ANA, partnership: PARTNERSHIP_REF, city: PENANG_REF },
  'partnership.concluded': { actor: ANA, partnership: PARTNERSHIP_REF },
  'forum.reply': {
    actor: LI,
    thread: THREAD_REF,
    postId: 'post-7',
    seq: 7,
    excerpt: 'We pair each family with a mentor.',
  },
  'forum.mention': {
    actor: LI,
    thread: THREAD_REF,
    postId: 'post-8',
    seq: 8,
    excerpt: '@ana_souza what do you think?',
  },
  'join_request.decided': { actor: LI, city: TORONTO_REF, decision: 'approved' },
  'join_request.created': { actor: LI, city: TORONTO_REF, requestId: 'request-1' },
  'workshop.live': { actor: LI, workshop: WORKSHOP_REF },
  'workshop.facilitator_added': { actor: LI, workshop: WORKSHOP_REF, startsAt: '2026-03-10T13:00:00.000Z' },
  'visit.opened': {
    actor: LI,
    visit: VISIT_REF,
    partnership: { id: 'partnership-1', title: 'Toronto – Penang' },
    hostCity: { id: 'city-toronto', slug: 'toronto', name: 'Toronto' },
    startDate: '2027-03-13',
    endDate: '2027-03-15',
  },
  'visit.date_chosen': {
    actor: LI,
    visit: VISIT_REF,
    startDate: '2027-03-13',
    endDate: '2027-03-15',
    timeZone: 'America/Toronto',
  },
  'visit.registration': { visit: VISIT_REF, status: 'waitlisted', position: 2 },
  'visit.promoted': { visit: VISIT_REF },
  'visit.agenda_changed': {
    actor: LI,
    visit: VISIT_REF,
    change: 'added',
    item: { id: 'item-1', title: 'Newcomer centre' },
  },
  'visit.cancelled': { actor: LI, visit: VISIT_REF, reason: 'Travel budget frozen' },
};

/** A notification of the given kind, with a payload about Toronto, Penang, Ana Souza and Li Wei. */
export function makeNotification<K extends NotificationKind>(
  kind: K,
  overrides: {
    id?: string;
    payload?: Partial<NotificationPayloads[K]>;
    readAt?: string | null;
    createdAt?: string;
  } = {},
): NotificationDto {
  // The kind and its payload match by construction; TypeScript cannot follow K through the union.
  return {
    id: overrides.id ?? `notification-${kind}`,
    kind,
    payload: { ...NOTIFICATION_PAYLOADS[kind], ...overrides.payload },
    readAt: overrides.readAt ?? null,
    createdAt: overrides.createdAt ?? '2026-03-02T14:00:00.000Z',
  } as NotificationDto;
}

export function makePartnershipCity(overrides: Partial<PartnershipCityDto> = {}): PartnershipCityDto {
  return {
    city: makeCitySummary(),
    status: 'member',
    invitedBy: null,
    invitedAt: '2026-03-01T15:00:00.000Z',
    decidedAt: null,
    decidedBy: null,
    message: '',
    ...overrides,
  };
}

export function makePartnershipMember(overrides: Partial<PartnershipMemberDto> = {}): PartnershipMemberDto {
  return {
    user: { ...ANA, handle: 'ana_souza' },
    city: TORONTO_REF,
    cityRole: 'coordinator',
    role: 'coordinator',
    ...overrides,
  };
}

export function makeMilestone(overrides: Partial<MilestoneDto> = {}): MilestoneDto {
  return {
    id: 'milestone-1',
    title: 'Study visit to Penang',
    owner: ANA,
    dueDate: '2026-06-01',
    status: 'planned',
    createdAt: '2026-03-03T10:00:00.000Z',
    updatedAt: '2026-03-03T10:00:00.000Z',
    ...overrides,
  };
}

export function makePartnershipEvent(overrides: Partial<PartnershipEventDto> = {}): PartnershipEventDto {
  return {
    id: 'event-1',
    action: 'proposed',
    actor: ANA,
    city: TORONTO_REF,
    note: '',
    createdAt: '2026-03-01T15:00:00.000Z',
    ...overrides,
  };
}

/** What a viewer may do; nothing by default. */
export function makePartnershipViewer(
  overrides: Partial<PartnershipDetailDto['viewer']> = {},
): PartnershipDetailDto['viewer'] {
  return {
    role: null,
    coordinatesCityIds: [],
    canDecideForCityIds: [],
    canWithdrawCityIds: [],
    canEdit: false,
    canConclude: false,
    canInvite: false,
    canSeeForum: false,
    ...overrides,
  };
}

/** Toronto (member, proposer) invited Penang; the viewer may do nothing unless `viewer` says so. */
export function makePartnershipDetail(overrides: Partial<PartnershipDetailDto> = {}): PartnershipDetailDto {
  return {
    id: 'partnership-1',
    title: 'Toronto – Penang',
    status: 'proposed',
    themes: ['employment', 'health'],
    goals: 'Share how each city helps newcomers find work.',
    cities: [
      makePartnershipCity(),
      makePartnershipCity({
        city: makePenangSummary(),
        status: 'invited',
        invitedBy: ANA,
        message: 'We would love to learn from Penang.',
      }),
    ],
    members: [makePartnershipMember()],
    milestones: [],
    history: [makePartnershipEvent()],
    forumId: 'forum-1',
    createdAt: '2026-03-01T15:00:00.000Z',
    updatedAt: '2026-03-01T15:00:00.000Z',
    concludedAt: null,
    viewer: makePartnershipViewer(),
    ...overrides,
  };
}

export function makePartnershipSummary(overrides: Partial<PartnershipSummaryDto> = {}): PartnershipSummaryDto {
  return {
    id: 'partnership-1',
    title: 'Toronto – Penang',
    status: 'proposed',
    themes: ['employment', 'health'],
    cities: [
      { ...TORONTO_REF, status: 'member' },
      { ...PENANG_REF, status: 'invited' },
    ],
    createdAt: '2026-03-01T15:00:00.000Z',
    updatedAt: '2026-03-01T15:00:00.000Z',
    viewerRole: 'coordinator',
    awaitingMyDecision: false,
    ...overrides,
  };
}

/** Penang suggested to Toronto: complementary profiles, two shared themes, different regions. */
export function makeMatchSuggestion(overrides: Partial<MatchSuggestionDto> = {}): MatchSuggestionDto {
  return {
    city: makePenangSummary(),
    score: 80,
    breakdown: { profile: 40, themes: 20, region: 20 },
    reasons: {
      profiles: { mine: 'traditional', theirs: 'emerging', complementary: true },
      sharedThemes: ['employment', 'health'],
      regions: { mine: 'north_america', theirs: 'south_east_asia', different: true },
    },
    pendingProposalId: null,
    ...overrides,
  };
}

export function makeMatchSuggestions(overrides: Partial<MatchSuggestionsDto> = {}): MatchSuggestionsDto {
  return {
    city: makeCitySummary({ themes: ['integration', 'employment', 'health'] }),
    weights: MATCH_WEIGHTS,
    items: [makeMatchSuggestion()],
    ...overrides,
  };
}

// Forums and moderation

export function makeAuthor(overrides: Partial<AuthorDto> = {}): AuthorDto {
  return { id: 'user-li', displayName: 'Li Wei', handle: 'li_wei', ...overrides };
}

export function makeForumSummary(overrides: Partial<ForumSummaryDto> = {}): ForumSummaryDto {
  return {
    id: 'forum-integration',
    kind: 'theme',
    theme: 'integration',
    partnership: null,
    threadCount: 12,
    lastPostedAt: '2026-02-01T15:30:00.000Z',
    unreadThreads: 0,
    ...overrides,
  };
}

export function makeForum(overrides: Partial<ForumDto> = {}): ForumDto {
  return {
    ...makeForumSummary(),
    viewer: { canPost: true, canModerate: false, silencedUntil: null },
    ...overrides,
  };
}

export function makeThreadSummary(overrides: Partial<ThreadSummaryDto> = {}): ThreadSummaryDto {
  return {
    id: 'thread-1',
    forumId: 'forum-integration',
    title: 'Welcoming newcomers at city hall',
    themes: ['integration'],
    author: makeAuthor(),
    pinned: false,
    locked: false,
    lastSeq: 3,
    postCount: 3,
    createdAt: '2026-01-20T09:00:00.000Z',
    lastPostedAt: '2026-02-01T15:30:00.000Z',
    lastPoster: { id: 'user-minh', displayName: 'Minh Tran' },
    unreadCount: 0,
    firstUnreadSeq: null,
    notificationLevel: 'normal',
    ...overrides,
  };
}

export function makeThread(overrides: Partial<ThreadDto> = {}): ThreadDto {
  return {
    ...makeThreadSummary(),
    forum: makeForumSummary(),
    lastReadSeq: 3,
    viewer: { canReply: true, canModerate: false, silencedUntil: null },
    ...overrides,
  };
}

/** Post number `seq` of thread-1; its body says which post it is. */
export function makePost(seq = 1, overrides: Partial<PostDto> = {}): PostDto {
  const body = `Post number ${seq}.`;
  return {
    id: `post-${seq}`,
    threadId: 'thread-1',
    seq,
    author: makeAuthor(),
    body,
    bodyHtml: `<p>${body}</p>`,
    quote: null,
    createdAt: '2026-02-01T15:30:00.000Z',
    editedAt: null,
    editCount: 0,
    deleted: false,
    hidden: false,
    hiddenReason: null,
    flagCount: 0,
    viewer: { canEdit: false, canDelete: false, canFlag: true, flagged: false },
    ...overrides,
  };
}

export function makePostPage(items: PostDto[], overrides: Partial<PostPage> = {}): PostPage {
  return { items, nextAfterSeq: null, prevBeforeSeq: null, ...overrides };
}

export function makeSearchResult(overrides: Partial<SearchResultDto> = {}): SearchResultDto {
  return {
    thread: { id: 'thread-1', title: 'Welcoming newcomers at city hall', forumId: 'forum-integration', themes: [] },
    forum: { id: 'forum-integration', kind: 'theme', theme: 'integration', partnershipTitle: null },
    post: {
      id: 'post-2',
      seq: 2,
      author: { id: 'user-li', displayName: 'Li Wei' },
      createdAt: '2026-02-01T15:30:00.000Z',
    },
    titleHtml: 'Welcoming <mark>newcomers</mark> at city hall',
    headlineHtml: 'Our <mark>newcomers</mark> desk opens at 8 &amp; closes at 4.',
    rank: 0.9,
    ...overrides,
  };
}

export function makeFlag(overrides: Partial<FlagDto> = {}): FlagDto {
  return {
    id: 'flag-1',
    reason: 'abusive',
    note: 'Insults another member.',
    status: 'open',
    reporter: { id: 'user-ana', displayName: 'Ana Souza' },
    createdAt: '2026-02-01T15:30:00.000Z',
    resolvedAt: null,
    resolvedBy: null,
    post: {
      id: 'post-2',
      seq: 2,
      author: { id: 'user-li', displayName: 'Li Wei' },
      bodyHtml: '<p>You clearly know nothing.</p>',
      hidden: false,
      deleted: false,
      openFlagCount: 1,
    },
    thread: { id: 'thread-1', title: 'Welcoming newcomers at city hall' },
    forum: { id: 'forum-integration', kind: 'theme', theme: 'integration', partnershipTitle: null },
    ...overrides,
  };
}

export function makeSilence(overrides: Partial<SilenceDto> = {}): SilenceDto {
  return {
    user: { id: 'user-li', displayName: 'Li Wei' },
    until: '2026-02-02T15:30:00.000Z',
    reason: 'Repeated insults.',
    createdBy: { id: 'user-ana', displayName: 'Ana Souza' },
    createdAt: '2026-02-01T15:30:00.000Z',
    ...overrides,
  };
}

export function makeAuditEntry(overrides: Partial<AuditEntryDto> = {}): AuditEntryDto {
  return {
    id: 'audit-1',
    actor: { id: 'user-ana', displayName: 'Ana Souza' },
    action: 'post.hide',
    target: { type: 'post', id: 'post-2', label: 'Post 2 in “Welcoming newcomers at city hall”' },
    forum: { id: 'forum-integration', kind: 'theme', theme: 'integration', partnershipTitle: null },
    reason: 'Insults another member.',
    createdAt: '2026-02-01T15:30:00.000Z',
    ...overrides,
  };
}

// --- Study visits -------------------------------------------------------------------------------

export function makeVisitSummary(overrides: Partial<VisitSummaryDto> = {}): VisitSummaryDto {
  return {
    id: 'visit-1',
    partnership: { id: 'partnership-1', title: 'Toronto – Penang' },
    hostCity: { id: 'city-toronto', slug: 'toronto', name: 'Toronto' },
    title: 'Newcomer services in Toronto',
    themes: ['integration', 'employment'],
    status: 'open',
    timeZone: 'America/Toronto',
    startDate: '2026-03-08',
    endDate: '2026-03-10',
    startsAt: '2026-03-08T05:00:00.000Z',
    endsAt: '2026-03-11T04:00:00.000Z',
    capacity: 10,
    placesTaken: 4,
    waitlistCount: 0,
    registrationDeadline: '2026-02-20T22:00:00.000Z',
    pollOpen: false,
    viewer: { coordinator: false, registration: null },
    ...overrides,
  };
}

export function makeDateOption(overrides: Partial<VisitDateOptionDto> = {}): VisitDateOptionDto {
  return {
    id: 'option-1',
    startDate: '2026-03-08',
    endDate: '2026-03-10',
    startsAt: '2026-03-08T05:00:00.000Z',
    endsAt: '2026-03-11T04:00:00.000Z',
    tally: { yes: 0, if_need_be: 0, no: 0 },
    myAnswer: null,
    voters: [],
    ...overrides,
  };
}

export function makeAgendaItem(overrides: Partial<AgendaItemDto> = {}): AgendaItemDto {
  return {
    id: 'item-1',
    startsLocal: '2026-03-08T09:00',
    endsLocal: '2026-03-08T10:30',
    startsAt: '2026-03-08T13:00:00.000Z',
    endsAt: '2026-03-08T14:30:00.000Z',
    title: 'Welcome at city hall',
    site: 'Toronto City Hall',
    address: '100 Queen St W, Toronto',
    hostContact: 'Li Wei, +1 416 555 0100',
    notes: 'Bring **ID**.',
    notesHtml: '<p>Bring <strong>ID</strong>.</p>',
    ...overrides,
  };
}

export function makeVisit(overrides: Partial<VisitDto> = {}): VisitDto {
  return {
    ...makeVisitSummary(),
    purpose: 'See how **Toronto** welcomes newcomers.',
    purposeHtml: '<p>See how <strong>Toronto</strong> welcomes newcomers.</p>',
    createdBy: { id: 'user-li', displayName: 'Li Wei' },
    cancelReason: null,
    sequence: 0,
    dateOptions: [],
    agenda: [],
    warnings: [],
    report: null,
    createdAt: '2026-01-10T15:00:00.000Z',
    updatedAt: '2026-01-10T15:00:00.000Z',
    ...overrides,
  };
}

export function makeMyRegistration(overrides: Partial<MyRegistrationDto> = {}): MyRegistrationDto {
  return {
    status: 'registered',
    accompanying: 0,
    dietary: '',
    accessibility: '',
    position: null,
    createdAt: '2026-02-01T12:00:00.000Z',
    ...overrides,
  };
}

export function makeRosterEntry(overrides: Partial<RosterEntryDto> = {}): RosterEntryDto {
  return {
    user: { id: 'user-minh', displayName: 'Minh Tran', email: 'minh@example.org' },
    city: { id: 'city-penang', slug: 'penang', name: 'Penang' },
    status: 'registered',
    accompanying: 1,
    places: 2,
    dietary: 'Vegetarian',
    accessibility: 'Step-free access',
    position: null,
    createdAt: '2026-02-01T12:00:00.000Z',
    ...overrides,
  };
}
