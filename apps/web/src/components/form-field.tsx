import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

interface FieldOwnProps {
  label: ReactNode;
  /** Help shown under the control and announced with it. */
  hint?: ReactNode;
  /** Problems with the value, shown under the control and announced with it. */
  errors?: readonly string[];
}

interface FieldIds {
  id: string;
  hintId: string | undefined;
  errorId: string | undefined;
  describedBy: string | undefined;
  invalid: boolean;
}

function useFieldIds(idProp: string | undefined, hint: ReactNode, errors: readonly string[] | undefined): FieldIds {
  const generated = useId();
  const id = idProp ?? generated;
  const hintId = hint ? `${id}-hint` : undefined;
  const invalid = !!errors && errors.length > 0;
  const errorId = invalid ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy, invalid };
}

function FieldMessages({
  hint,
  hintId,
  errors,
  errorId,
}: {
  hint: ReactNode;
  hintId: string | undefined;
  errors: readonly string[] | undefined;
  errorId: string | undefined;
}) {
  return (
    <>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {errors && errors.length > 0 ? (
        <p id={errorId} className="field__error">
          {errors.join(' ')}
        </p>
      ) : null}
    </>
  );
}

export type TextFieldProps = FieldOwnProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'aria-describedby' | 'aria-invalid'> & {
    name: string;
  };

export function TextField({ label, hint, errors, id: idProp, className, ...input }: TextFieldProps) {
  const ids = useFieldIds(idProp, hint, errors);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={ids.id}>{label}</label>
      <input {...input} id={ids.id} aria-describedby={ids.describedBy} aria-invalid={ids.invalid || undefined} />
      <FieldMessages hint={hint} hintId={ids.hintId} errors={errors} errorId={ids.errorId} />
    </div>
  );
}

export type SelectFieldProps = FieldOwnProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'aria-describedby' | 'aria-invalid'> & {
    name: string;
    children: ReactNode;
  };

export function SelectField({ label, hint, errors, id: idProp, className, children, ...select }: SelectFieldProps) {
  const ids = useFieldIds(idProp, hint, errors);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={ids.id}>{label}</label>
      <select {...select} id={ids.id} aria-describedby={ids.describedBy} aria-invalid={ids.invalid || undefined}>
        {children}
      </select>
      <FieldMessages hint={hint} hintId={ids.hintId} errors={errors} errorId={ids.errorId} />
    </div>
  );
}

export type TextAreaFieldProps = FieldOwnProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'aria-describedby' | 'aria-invalid'> & {
    name: string;
  };

export function TextAreaField({ label, hint, errors, id: idProp, className, ...textarea }: TextAreaFieldProps) {
  const ids = useFieldIds(idProp, hint, errors);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={ids.id}>{label}</label>
      <textarea {...textarea} id={ids.id} aria-describedby={ids.describedBy} aria-invalid={ids.invalid || undefined} />
      <FieldMessages hint={hint} hintId={ids.hintId} errors={errors} errorId={ids.errorId} />
    </div>
  );
}
