import type { ErrorCode } from './errors';

/**
 * The field rules the API words its field errors by (see `API_ERROR_TEXT` for their words in each language).
 */

/** A field rule: a class-validator constraint name, or a named check a DTO selects with `context.text`. */
export const FIELD_RULES = [
  'isString',
  'isEmail',
  'isLength',
  'minLength',
  'maxLength',
  'isIn',
  'isUuid',
  'isInt',
  'isNumber',
  'min',
  'max',
  'isUrl',
  'isTimeZone',
  'isBoolean',
  'isObject',
  'isArray',
  'arrayMinSize',
  'arrayMaxSize',
  'arrayUnique',
  'isDefined',
  'isNotEmpty',
  'isIso8601',
  'isISO31661Alpha2',
  'matches',
  'nestedValidation',
  'whitelistValidation',
  'partnershipIdForScope',
  'meetingUrl',
  // Named checks (a `matches` or other rule whose meaning the DTO states with `context: { text }`).
  'notBlank',
  'languageTag',
  'dateTimeWithOffset',
  'localDateTime',
  'yearMonth',
  // Checks a service makes against stored data.
  'sameEmail',
  'notCurrentPassword',
  'pinnedOrLocked',
  'quoteNotInThread',
  'invalidCursor',
  'ownCity',
  'unknownCity',
  'alreadyMember',
  'alreadyInvited',
  'notPartnershipMember',
  'listedTwice',
  'invalidUnsubscribeLink',
  'afterStart',
  'beforeEnd',
  'belowRegistered',
  'unknownUser',
  'notFacilitator',
  'notRequestingOfficial',
  'notTrainer',
  'unpublishedCourse',
  'courseForSelfPaced',
  'notNamedOfficial',
  'notFacilitatorRole',
  'correctOptions',
  'unknownLesson',
  'quizAnswers',
  // Checks of the live room's socket payloads.
  'intRange',
  'lockedOrSlowMode',
  // Anything else: the field was refused.
  'invalid',
] as const;
export type FieldRule = (typeof FIELD_RULES)[number];

export function isFieldRule(value: unknown): value is FieldRule {
  return typeof value === 'string' && (FIELD_RULES as readonly string[]).includes(value);
}

/** What a field message is filled with. `each`: the rule applies to every item of a list. */
export interface FieldRuleParams {
  field: string;
  each?: boolean;
  min?: number;
  max?: number;
  /** The accepted values of `isIn`. */
  values?: readonly string[];
  /** A value the sentence quotes (the repeated value, a person's name). */
  value?: string;
}

export type FieldErrorTexts = { readonly [K in FieldRule]: (p: FieldRuleParams) => string };

export interface ApiErrorTexts {
  readonly codes: { readonly [K in ErrorCode]: string };
  /** The summary of a refused request body: names the refused fields. */
  readonly invalidFields: (fields: readonly string[]) => string;
  readonly fields: FieldErrorTexts;
}
