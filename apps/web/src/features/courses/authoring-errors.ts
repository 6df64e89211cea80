import type { UiLanguage } from '@twinning/contracts';
import { createContext, useContext } from 'react';
import { isApiRequestError } from '../../lib/api-client';
import { withoutFieldKey } from '../../lib/api-errors';
import type { Translate } from '../../lib/i18n';

/** Field errors keyed by the API's full path (`modules.0.lessons.1.title`), each shown next to its control. */
export type PathErrors = Readonly<Record<string, readonly string[]>>;

/**
 * The API's field errors by full path. Worded in the language the call asked for; when the interface
 * language changed since, each refused field gets the translated "not accepted" message instead.
 */
export function pathErrorsOf(
  error: unknown,
  t: Translate,
  language: UiLanguage,
  { keepFieldKeys = false }: { keepFieldKeys?: boolean } = {},
): PathErrors {
  if (!isApiRequestError(error) || !error.fields) return {};
  const sameLanguage = (error.language ?? 'en') === language;
  return Object.fromEntries(
    Object.entries(error.fields).map(([path, messages]) => [
      path,
      !sameLanguage
        ? [t('errors.fieldRejected')]
        : keepFieldKeys
          ? messages
          : messages.map((message) => withoutFieldKey(message, path)),
    ]),
  );
}

const SHOWN_PATH =
  /^(title|language|themes|description|estimatedHours|coAuthorIds|modules(\.\d+(\.(title|lessons|quizzes)(\.\d+(\.(title|body|key|passMark|maxAttempts|questions)(\.\d+(\.(kind|prompt|options)(\.\d+\.(text|correct))?)?)?)?)?)?)?)$/;

/** Whether the editor shows an error at this path next to a control (the others are listed at the top). */
export const isShownPath = (path: string): boolean => SHOWN_PATH.test(path);

export const PathErrorsContext = createContext<PathErrors>({});

/** A lookup of the errors at a path, if any. */
export function usePathErrors(): (path: string) => readonly string[] | undefined {
  const errors = useContext(PathErrorsContext);
  return (path) => errors[path];
}
