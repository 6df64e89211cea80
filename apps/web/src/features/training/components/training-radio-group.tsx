import { useId } from 'react';

export interface TrainingRadioGroupProps<V extends string> {
  legend: string;
  name: string;
  options: readonly { value: V; label: string }[];
  value: V | null;
  onChange: (value: V) => void;
  errors?: readonly string[];
}

/** A fieldset of radio buttons in a row (scores, yes/no, present/absent); arrow keys move between them. */
export function TrainingRadioGroup<V extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  errors,
}: TrainingRadioGroupProps<V>) {
  const id = useId();
  const invalid = !!errors && errors.length > 0;
  return (
    <fieldset
      className="fieldset training-radios"
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      <div className="training-radios__options">
        {options.map((option) => (
          <div key={option.value} className="training-radios__option">
            <input
              type="radio"
              id={`${id}-${option.value}`}
              name={`${id}-${name}`}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
      {invalid ? (
        <p id={`${id}-error`} className="field__error">
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
