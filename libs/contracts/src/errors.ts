/**
 * Error codes shared by every HTTP error body and every failed socket ack.
 * The body is always `{ code, message, fields? }`.
 */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  REFRESH_TOKEN_INVALID: 'REFRESH_TOKEN_INVALID',
  REFRESH_TOKEN_REUSED: 'REFRESH_TOKEN_REUSED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  /** The account's address is not verified yet: reading works, posting and joining do not. */
  EMAIL_NOT_VERIFIED: 'EMAIL_NOT_VERIFIED',
  /** A verification or password-reset link that is unknown, expired or already used. */
  LINK_INVALID: 'LINK_INVALID',
  ALREADY_MEMBER: 'ALREADY_MEMBER',
  REQUEST_PENDING: 'REQUEST_PENDING',
  INVALID_STATE: 'INVALID_STATE',
  THREAD_LOCKED: 'THREAD_LOCKED',
  SILENCED: 'SILENCED',
  /** A facilitator muted you in this workshop; `retryAfterSeconds` says for how long. */
  MUTED: 'MUTED',
  /** The workshop room is locked: read-only for non-facilitators. */
  ROOM_LOCKED: 'ROOM_LOCKED',
  /** Slow mode: wait `retryAfterSeconds` before your next message. */
  SLOW_MODE: 'SLOW_MODE',
  /** The workshop has reached its capacity. */
  WORKSHOP_FULL: 'WORKSHOP_FULL',
  /** A facilitator removed you from this workshop; you cannot rejoin it. */
  REMOVED: 'REMOVED',
  RATE_LIMITED: 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  ORIGIN_NOT_ALLOWED: 'ORIGIN_NOT_ALLOWED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Field name → human-readable problems with that field. */
export type FieldErrors = Record<string, string[]>;

export interface ApiError {
  code: ErrorCode;
  message: string;
  fields?: FieldErrors;
  /** For RATE_LIMITED, MUTED and SLOW_MODE: whole seconds until trying again can succeed. */
  retryAfterSeconds?: number;
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiError).code === 'string' &&
    typeof (value as ApiError).message === 'string'
  );
}
