import { describeError, localizedFieldErrors } from '../lib/api-errors';
import { useI18n, useT } from '../lib/i18n';

export interface FormErrorProps {
  error: unknown;
  /**
   * Fields the form shows next to their controls. Field errors about any other field (one the form sends
   * without showing it, such as the browser's time zone) are listed here so that none goes unseen.
   * Without this list, every field error is listed.
   */
  shownFields?: readonly string[];
}

/** The form-level message of a failed call, in an alert region so screen readers announce it. */
export function FormError({ error, shownFields = [] }: FormErrorProps) {
  const t = useT();
  const { language } = useI18n();
  if (!error) return null;
  const others = Object.entries(localizedFieldErrors(error, t, language, { keepFieldKeys: true })).filter(
    ([field]) => !shownFields.includes(field),
  );
  return (
    <div role="alert" className="alert alert--error">
      <p className="alert__text">{describeError(t, error)}</p>
      {others.length > 0 ? (
        <ul className="alert__list">
          {others.map(([field, messages]) => (
            <li key={field}>{messages.join(' ')}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
