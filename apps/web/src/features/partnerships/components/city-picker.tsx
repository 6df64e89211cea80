import type { CitySummaryDto } from '@twinning/contracts';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { FormError } from '../../../components/form-error';
import { useI18n } from '../../../lib/i18n';
import { useCitySearch } from '../api/search-cities';

const SEARCH_DELAY_MS = 250;

export interface CityPickerProps {
  legend: string;
  hint?: string;
  /** Radio group name. */
  name: string;
  value: CitySummaryDto | null;
  onChange: (city: CitySummaryDto) => void;
  /** Cities that may not be chosen (the viewer's own, those already in the partnership). */
  excludeIds?: readonly string[];
  errors?: readonly string[];
}

/**
 * Chooses a city from the public directory: a search box narrows the list as one types, and each match
 * is a radio button. The chosen city stays in the list while searching for another.
 */
export function CityPicker({ legend, hint, name, value, onChange, excludeIds = [], errors }: CityPickerProps) {
  const { t, format } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState('');
  const search = useCitySearch(searched);
  const invalid = !!errors && errors.length > 0;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const statusId = `${id}-status`;

  useEffect(() => {
    const timer = setTimeout(() => setSearched(query.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const found = (search.data?.items ?? []).filter((city) => !excludeIds.includes(city.id));
  const options = value && !found.some((city) => city.id === value.id) ? [value, ...found] : found;

  let status = '';
  if (search.isPending) status = t('cityPicker.searching');
  else if (search.isSuccess) {
    status = found.length === 0 ? t('cityPicker.noMatch') : t('cityPicker.found', { count: found.length });
  }

  function preventSubmit(event: KeyboardEvent<HTMLInputElement>) {
    // The list follows the typing; Enter must not send the whole form half filled.
    if (event.key === 'Enter') {
      event.preventDefault();
      setSearched(query.trim());
    }
  }

  return (
    <fieldset
      className="fieldset city-picker"
      aria-describedby={[hint ? hintId : '', invalid ? errorId : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <div className="field city-picker__search">
        <label htmlFor={`${id}-q`}>{t('cityPicker.search')}</label>
        <input
          id={`${id}-q`}
          type="search"
          name={`${name}-search`}
          autoComplete="off"
          maxLength={100}
          value={query}
          aria-describedby={statusId}
          aria-invalid={invalid || undefined}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={preventSubmit}
        />
        <p id={statusId} role="status" className="field__hint">
          {status}
        </p>
      </div>
      {search.isError ? <FormError error={search.error} /> : null}
      {options.length > 0 ? (
        <div className="city-picker__options">
          {options.map((city) => (
            <div key={city.id} className="checkbox">
              <input
                id={`${id}-${city.id}`}
                type="radio"
                name={name}
                value={city.id}
                checked={value?.id === city.id}
                onChange={() => onChange(city)}
              />
              <label htmlFor={`${id}-${city.id}`}>
                {city.name}{' '}
                <span className="muted">
                  · {format.country(city.countryCode)} · {t(`regions.${city.region}`)}
                </span>
              </label>
            </div>
          ))}
        </div>
      ) : null}
      {invalid ? (
        <p id={errorId} className="field__error">
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
