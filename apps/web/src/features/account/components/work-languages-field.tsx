import { WORK_LANGUAGES, WORK_LANGUAGES_MAX, type WorkLanguage } from '@twinning/contracts';
import { useId, useMemo } from 'react';
import { useI18n } from '../../../lib/i18n';

export interface WorkLanguagesFieldProps {
  value: readonly WorkLanguage[];
  onChange: (languages: WorkLanguage[]) => void;
  errors?: readonly string[];
}

/**
 * "Languages I work in": a group of checkboxes, one per language of the shared list, named in the
 * viewer's language and sorted by that name. At most WORK_LANGUAGES_MAX.
 */
export function WorkLanguagesField({ value, onChange, errors }: WorkLanguagesFieldProps) {
  const { t, format, language } = useI18n();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = !!errors && errors.length > 0;
  const full = value.length >= WORK_LANGUAGES_MAX;
  const options = useMemo(() => {
    const collator = new Intl.Collator(language);
    return WORK_LANGUAGES.map((code) => ({ code, name: format.languageName(code) })).sort((a, b) =>
      collator.compare(a.name, b.name),
    );
  }, [format, language]);

  function toggle(code: WorkLanguage, checked: boolean) {
    onChange(checked ? [...value.filter((c) => c !== code), code] : value.filter((c) => c !== code));
  }

  return (
    <fieldset
      className="fieldset"
      aria-describedby={[hintId, invalid ? errorId : ''].filter(Boolean).join(' ')}
      aria-invalid={invalid || undefined}
    >
      <legend>{t('profile.languages')}</legend>
      <p id={hintId} className="field__hint">
        {t('profile.languagesHint')}
      </p>
      <div className="checkbox-grid">
        {options.map(({ code, name }) => {
          const checked = value.includes(code);
          return (
            <div key={code} className="checkbox">
              <input
                id={`${id}-${code}`}
                type="checkbox"
                name="languages"
                value={code}
                checked={checked}
                disabled={!checked && full}
                onChange={(event) => toggle(code, event.target.checked)}
              />
              <label htmlFor={`${id}-${code}`}>{name}</label>
            </div>
          );
        })}
      </div>
      {invalid ? (
        <p id={errorId} className="field__error">
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
