import { WORK_LANGUAGES, WORK_LANGUAGES_MAX, type WorkLanguage } from '@twinning/contracts';
import { useMemo } from 'react';
import { CheckboxGroup } from '../../../components/checkbox-group';
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
  const full = value.length >= WORK_LANGUAGES_MAX;
  const sorted = useMemo(() => {
    const collator = new Intl.Collator(language);
    return WORK_LANGUAGES.map((code) => ({ value: code, label: format.languageName(code) })).sort((a, b) =>
      collator.compare(a.label, b.label),
    );
  }, [format, language]);

  function toggle(code: WorkLanguage, checked: boolean) {
    onChange(checked ? [...value.filter((c) => c !== code), code] : value.filter((c) => c !== code));
  }

  return (
    <CheckboxGroup
      legend={t('profile.languages')}
      hint={t('profile.languagesHint')}
      name="languages"
      options={sorted.map((option) => ({ ...option, disabled: !value.includes(option.value) && full }))}
      value={value}
      onToggle={toggle}
      errors={errors}
      invalidOn="group"
    />
  );
}
