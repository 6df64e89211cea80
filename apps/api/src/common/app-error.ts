import {
  API_ERROR_TEXT,
  ErrorCode,
  type ApiError,
  type FieldErrors,
  type FieldRule,
  type FieldRuleParams,
  type UiLanguage,
} from '@twinning/contracts';
import { localizeFreeFieldErrors, renderFieldIssues, type FieldIssues } from './field-issues';

/**
 * The one error type services throw. It carries a contract error code; the HTTP status is chosen
 * in one place (the error filter), and sockets send `{ ok: false, error: toApiError() }`.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    readonly retryAfterSeconds?: number,
    /** The field problems by rule (from the validation pipe), so they can be worded in any language. */
    readonly issues?: FieldIssues,
  ) {
    super(message);
    this.name = 'AppError';
  }

  /**
   * The error body in a language: field problems known by rule are worded in it; otherwise English keeps the
   * specific message, and another language gets the sentence of the error code (and "field was not accepted").
   */
  toApiError(lang: UiLanguage = 'en'): ApiError {
    let message = this.message;
    let fields = this.fields;
    if (this.issues) {
      fields = renderFieldIssues(this.issues, lang);
      message = API_ERROR_TEXT[lang].invalidFields(Object.keys(fields));
    } else if (lang !== 'en') {
      message = API_ERROR_TEXT[lang].codes[this.code];
      if (fields) fields = localizeFreeFieldErrors(fields, lang);
    }
    return {
      code: this.code,
      message,
      ...(fields ? { fields } : {}),
      ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
    };
  }

  static notFound(what = 'Resource'): AppError {
    return new AppError(ErrorCode.NOT_FOUND, `${what} not found.`);
  }

  static forbidden(message = 'You are not allowed to do this.'): AppError {
    return new AppError(ErrorCode.FORBIDDEN, message);
  }

  static unauthenticated(message = 'Sign in to continue.'): AppError {
    return new AppError(ErrorCode.UNAUTHENTICATED, message);
  }

  /** The account's address is not verified: it may read, not post, join, register or propose. */
  static emailNotVerified(): AppError {
    return new AppError(
      ErrorCode.EMAIL_NOT_VERIFIED,
      'Confirm your email address first: follow the link we mailed you, or ask for a new one.',
    );
  }

  static validation(fields: FieldErrors, message = 'Some fields are invalid.'): AppError {
    return new AppError(ErrorCode.VALIDATION_FAILED, message, fields);
  }

  /** One refused field, by rule (its words are in the contracts, in every language). */
  static field(field: string, rule: FieldRule, params: Omit<FieldRuleParams, 'field'> = {}): AppError {
    return AppError.fromIssues({ [field]: [{ rule, params: { field, ...params } }] });
  }

  /** A refused request body, from the validation pipe's issues; worded per request by `toApiError(lang)`. */
  static fromIssues(issues: FieldIssues): AppError {
    const fields = renderFieldIssues(issues, 'en');
    return new AppError(
      ErrorCode.VALIDATION_FAILED,
      API_ERROR_TEXT.en.invalidFields(Object.keys(fields)),
      fields,
      undefined,
      issues,
    );
  }
}

export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  TOKEN_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  REFRESH_TOKEN_INVALID: 401,
  REFRESH_TOKEN_REUSED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EMAIL_NOT_VERIFIED: 403,
  LINK_INVALID: 400,
  ALREADY_MEMBER: 409,
  REQUEST_PENDING: 409,
  INVALID_STATE: 409,
  THREAD_LOCKED: 409,
  SILENCED: 403,
  MUTED: 403,
  ROOM_LOCKED: 409,
  SLOW_MODE: 429,
  WORKSHOP_FULL: 409,
  REMOVED: 403,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  ORIGIN_NOT_ALLOWED: 403,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
};
