import { isApiError, type ErrorCode, type FieldErrors, type UiLanguage } from '@twinning/contracts';
import { isApiRequestError } from './api-client';
import type { Translate } from './i18n';

/**
 * A translated, human sentence for a failed call (the server's English message is not shown): an HTTP
 * failure, or the `error` of a refused socket acknowledgement. When the API says how long to wait
 * (rate limit, mute, slow mode), the sentence says it too.
 */
export function describeError(t: Translate, error: unknown): string {
  let code: ErrorCode;
  let wait: number | null;
  if (isApiRequestError(error)) {
    if (error.isNetworkError) return t('errors.network');
    code = error.code;
    wait = error.retryAfterSeconds;
  } else if (isApiError(error)) {
    code = error.code;
    wait = error.retryAfterSeconds ?? null;
  } else {
    return t('errors.unexpected');
  }
  if (wait !== null && Number.isFinite(wait)) {
    const count = Math.max(1, Math.ceil(wait));
    if (code === 'RATE_LIMITED') return t('errors.rateLimitedRetry', { count });
    if (code === 'MUTED') return t('errors.mutedRetry', { count });
    if (code === 'SLOW_MODE') return t('errors.slowModeRetry', { count });
  }
  return t(`errors.${code}`);
}

/**
 * Field errors of a failed call, keyed by the form field: nested keys such as `languages.0` or
 * `themes[1]` are gathered under their top-level field.
 */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!isApiRequestError(error) || !error.fields) return {};
  const result: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(error.fields)) {
    const field = key.split(/[.[]/)[0] ?? key;
    (result[field] ??= []).push(...messages);
  }
  return result;
}

/** True when the failed call only had field problems that the form already shows next to its fields. */
export function hasFieldErrors(error: unknown): boolean {
  return Object.keys(fieldErrorsOf(error)).length > 0;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A field message said next to its field: the API names the field by its key (`password must be…`,
 * « currentPassword n’est pas… »); beside a labelled control the key is noise, so it goes, and the sentence
 * starts with a capital.
 */
export function withoutFieldKey(message: string, key: string): string {
  const stripped = message
    .replace(new RegExp(`(^|\\s)${escapeRegExp(key)}:?(?=\\s|$)`), '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
  if (!stripped || stripped === message) return message;
  return stripped.charAt(0).toLocaleUpperCase() + stripped.slice(1);
}

/**
 * Field errors for display. The API words its field messages in the language the call asked for
 * (`Accept-Language`: the interface language at that moment); when the interface language has changed since,
 * each refused field gets a translated "not accepted" message instead of words in the other language.
 * Next to their fields the messages leave out the field's key; `keepFieldKeys` keeps it (for a list of
 * errors about fields the form does not show).
 */
export function localizedFieldErrors(
  error: unknown,
  t: Translate,
  language: UiLanguage,
  { keepFieldKeys = false }: { keepFieldKeys?: boolean } = {},
): FieldErrors {
  const wordedIn = isApiRequestError(error) ? (error.language ?? 'en') : 'en';
  if (wordedIn !== language) {
    const message = t('errors.fieldRejected');
    return Object.fromEntries(Object.keys(fieldErrorsOf(error)).map((field) => [field, [message]]));
  }
  if (keepFieldKeys || !isApiRequestError(error) || !error.fields) return fieldErrorsOf(error);
  const result: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(error.fields)) {
    const field = key.split(/[.[]/)[0] ?? key;
    (result[field] ??= []).push(...messages.map((message) => withoutFieldKey(message, key)));
  }
  return result;
}
