import {
  CLIENT_ID_PATTERN,
  QUESTION_STATUSES,
  WORKSHOP_LIMITS,
  type FieldRule,
  type FieldRuleParams,
  type QuestionStatus,
} from '@twinning/contracts';
import { AppError } from '../common/app-error';
import { isUuid } from '../common/id.pipe';
import { idField } from '../common/payload';

/**
 * Strict validation of the payloads clients send on /workshops, in the manner of Zulip's event
 * types: an object with only the known keys, each of the right type and range. A failure throws
 * VALIDATION_FAILED naming the field, which the socket's error filter answers in the ack.
 */

type Fields = Record<string, unknown>;

/** PostgreSQL `integer`: sequence numbers and counters never go past it. */
const INT_MAX = 2_147_483_647;

/** One refused field, by rule: worded in the socket's language like the HTTP API's field errors. */
function invalid(field: string, rule: FieldRule, params: Omit<FieldRuleParams, 'field'> = {}): AppError {
  return AppError.field(field, rule, params);
}

/** The payload as an object holding nothing but `allowed` keys (any of which may be absent). */
function objectWith(body: unknown, allowed: readonly string[]): Fields {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('body', 'isObject');
  }
  const extra = Object.keys(body).filter((key) => !allowed.includes(key));
  if (extra.length > 0) {
    throw AppError.fromIssues(
      Object.fromEntries(extra.map((key) => [key, [{ rule: 'whitelistValidation' as const, params: { field: key } }]])),
    );
  }
  return body as Fields;
}

function uuid(p: Fields, name: string): string {
  const value = p[name];
  if (typeof value !== 'string' || !isUuid(value)) throw invalid(name, 'isUuid');
  return value;
}

function int(p: Fields, name: string, min: number, max: number): number {
  const value = p[name];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(name, 'intRange', { min, max });
  }
  return value;
}

function optionalInt(p: Fields, name: string, min: number, max: number): number | undefined {
  return p[name] === undefined ? undefined : int(p, name, min, max);
}

function bool(p: Fields, name: string): boolean {
  const value = p[name];
  if (typeof value !== 'boolean') throw invalid(name, 'isBoolean');
  return value;
}

/** Characters as people count them (code points), without building an array for short text. */
function length(text: string): number {
  if (text.length <= 1) return text.length;
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * A string of at most `max` characters; with `required`, not blank. NUL is refused: PostgreSQL
 * text cannot hold it. Returns the text as sent (trimmed only when asked).
 */
function text(p: Fields, name: string, opts: { max: number; required: boolean; trim: boolean }): string {
  const value = p[name];
  if (typeof value !== 'string') throw invalid(name, 'isString');
  if (value.includes('\u0000')) throw invalid(name, 'matches');
  if (opts.required && value.trim() === '') throw invalid(name, 'notBlank');
  if (value.length > opts.max && length(value) > opts.max) {
    throw invalid(name, 'maxLength', { max: opts.max });
  }
  return opts.trim ? value.trim() : value;
}

function oneOf<T extends string>(p: Fields, name: string, values: readonly T[]): T {
  const value = p[name];
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    throw invalid(name, 'isIn', { values });
  }
  return value as T;
}

// --- one parser per client event ----------------------------------------------------------------

export interface WorkshopRef {
  workshopId: string;
}

/** `{ workshopId }` and nothing else (leave, typing, hand.raise, hand.callNext). */
export function parseRef(body: unknown): WorkshopRef {
  return { workshopId: idField(body, 'workshopId') };
}

export function parseJoin(body: unknown): WorkshopRef & { afterSeq?: number } {
  const p = objectWith(body, ['workshopId', 'afterSeq']);
  return { workshopId: uuid(p, 'workshopId'), afterSeq: optionalInt(p, 'afterSeq', 0, INT_MAX) };
}

export function parseSend(body: unknown): WorkshopRef & { clientId: string; body: string } {
  const p = objectWith(body, ['workshopId', 'clientId', 'body']);
  const workshopId = uuid(p, 'workshopId');
  const clientId = p.clientId;
  if (typeof clientId !== 'string' || !CLIENT_ID_PATTERN.test(clientId)) {
    throw invalid('clientId', 'matches');
  }
  // The markdown source is kept exactly as written (leading spaces are meaningful in markdown).
  return {
    workshopId,
    clientId,
    body: text(p, 'body', { max: WORKSHOP_LIMITS.messageMax, required: true, trim: false }),
  };
}

export function parseHistoryBefore(body: unknown): WorkshopRef & { beforeSeq: number; limit: number } {
  const p = objectWith(body, ['workshopId', 'beforeSeq', 'limit']);
  return {
    workshopId: uuid(p, 'workshopId'),
    beforeSeq: int(p, 'beforeSeq', 1, INT_MAX),
    limit: optionalInt(p, 'limit', 1, WORKSHOP_LIMITS.historyPageMax) ?? WORKSHOP_LIMITS.historyPageDefault,
  };
}

export function parseReport(body: unknown): WorkshopRef & { messageId: string; reason: string } {
  const p = objectWith(body, ['workshopId', 'messageId', 'reason']);
  return {
    workshopId: uuid(p, 'workshopId'),
    messageId: uuid(p, 'messageId'),
    reason: text(p, 'reason', { max: WORKSHOP_LIMITS.reportReasonMax, required: false, trim: true }),
  };
}

export function parseAsk(body: unknown): WorkshopRef & { body: string } {
  const p = objectWith(body, ['workshopId', 'body']);
  return {
    workshopId: uuid(p, 'workshopId'),
    body: text(p, 'body', { max: WORKSHOP_LIMITS.questionMax, required: true, trim: true }),
  };
}

export function parseVote(body: unknown): WorkshopRef & { questionId: string; vote: boolean } {
  const p = objectWith(body, ['workshopId', 'questionId', 'vote']);
  return { workshopId: uuid(p, 'workshopId'), questionId: uuid(p, 'questionId'), vote: bool(p, 'vote') };
}

export function parseLowerHand(body: unknown): WorkshopRef & { userId?: string } {
  const p = objectWith(body, ['workshopId', 'userId']);
  return { workshopId: uuid(p, 'workshopId'), userId: p.userId === undefined ? undefined : uuid(p, 'userId') };
}

export function parseMessageRef(body: unknown): WorkshopRef & { messageId: string } {
  const p = objectWith(body, ['workshopId', 'messageId']);
  return { workshopId: uuid(p, 'workshopId'), messageId: uuid(p, 'messageId') };
}

export function parsePin(body: unknown): WorkshopRef & { messageId: string; pinned: boolean } {
  const p = objectWith(body, ['workshopId', 'messageId', 'pinned']);
  return { workshopId: uuid(p, 'workshopId'), messageId: uuid(p, 'messageId'), pinned: bool(p, 'pinned') };
}

export function parseMute(body: unknown): WorkshopRef & { userId: string; minutes: number } {
  const p = objectWith(body, ['workshopId', 'userId', 'minutes']);
  return {
    workshopId: uuid(p, 'workshopId'),
    userId: uuid(p, 'userId'),
    minutes: int(p, 'minutes', 0, WORKSHOP_LIMITS.muteMinutesMax),
  };
}

export function parseRemove(body: unknown): WorkshopRef & { userId: string; reason: string } {
  const p = objectWith(body, ['workshopId', 'userId', 'reason']);
  return {
    workshopId: uuid(p, 'workshopId'),
    userId: uuid(p, 'userId'),
    reason:
      p.reason === undefined
        ? ''
        : text(p, 'reason', { max: WORKSHOP_LIMITS.reportReasonMax, required: false, trim: true }),
  };
}

export function parseRoomUpdate(body: unknown): WorkshopRef & { locked?: boolean; slowModeSeconds?: number } {
  const p = objectWith(body, ['workshopId', 'locked', 'slowModeSeconds']);
  const workshopId = uuid(p, 'workshopId');
  if (p.locked === undefined && p.slowModeSeconds === undefined) {
    throw invalid('locked', 'lockedOrSlowMode');
  }
  return {
    workshopId,
    locked: p.locked === undefined ? undefined : bool(p, 'locked'),
    slowModeSeconds: optionalInt(p, 'slowModeSeconds', 0, WORKSHOP_LIMITS.slowModeSecondsMax),
  };
}

export function parseResolveReport(body: unknown): WorkshopRef & { reportId: string } {
  const p = objectWith(body, ['workshopId', 'reportId']);
  return { workshopId: uuid(p, 'workshopId'), reportId: uuid(p, 'reportId') };
}

export function parseQuestionStatus(body: unknown): WorkshopRef & { questionId: string; status: QuestionStatus } {
  const p = objectWith(body, ['workshopId', 'questionId', 'status']);
  return {
    workshopId: uuid(p, 'workshopId'),
    questionId: uuid(p, 'questionId'),
    status: oneOf(p, 'status', QUESTION_STATUSES),
  };
}
