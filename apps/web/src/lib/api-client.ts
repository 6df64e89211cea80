import { ErrorCode, isApiError, type ApiError, type AuthResponse, type FieldErrors } from '@twinning/contracts';
import { withQuery } from './search-params';

/**
 * The one door to the API. It keeps the access token in memory only (never in storage), sends it as
 * `Authorization: Bearer`, and when a call answers 401 `TOKEN_EXPIRED`/`UNAUTHENTICATED` it refreshes the
 * session once (single flight, shared by every caller waiting at that moment) and retries the call once.
 * The refresh token itself lives in an httpOnly cookie that this code never sees.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

export interface ApiRequestOptions {
  method?: HttpMethod;
  /** Serialized as JSON. */
  body?: unknown;
  /** Appended as search parameters; empty, null and undefined values are left out. */
  query?: Readonly<Record<string, QueryValue>>;
  signal?: AbortSignal;
  /** Refresh and retry on an expired token (default true). Off for login/register/refresh themselves. */
  retryOnUnauthorized?: boolean;
}

/** A failed call: the API's `{ code, message, fields? }` plus the HTTP status (0 when the network failed). */
export class ApiRequestError extends Error implements Omit<ApiError, 'retryAfterSeconds'> {
  override readonly name = 'ApiRequestError';
  readonly status: number;
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  /** Seconds to wait, from `Retry-After` on 429/503 answers. */
  readonly retryAfterSeconds: number | null;
  /** The language the API was asked to word `message` and `fields` in (`Accept-Language`), if any. */
  readonly language: string | null;

  constructor(status: number, body: ApiError, retryAfterSeconds: number | null = null, language: string | null = null) {
    super(body.message);
    this.status = status;
    this.code = body.code;
    this.fields = body.fields;
    this.retryAfterSeconds = retryAfterSeconds;
    this.language = language;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export function isApiRequestError(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError;
}

export type SessionEvent =
  | { type: 'refreshed'; auth: AuthResponse }
  /** A session that existed could not be renewed: the user is now signed out. */
  | { type: 'ended' };

type SessionListener = (event: SessionEvent) => void;

let accessToken: string | null = null;
let refreshInFlight: Promise<AuthResponse | null> | null = null;
const listeners = new Set<SessionListener>();

export function getAccessToken(): string | null {
  return accessToken;
}

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

/** Called with every renewal or loss of the session; returns the unsubscribe function. */
export function onSessionEvent(listener: SessionListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function emit(event: SessionEvent): void {
  for (const listener of listeners) listener(event);
}

/** Refusals that a renewed session may cure: a call's 401, or a socket's refused handshake (lib/socket). */
export const AUTH_RETRY_CODES: ReadonlySet<string> = new Set([ErrorCode.TOKEN_EXPIRED, ErrorCode.UNAUTHENTICATED]);

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return ErrorCode.VALIDATION_FAILED;
    case 401:
      return ErrorCode.UNAUTHENTICATED;
    case 403:
      return ErrorCode.FORBIDDEN;
    case 404:
      return ErrorCode.NOT_FOUND;
    case 409:
      return ErrorCode.CONFLICT;
    case 413:
      return ErrorCode.PAYLOAD_TOO_LARGE;
    case 415:
      return ErrorCode.UNSUPPORTED_MEDIA_TYPE;
    case 429:
      return ErrorCode.RATE_LIMITED;
    case 502:
    case 503:
    case 504:
      return ErrorCode.SERVICE_UNAVAILABLE;
    default:
      return ErrorCode.INTERNAL;
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function toError(response: Response, language: string | null): Promise<ApiRequestError> {
  const body = await readJson(response);
  const apiError: ApiError = isApiError(body)
    ? body
    : { code: codeForStatus(response.status), message: response.statusText || 'Request failed' };
  return new ApiRequestError(response.status, apiError, parseRetryAfter(response.headers.get('Retry-After')), language);
}

/** The interface language (the document's `lang`, which the i18n provider keeps current), for `Accept-Language`. */
function interfaceLanguage(): string | null {
  return typeof document !== 'undefined' && document.documentElement.lang ? document.documentElement.lang : null;
}

function networkError(cause: unknown): ApiRequestError {
  const error = new ApiRequestError(0, {
    code: ErrorCode.SERVICE_UNAVAILABLE,
    message: cause instanceof Error ? cause.message : 'Network error',
  });
  return error;
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

async function send(path: string, options: ApiRequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  // The API words its error messages (field errors included) in the language asked for.
  const language = interfaceLanguage();
  if (language) headers['Accept-Language'] = language;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers['Authorization'] = `Bearer ${token}`;
  try {
    return await fetch(withQuery(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'include',
      signal: options.signal,
      // A refresh rotates the single-use cookie: it must complete even if the page reloads meanwhile,
      // or the browser would keep the consumed token and the next start would look like theft.
      keepalive: path === '/api/auth/refresh' || path === '/api/auth/logout',
    });
  } catch (error) {
    if (isAbort(error) || options.signal?.aborted) throw error;
    throw networkError(error);
  }
}

async function parseSuccess<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  return (await readJson(response)) as T;
}

/**
 * Refresh tokens are single-use and a reused one revokes the whole session, so two tabs must never
 * present the same cookie at once: a Web Lock serialises refreshes across the tabs of this origin (the
 * second tab then sends the rotated cookie the first one received).
 */
function acrossTabs<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('twinning-refresh', fn) as Promise<T>) : fn();
}

/**
 * Renews the session from the refresh cookie. Concurrent callers share one request. Resolves to null when
 * there is no valid session (and, if there was one, announces that it ended); rejects on network failure.
 */
export function refreshSession(): Promise<AuthResponse | null> {
  if (!refreshInFlight) {
    refreshInFlight = (async () => {
      const hadSession = accessToken !== null;
      const response = await acrossTabs(() => send('/api/auth/refresh', { method: 'POST' }, null));
      if (response.ok) {
        const auth = await parseSuccess<AuthResponse>(response);
        accessToken = auth.accessToken;
        emit({ type: 'refreshed', auth });
        return auth;
      }
      accessToken = null;
      if (hadSession) emit({ type: 'ended' });
      return null;
    })().finally(() => {
      refreshInFlight = null;
    });
  }
  return refreshInFlight;
}

/** Sends one API call and returns its JSON body (undefined for 204). Throws ApiRequestError on failure. */
export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const retry = options.retryOnUnauthorized ?? true;
  if (retry && refreshInFlight) {
    // A renewal is under way (for instance the silent one at start-up): wait for its token.
    await refreshInFlight.catch(() => null);
  }

  const tokenUsed = accessToken;
  let response = await send(path, options, tokenUsed);

  const language = interfaceLanguage();
  if (response.status === 401 && retry) {
    const error = await toError(response, language);
    if (!AUTH_RETRY_CODES.has(error.code)) throw error;
    // Another call may already have renewed the token while this one was in flight.
    const renewedToken =
      accessToken !== null && accessToken !== tokenUsed ? accessToken : ((await refreshSession())?.accessToken ?? null);
    if (!renewedToken) throw error;
    response = await send(path, options, renewedToken);
  }

  if (!response.ok) throw await toError(response, language);
  return parseSuccess<T>(response);
}

/** For tests: forget the token and any renewal in flight. */
export function resetApiClientForTests(): void {
  accessToken = null;
  refreshInFlight = null;
  listeners.clear();
}
