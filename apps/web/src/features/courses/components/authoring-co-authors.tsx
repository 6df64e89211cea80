import type { UserSummary } from '@twinning/contracts';
import { useId, useState, type KeyboardEvent } from 'react';
import { FormError } from '../../../components/form-error';
import { useT } from '../../../lib/i18n';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useFacilitatorMatches } from '../api/authoring-search-facilitators';

export interface AuthoringCoAuthorsProps {
  value: UserSummary[];
  viewerId: string;
  errors?: readonly string[];
  onChange: (people: UserSummary[]) => void;
}

/**
 * Co-authors of a new course (the API takes them at creation): facilitators found by name, each added
 * with a button and removed again before the course is created.
 */
export function AuthoringCoAuthors({ value, viewerId, errors, onChange }: AuthoringCoAuthorsProps) {
  const t = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query.trim(), 250);
  const search = useFacilitatorMatches(q);
  const taken = new Set([viewerId, ...value.map((p) => p.id)]);
  const found = q ? (search.data ?? []).filter((p) => !taken.has(p.id)) : [];
  const invalid = !!errors && errors.length > 0;

  let status = '';
  if (q && search.isFetching) status = t('courseAuthoring.coAuthorSearching');
  else if (q && search.isSuccess) {
    status =
      found.length === 0
        ? t('courseAuthoring.coAuthorNoMatch', { q })
        : t('courseAuthoring.coAuthorFound', { count: found.length });
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter searches; it never creates the course.
    if (event.key === 'Enter') event.preventDefault();
  }

  return (
    <fieldset className="fieldset authoring-co-authors">
      <legend>{t('courseAuthoring.coAuthors')}</legend>
      {value.length === 0 ? (
        <p className="muted">{t('courseAuthoring.coAuthorsNone')}</p>
      ) : (
        <ul className="plain-list" aria-label={t('courseAuthoring.coAuthorsChosen')}>
          {value.map((person) => (
            <li key={person.id} className="plain-list__item authoring-person">
              <span dir="auto">{person.displayName}</span>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t('courseAuthoring.removeNamed', { name: person.displayName })}
                onClick={() => onChange(value.filter((p) => p.id !== person.id))}
              >
                {t('courseAuthoring.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('courseAuthoring.coAuthorSearch')}</label>
        <input
          id={`${id}-q`}
          type="search"
          autoComplete="off"
          maxLength={100}
          value={query}
          aria-describedby={[`${id}-hint`, `${id}-status`, invalid ? `${id}-error` : null].filter(Boolean).join(' ')}
          aria-invalid={invalid || undefined}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={handleKeyDown}
        />
        <p id={`${id}-hint`} className="field__hint">
          {t('courseAuthoring.coAuthorHint')}
        </p>
        <p id={`${id}-status`} role="status" className="field__hint">
          {status}
        </p>
        {invalid ? (
          <p id={`${id}-error`} className="field__error">
            {errors.join(' ')}
          </p>
        ) : null}
      </div>
      {search.isError ? <FormError error={search.error} /> : null}
      {found.length > 0 ? (
        <ul className="plain-list" aria-label={t('courseAuthoring.coAuthorResults')}>
          {found.map((person) => (
            <li key={person.id} className="plain-list__item authoring-person">
              <span dir="auto">{person.displayName}</span>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t('courseAuthoring.addNamed', { name: person.displayName })}
                onClick={() => {
                  onChange([...value, person]);
                  setQuery('');
                }}
              >
                {t('courseAuthoring.add')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
