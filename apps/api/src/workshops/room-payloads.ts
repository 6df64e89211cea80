import { CLIENT_ID_PATTERN, QUESTION_STATUSES, WORKSHOP_LIMITS, type QuestionStatus } from '@twinning/contracts';
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

function invalid(field: string, problem: string): AppError {
  return AppError.validation({ [field]: [problem] }, `Invalid field: ${field}.`);
}

/** The payload as an object holding nothing but `allowed` keys (any of which may be absent). */
function objectWith(body: unknown, allowed: readonly string[]): Fields {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw AppError.validation({ body: ['must be an object'] }, 'The payload must be an object.');
  }
  const extra = Object.keys(body).filter((key) => !allowed.includes(key));
  if (extra.length > 0) {
    throw AppError.validation(
      Object.fromEntries(extra.map((key) => [key, ['is not allowed']])),
      `Unknown field: ${extra.join(', ')}.`,
    );
  }
  return body as Fields;
}

function uuid(p: Fields, name: string): string {
  const value = p[name];
  if (typeof value !== 'string' || !isUuid(value)) throw invalid(name, `${name} must be a UUID`);
  return value;
}

function int(p: Fields, name: string, min: number, max: number): number {
  const value = p[name];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(name, `${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function optionalInt(p: Fields, name: string, min: number, max: number): number | undefined {
  return p[name] === undefined ? undefined : int(p, name, min, max);
}

function bool(p: Fields, name: string): boolean {
  const value = p[name];
  if (typeof value !== 'boolean') throw invalid(name, `${name} must be true or false`);
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
  if (typeof value !== 'string') throw invalid(name, `${name} must be text`);
  if (value.includes('\u0000')) throw invalid(name, `${name} must not contain NUL characters`);
  if (opts.required && value.trim() === '') throw invalid(name, `${name} must not be empty`);
  if (value.length > opts.max && length(value) > opts.max) {
    throw invalid(name, `${name} must be at most ${opts.max} characters`);
  }
  return opts.trim ? value.trim() : value;
}

function oneOf<T extends string>(p: Fields, name: string, values: readonly T[]): T {
  const value = p[name];
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    throw invalid(name, `${name} must be one of ${values.join(', ')}`);
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
    throw invalid('clientId', `clientId must be 1–${WORKSHOP_LIMITS.clientIdMax} of A–Z, a–z, 0–9, _ and -`);
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
    throw AppError.validation(
      { locked: ['give locked, slowModeSeconds or both'] },
      'Nothing to change: give locked or slowModeSeconds.',
    );
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
