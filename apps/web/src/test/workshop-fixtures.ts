import type { PersonSummary, WorkshopAuditEntryDto, WorkshopDto, WorkshopSummaryDto } from '@twinning/contracts';

/** Factories for the workshop list, page and form (the live room has its own, in workshop-room-fixtures). */

const LI: PersonSummary = {
  id: 'user-li',
  displayName: 'Li Wei',
  handle: 'li_wei',
  cities: [{ id: 'city-toronto', name: 'Toronto' }],
  role: 'facilitator',
};

export function makeWorkshopSummary(overrides: Partial<WorkshopSummaryDto> = {}): WorkshopSummaryDto {
  return {
    id: 'workshop-1',
    title: 'Mediation skills for city officials',
    theme: 'intercultural_dialogue',
    language: 'fr',
    scope: 'public',
    partnership: null,
    city: null,
    status: 'scheduled',
    // 09:00–10:30 in Toronto (EDT, UTC−4) on Tuesday 10 March 2026.
    startsAt: '2026-03-10T13:00:00.000Z',
    endsAt: '2026-03-10T14:30:00.000Z',
    openedAt: null,
    endedAt: null,
    facilitators: [LI],
    capacity: 30,
    registeredCount: 12,
    messageCount: 0,
    viewer: { registered: false, facilitator: false, removed: false },
    ...overrides,
  };
}

export function makeWorkshop(overrides: Partial<WorkshopDto> = {}): WorkshopDto {
  return {
    ...makeWorkshopSummary(),
    description: 'Practise **mediation** between newcomers and city services.',
    descriptionHtml: '<p>Practise <strong>mediation</strong> between newcomers and city services.</p>',
    createdBy: LI,
    locked: false,
    slowModeSeconds: 0,
    lastSeq: 0,
    meeting: null,
    ...overrides,
  };
}

export function makeWorkshopAuditEntry(overrides: Partial<WorkshopAuditEntryDto> = {}): WorkshopAuditEntryDto {
  return {
    id: 'waudit-1',
    action: 'participant.muted',
    actor: LI,
    targetUser: { id: 'user-minh', displayName: 'Minh Tran' },
    targetMessageSeq: null,
    detail: { minutes: 10 },
    createdAt: '2026-03-10T13:20:00.000Z',
    ...overrides,
  };
}
