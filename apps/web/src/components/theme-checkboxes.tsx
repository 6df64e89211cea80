import { THEMES, type Theme } from '@twinning/contracts';
import { useT } from '../lib/i18n';
import { CheckboxGroup } from './checkbox-group';

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

  function toggle(theme: Theme, checked: boolean) {
    onChange(THEMES.filter((item) => (item === theme ? checked : value.includes(item))));
  }

  return (
    <CheckboxGroup
      legend={legend}
      hint={hint}
      name="themes"
      options={THEMES.map((theme) => ({ value: theme, label: t(`themes.${theme}`) }))}
      value={value}
      onToggle={toggle}
      errors={errors}
    />
  );
}
