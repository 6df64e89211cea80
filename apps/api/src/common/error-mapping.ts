import { HttpException, NotFoundException, type Logger } from '@nestjs/common';
import { ErrorCode, negotiateUiLanguage, type ApiError, type UiLanguage } from '@twinning/contracts';
import { QueryFailedError } from 'typeorm';
import { AppError, HTTP_STATUS_BY_CODE } from './app-error';

export interface ErrorResponse {
  status: number;
  body: ApiError;
  retryAfter?: number;
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.VALIDATION_FAILED,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  429: ErrorCode.RATE_LIMITED,
  503: ErrorCode.SERVICE_UNAVAILABLE,
};

/** Errors that mean "the database is not reachable right now" rather than a bug. */
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-3]|53300)/; // connection exceptions, admin shutdown, too many connections

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && (UNAVAILABLE_ERRNO.has(e.code) || UNAVAILABLE_SQLSTATE.test(e.code))) return true;
    if (
      typeof e.message === 'string' &&
      /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established/i.test(
        e.message,
      )
    ) {
      return true;
    }
    current = e.driverError ?? e.cause;
  }
  return false;
}

/** What the error mapping reads of a request: its route, and the language it asks for. */
export interface ErrorRequest {
  method: string;
  url: string;
  headers?: Record<string, string | string[] | undefined>;
}

/** The language of an error body: the request's `Accept-Language` (q-values honoured), English by default. */
export function errorLanguageOf(request: Pick<ErrorRequest, 'headers'> | null | undefined): UiLanguage {
  return negotiateUiLanguage(request?.headers?.['accept-language']);
}

/**
 * The one mapping from any thrown value to an HTTP status and the error body `{ code, message, fields? }`,
 * worded in `lang` (by default the request's `Accept-Language`). Codes and field names never change.
 */
export function describeError(
  exception: unknown,
  request: ErrorRequest | null,
  logger: Logger,
  lang: UiLanguage = errorLanguageOf(request),
): ErrorResponse {
  if (exception instanceof AppError) {
    return {
      status: HTTP_STATUS_BY_CODE[exception.code] ?? 500,
      body: exception.toApiError(lang),
      retryAfter: exception.retryAfterSeconds,
    };
  }
  const response = describeOtherError(exception, request, logger);
  return lang === 'en' ? response : { ...response, body: localizeBody(response.body, lang) };
}

function localizeBody(body: ApiError, lang: UiLanguage): ApiError {
  return new AppError(body.code, body.message, body.fields, body.retryAfterSeconds).toApiError(lang);
}

function describeOtherError(exception: unknown, request: ErrorRequest | null, logger: Logger): ErrorResponse {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (exception instanceof NotFoundException) {
      return {
        status,
        body: {
          code: ErrorCode.NOT_FOUND,
          message: request ? `No route for ${request.method} ${request.url.split('?')[0]}.` : 'Not found.',
        },
      };
    }
    const response = exception.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : typeof (response as { message?: unknown }).message === 'string'
          ? (response as { message: string }).message
          : exception.message;
    return {
      status,
      body: {
        code: CODE_BY_STATUS[status] ?? ErrorCode.INTERNAL,
        message,
        ...(status === 400 ? { fields: { body: [message] } } : {}),
      },
    };
  }
  if (isDatabaseUnavailable(exception)) {
    logger.warn(`Database unavailable: ${(exception as Error).message}`);
    return {
      status: 503,
      body: { code: ErrorCode.SERVICE_UNAVAILABLE, message: 'The database is unavailable; try again shortly.' },
      retryAfter: 5,
    };
  }
  const wsError = exception as { name?: string; getError?: () => unknown };
  if (wsError?.name === 'WsException' && typeof wsError.getError === 'function') {
    const inner = wsError.getError();
    return {
      status: 400,
      body: { code: ErrorCode.VALIDATION_FAILED, message: typeof inner === 'string' ? inner : 'Bad event.' },
    };
  }
  const fastifyError = exception as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const status = fastifyError.statusCode;
    const message =
      status === 400 && fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
        ? 'The request body is not valid JSON.'
        : typeof fastifyError.message === 'string'
          ? fastifyError.message
          : 'Bad request.';
    return {
      status,
      body: {
        code: CODE_BY_STATUS[status] ?? ErrorCode.VALIDATION_FAILED,
        message,
        ...(status === 400 ? { fields: { body: [message] } } : {}),
      },
    };
  }
  if (exception instanceof QueryFailedError) {
    const code = (exception.driverError as { code?: string } | undefined)?.code;
    if (code === '22P02' || code === '22003' || code === '22001') {
      return { status: 400, body: { code: ErrorCode.VALIDATION_FAILED, message: 'A value is malformed or too long.' } };
    }
  }
  return { status: 500, body: { code: ErrorCode.INTERNAL, message: 'Something went wrong on our side.' } };
}
