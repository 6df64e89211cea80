import { THEMES, type Theme } from '@twinning/contracts';
import { useId } from 'react';
import { useT } from '../lib/i18n';

export interface ThemeCheckboxesProps {
  legend: string;
  hint?: string;
  value: readonly Theme[];
  onChange: (themes: Theme[]) => void;
  errors?: readonly string[];
}

/** A group of checkboxes, one per theme, in the order of the shared list. */
export function ThemeCheckboxes({ legend, hint, value, onChange, errors }: ThemeCheckboxesProps) {
  const t = useT();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = !!errors && errors.length > 0;

  function toggle(theme: Theme, checked: boolean) {
    onChange(THEMES.filter((item) => (item === theme ? checked : value.includes(item))));
  }

  return (
    <fieldset
      className="fieldset"
      aria-describedby={[hint ? hintId : '', invalid ? errorId : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <div className="checkbox-grid">
        {THEMES.map((theme) => (
          <div key={theme} className="checkbox">
            <input
              id={`${id}-${theme}`}
              type="checkbox"
              name="themes"
              value={theme}
              checked={value.includes(theme)}
              aria-invalid={invalid || undefined}
              onChange={(event) => toggle(theme, event.target.checked)}
            />
            <label htmlFor={`${id}-${theme}`}>{t(`themes.${theme}`)}</label>
          </div>
        ))}
      </div>
      {invalid ? (
        <p id={errorId} className="field__error">
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
