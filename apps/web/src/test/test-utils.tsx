import { QueryClient } from '@tanstack/react-query';
import type { UiLanguage } from '@twinning/contracts';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { vi } from 'vitest';
import { AppProviders } from '../app/providers';
import { routes as appRoutes } from '../app/router';

/** One recorded call to the stubbed `fetch`. */
export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

export type FetchHandler = (request: RecordedRequest) => Response | Promise<Response>;

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function apiError(
  status: number,
  code: string,
  message = code,
  extra: { fields?: Record<string, string[]>; headers?: Record<string, string> } = {},
) {
  return jsonResponse({ code, message, fields: extra.fields }, status, extra.headers);
}

/**
 * Replaces `globalThis.fetch` (the network boundary, nothing else) with a handler; returns the spy and
 * the list of requests it received.
 */
export function stubFetch(handler: FetchHandler) {
  const requests: RecordedRequest[] = [];
  const spy = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const request: RecordedRequest = {
      method: (init.method ?? 'GET').toUpperCase(),
      url,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    requests.push(request);
    return handler(request);
  });
  vi.stubGlobal('fetch', spy);
  return { spy, requests };
}

export function createTestQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: 30_000, gcTime: Infinity },
      mutations: { retry: false },
    },
  });
}

export interface RenderAppOptions {
  path?: string;
  routes?: RouteObject[];
  queryClient?: QueryClient;
  initialLanguage?: UiLanguage;
}

/** Renders routes (the whole app by default) in a memory router with the real providers. */
export function renderApp({
  path = '/',
  routes = appRoutes,
  queryClient = createTestQueryClient(),
  initialLanguage = 'en',
}: RenderAppOptions = {}) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <AppProviders queryClient={queryClient} initialLanguage={initialLanguage}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, router, queryClient };
}
