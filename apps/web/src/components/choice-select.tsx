import {
  IMMIGRATION_PROFILES,
  REGIONS,
  THEMES,
  type ImmigrationProfile,
  type Region,
  type Theme,
} from '@twinning/contracts';
import { useT } from '../lib/i18n';
import { SelectField } from './form-field';

interface ChoiceSelectProps<T extends string> {
  name: string;
  label: string;
  /** The first option, meaning "no filter" (empty value). */
  anyLabel: string;
  value: T | '';
  onChange: (value: T | '') => void;
}

/** A filter select over one of the fixed lists (themes, regions, immigration profiles), labelled in the UI language. */
function makeChoiceSelect<T extends string>(values: readonly T[], label: (t: ReturnType<typeof useT>, v: T) => string) {
  return function ChoiceSelect({ name, label: fieldLabel, anyLabel, value, onChange }: ChoiceSelectProps<T>) {
    const t = useT();
    return (
      <SelectField name={name} label={fieldLabel} value={value} onChange={(e) => onChange(e.target.value as T | '')}>
        <option value="">{anyLabel}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {label(t, v)}
          </option>
        ))}
      </SelectField>
    );
  };
}

export const ThemeSelect = makeChoiceSelect<Theme>(THEMES, (t, v) => t(`themes.${v}`));
export const RegionSelect = makeChoiceSelect<Region>(REGIONS, (t, v) => t(`regions.${v}`));
export const ProfileSelect = makeChoiceSelect<ImmigrationProfile>(IMMIGRATION_PROFILES, (t, v) => t(`profiles.${v}`));
