import type {
  PersonSummary,
  WorkshopDto,
  WorkshopJoinResult,
  WorkshopMessageDto,
  WorkshopQuestionDto,
  WorkshopReportDto,
  WorkshopRoomState,
} from '@twinning/contracts';

/** Small factories for the live room's payloads, typed by the shared contracts. */

export const ROOM_ID = 'workshop-1';

const TORONTO = { id: 'city-toronto', name: 'Toronto' };
const PENANG = { id: 'city-penang', name: 'Penang' };
export const ana: PersonSummary = {
  id: 'user-ana',
  displayName: 'Ana Souza',
  handle: 'ana_souza',
  cities: [TORONTO],
  role: 'official',
};
export const li: PersonSummary = {
  id: 'user-li',
  displayName: 'Li Wei',
  handle: 'li_wei',
  cities: [PENANG],
  role: 'coordinator',
};
export const minh: PersonSummary = {
  id: 'user-minh',
  displayName: 'Minh Tran',
  handle: 'minh',
  cities: [PENANG],
  role: 'official',
};
export const fatima: PersonSummary = {
  id: 'user-fatima',
  displayName: 'Fatima Zahra',
  handle: 'fatima',
  cities: [],
  role: 'facilitator',
};

export function makeRoomMessage(seq: number, overrides: Partial<WorkshopMessageDto> = {}): WorkshopMessageDto {
  const body = overrides.body ?? `Message ${seq}`;
  return {
    workshopId: ROOM_ID,
    seq,
    id: `message-${seq}`,
    clientId: `client-${seq}`,
    author: li,
    body,
    bodyHtml: `<p>${body}</p>`,
    createdAt: new Date(Date.UTC(2026, 2, 10, 14, 0, seq)).toISOString(),
    deletedAt: null,
    pinned: false,
    ...overrides,
  };
}

export function makeRoomState(overrides: Partial<WorkshopRoomState> = {}): WorkshopRoomState {
  return {
    workshopId: ROOM_ID,
    status: 'live',
    locked: false,
    slowModeSeconds: 0,
    pinned: [],
    lastSeq: 0,
    you: { role: 'participant', mutedUntil: null },
    ...overrides,
  };
}

export function makeJoinResult(overrides: Partial<WorkshopJoinResult> = {}): WorkshopJoinResult {
  return {
    messages: [],
    hasMoreBefore: false,
    hasMoreAfter: false,
    tombstones: [],
    presence: [
      { user: ana, role: 'participant' },
      { user: li, role: 'participant' },
      { user: fatima, role: 'facilitator' },
    ],
    state: makeRoomState(),
    questions: [],
    myVotes: [],
    hands: [],
    reports: [],
    mutes: [],
    ...overrides,
  };
}

export function makeQuestion(id: string, overrides: Partial<WorkshopQuestionDto> = {}): WorkshopQuestionDto {
  const body = overrides.body ?? `Question ${id}?`;
  return {
    id,
    workshopId: ROOM_ID,
    author: li,
    body,
    bodyHtml: `<p>${body}</p>`,
    votes: 0,
    status: 'open',
    createdAt: '2026-03-10T14:05:00.000Z',
    answeredAt: null,
    ...overrides,
  };
}

export function makeReport(id: string, message: WorkshopMessageDto, overrides: Partial<WorkshopReportDto> = {}) {
  return {
    id,
    workshopId: ROOM_ID,
    message,
    reporter: { id: minh.id, displayName: minh.displayName },
    reason: 'Off topic',
    createdAt: '2026-03-10T14:06:00.000Z',
    ...overrides,
  } satisfies WorkshopReportDto;
}

export function makeRoomWorkshop(overrides: Partial<WorkshopDto> = {}): WorkshopDto {
  return {
    id: ROOM_ID,
    title: 'Negotiation skills for city officials',
    theme: 'integration',
    language: 'en',
    scope: 'public',
    partnership: null,
    city: null,
    status: 'live',
    startsAt: '2026-03-10T14:00:00.000Z',
    endsAt: '2026-03-10T16:00:00.000Z',
    openedAt: '2026-03-10T13:58:00.000Z',
    endedAt: null,
    facilitators: [fatima],
    capacity: null,
    registeredCount: 12,
    messageCount: 0,
    viewer: { registered: true, facilitator: false, removed: false },
    description: 'Practise negotiation.',
    descriptionHtml: '<p>Practise negotiation.</p>',
    createdBy: { id: fatima.id, displayName: fatima.displayName },
    locked: false,
    slowModeSeconds: 0,
    lastSeq: 0,
    meeting: null,
    ...overrides,
  };
}
