import type { AuthResponse, CityDetailDto, CitySummaryDto, JoinRequestDto, MeDto } from '@twinning/contracts';

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
    createdAt: '2026-01-05T10:00:00.000Z',
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
