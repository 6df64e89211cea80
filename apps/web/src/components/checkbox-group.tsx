import { useId } from 'react';

export interface CheckboxOption<V extends string> {
  value: V;
  label: string;
  disabled?: boolean;
}

export interface CheckboxGroupProps<V extends string> {
  legend: string;
  hint?: string;
  /** The checkboxes' name (the form field). */
  name: string;
  /** In the order shown. */
  options: readonly CheckboxOption<V>[];
  /** The values checked. */
  value: readonly V[];
  onToggle: (value: V, checked: boolean) => void;
  errors?: readonly string[];
  /** Where `aria-invalid` goes when there are errors: on each checkbox (the default) or on the group. */
  invalidOn?: 'checkboxes' | 'group';
}

/** A fieldset of checkboxes in a grid: its legend, an optional hint, and the errors below. */
export function CheckboxGroup<V extends string>({
  legend,
  hint,
  name,
  options,
  value,
  onToggle,
  errors,
  invalidOn = 'checkboxes',
}: CheckboxGroupProps<V>) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = !!errors && errors.length > 0;

  return (
    <fieldset
      className="fieldset"
      aria-describedby={[hint ? hintId : '', invalid ? errorId : ''].filter(Boolean).join(' ') || undefined}
      aria-invalid={(invalid && invalidOn === 'group') || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <div className="checkbox-grid">
        {options.map((option) => (
          <div key={option.value} className="checkbox">
            <input
              id={`${id}-${option.value}`}
              type="checkbox"
              name={name}
              value={option.value}
              checked={value.includes(option.value)}
              disabled={option.disabled}
              aria-invalid={(invalid && invalidOn === 'checkboxes') || undefined}
              onChange={(event) => onToggle(option.value, event.target.checked)}
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
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
