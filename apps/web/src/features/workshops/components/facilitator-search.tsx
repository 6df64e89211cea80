import type { UserSummary } from '@twinning/contracts';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type KeyboardEvent } from 'react';
import { FormError } from '../../../components/form-error';
import { useI18n } from '../../../lib/i18n';
import { facilitatorSearchQueryOptions } from '../api/search-facilitators';
import { useDebouncedValue } from '../../../lib/use-debounced-value';

const SEARCH_DELAY_MS = 250;

export interface FacilitatorSearchProps {
  /** People who may not be added again (those already facilitating, the viewer). */
  excludeIds: readonly string[];
  onPick: (person: UserSummary) => void;
  /** While an addition is being saved. */
  pending?: boolean;
}

/**
 * Finds people with the facilitator (or admin) role by name, as one types; each match has an "Add" button.
 * Enter searches at once and never sends the surrounding form.
 */
export function FacilitatorSearch({ excludeIds, onPick, pending = false }: FacilitatorSearchProps) {
  const { t } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const debounced = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
  const [searchedNow, setSearchedNow] = useState<string | null>(null);
  const q = searchedNow !== null && searchedNow === query.trim() ? searchedNow : debounced;
  const search = useQuery({ ...facilitatorSearchQueryOptions(q), enabled: q.length > 0 });
  const found = q ? (search.data ?? []).filter((person) => !excludeIds.includes(person.id)) : [];

  let status = '';
  if (q && search.isFetching) status = t('workshops.facilitatorSearch.searching');
  else if (q && search.isSuccess) {
    status =
      found.length === 0
        ? t('workshops.facilitatorSearch.noMatch', { q })
        : t('workshops.facilitatorSearch.found', { count: found.length });
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      setSearchedNow(query.trim());
    }
  }

  return (
    <div className="facilitator-search">
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('workshops.facilitatorSearch.label')}</label>
        <input
          id={`${id}-q`}
          type="search"
          name="facilitator-search"
          autoComplete="off"
          maxLength={100}
          value={query}
          aria-describedby={`${id}-hint ${id}-status`}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={handleKeyDown}
        />
        <p id={`${id}-hint`} className="field__hint">
          {t('workshops.facilitatorSearch.hint')}
        </p>
        <p id={`${id}-status`} role="status" className="field__hint">
          {status}
        </p>
      </div>
      {search.isError ? <FormError error={search.error} /> : null}
      {found.length > 0 ? (
        <ul className="facilitator-results" aria-label={t('workshops.facilitatorSearch.results')}>
          {found.map((person) => (
            <li key={person.id} className="facilitator-results__item">
              <span dir="auto">{person.displayName}</span>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={pending}
                aria-label={t('workshops.facilitators.addNamed', { name: person.displayName })}
                onClick={() => onPick(person)}
              >
                {t('workshops.facilitators.add')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
