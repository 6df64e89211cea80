import type { FieldErrors, UiLanguage } from '@twinning/contracts';
import { isApiRequestError } from './api-client';
import type { Translate } from './i18n';

/** A translated, human sentence for a failed call (the server's English message is not shown). */
export function describeError(t: Translate, error: unknown): string {
  if (!isApiRequestError(error)) return t('errors.unexpected');
  if (error.isNetworkError) return t('errors.network');
  if (error.code === 'RATE_LIMITED' && error.retryAfterSeconds !== null) {
    return t('errors.rateLimitedRetry', { count: Math.max(1, error.retryAfterSeconds) });
  }
  return t(`errors.${error.code}`);
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

/**
 * Field errors for display. The API words its field messages in English; in the other languages each
 * refused field gets a translated message instead (the code-specific one where there is one).
 */
export function localizedFieldErrors(error: unknown, t: Translate, language: UiLanguage): FieldErrors {
  const fields = fieldErrorsOf(error);
  if (language === 'en') return fields;
  const code = isApiRequestError(error) ? error.code : null;
  const message = code === 'EMAIL_TAKEN' ? t('errors.EMAIL_TAKEN') : t('errors.fieldRejected');
  return Object.fromEntries(Object.keys(fields).map((field) => [field, [message]]));
}
