import type { AuthResponse, MeDto } from '@twinning/contracts';
import { describe, expect, it } from 'vitest';
import { apiError, jsonResponse, stubFetch } from '../test/test-utils';
import {
  apiRequest,
  ApiRequestError,
  getAccessToken,
  onSessionEvent,
  refreshSession,
  setAccessToken,
  type SessionEvent,
} from './api-client';

const user: MeDto = {
  id: 'u1',
  email: 'ana@example.org',
  handle: 'ana',
  displayName: 'Ana Souza',
  preferredLanguage: 'en',
  timeZone: 'America/Toronto',
  roles: [],
  cities: [],
  languages: [],
  emailStatus: 'verified',
  createdAt: '2026-01-01T00:00:00.000Z',
  emailVerified: true,
};

const auth = (accessToken: string): AuthResponse => ({ accessToken, expiresIn: 900, user });

describe('apiRequest', () => {
  it('sends the access token and JSON body, and reads the JSON answer', async () => {
    setAccessToken('abc');
    const { requests } = stubFetch(() => jsonResponse({ ok: true }));
    await expect(apiRequest('/api/me', { method: 'PATCH', body: { displayName: 'Ana' } })).resolves.toEqual({
      ok: true,
    });
    expect(requests[0]?.headers.get('Authorization')).toBe('Bearer abc');
    expect(requests[0]?.headers.get('Content-Type')).toBe('application/json');
    expect(requests[0]?.body).toEqual({ displayName: 'Ana' });
  });

  it('asks for error messages in the interface language and remembers which one it asked for', async () => {
    document.documentElement.lang = 'fr';
    const { requests } = stubFetch(() => apiError(400, 'VALIDATION_FAILED'));
    const error = await apiRequest('/api/me', { method: 'PATCH', body: {} }).catch((e: unknown) => e);
    expect(requests[0]?.headers.get('Accept-Language')).toBe('fr');
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', language: 'fr' });
    document.documentElement.lang = 'en';
  });

  it('leaves empty query values out of the URL', async () => {
    const { requests } = stubFetch(() => jsonResponse({ items: [], nextCursor: null }));
    await apiRequest('/api/cities', { query: { region: 'north_america', q: '', theme: undefined } });
    expect(requests[0]?.url.pathname).toBe('/api/cities');
    expect(requests[0]?.url.search).toBe('?region=north_america');
  });

  it('resolves 204 to undefined', async () => {
    stubFetch(() => new Response(null, { status: 204 }));
    await expect(apiRequest('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('throws ApiRequestError with code, fields and Retry-After', async () => {
    stubFetch(() =>
      apiError(429, 'RATE_LIMITED', 'Slow down', {
        fields: { email: ['too many'] },
        headers: { 'Retry-After': '42' },
      }),
    );
    const error = await apiRequest('/api/auth/login', {
      method: 'POST',
      retryOnUnauthorized: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      fields: { email: ['too many'] },
      retryAfterSeconds: 42,
    });
  });

  it('turns a network failure into a status-0 error', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await apiRequest('/api/cities').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).isNetworkError).toBe(true);
  });

  it('refreshes once for concurrent 401 TOKEN_EXPIRED answers and retries each call once', async () => {
    setAccessToken('old');
    const events: SessionEvent[] = [];
    onSessionEvent((event) => events.push(event));
    let release: () => void = () => undefined;
    const refreshGate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { requests } = stubFetch(async ({ url, headers }) => {
      if (url.pathname === '/api/auth/refresh') {
        await refreshGate;
        return jsonResponse(auth('new'));
      }
      if (headers.get('Authorization') === 'Bearer old') return apiError(401, 'TOKEN_EXPIRED');
      return jsonResponse({ path: url.pathname });
    });

    const calls = Promise.all([
      apiRequest<{ path: string }>('/api/me'),
      apiRequest<{ path: string }>('/api/me/join-requests'),
      apiRequest<{ path: string }>('/api/join-requests'),
    ]);
    // Let the three calls fail and queue behind the one refresh before it answers.
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();

    await expect(calls).resolves.toEqual([
      { path: '/api/me' },
      { path: '/api/me/join-requests' },
      { path: '/api/join-requests' },
    ]);
    const refreshes = requests.filter((r) => r.url.pathname === '/api/auth/refresh');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]?.headers.has('Authorization')).toBe(false);
    const retries = requests.filter((r) => r.headers.get('Authorization') === 'Bearer new');
    expect(retries.map((r) => r.url.pathname).sort()).toEqual([
      '/api/join-requests',
      '/api/me',
      '/api/me/join-requests',
    ]);
    expect(requests).toHaveLength(7);
    expect(getAccessToken()).toBe('new');
    expect(events).toEqual([{ type: 'refreshed', auth: auth('new') }]);
  });

  it('retries only once: a second 401 after the refresh is returned to the caller', async () => {
    setAccessToken('old');
    const { requests } = stubFetch(({ url }) =>
      url.pathname === '/api/auth/refresh' ? jsonResponse(auth('new')) : apiError(401, 'UNAUTHENTICATED'),
    );
    const error = await apiRequest('/api/me').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(requests.map((r) => r.url.pathname)).toEqual(['/api/me', '/api/auth/refresh', '/api/me']);
  });

  it('signs out when the refresh fails', async () => {
    setAccessToken('old');
    const events: SessionEvent[] = [];
    onSessionEvent((event) => events.push(event));
    stubFetch(({ url }) =>
      url.pathname === '/api/auth/refresh' ? apiError(401, 'REFRESH_TOKEN_INVALID') : apiError(401, 'TOKEN_EXPIRED'),
    );
    const error = await apiRequest('/api/me').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, code: 'TOKEN_EXPIRED' });
    expect(getAccessToken()).toBeNull();
    expect(events).toEqual([{ type: 'ended' }]);
  });

  it('does not refresh on other 401 codes such as INVALID_CREDENTIALS', async () => {
    const { requests } = stubFetch(() => apiError(401, 'INVALID_CREDENTIALS'));
    await expect(
      apiRequest('/api/auth/login', { method: 'POST', body: {}, retryOnUnauthorized: false }),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await expect(apiRequest('/api/cities', { method: 'POST' })).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect(requests).toHaveLength(2);
  });

  it('holds calls made while a refresh is in flight until its token is known', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { requests } = stubFetch(async ({ url }) => {
      if (url.pathname === '/api/auth/refresh') {
        await gate;
        return jsonResponse(auth('fresh'));
      }
      return jsonResponse({ items: [], nextCursor: null });
    });
    const restoring = refreshSession();
    const call = apiRequest('/api/cities');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(requests).toHaveLength(1);
    release();
    await restoring;
    await call;
    expect(requests[1]?.headers.get('Authorization')).toBe('Bearer fresh');
  });
});
