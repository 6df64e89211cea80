import {
  IMMIGRATION_PROFILES,
  REGIONS,
  THEMES,
  type CityDto,
  type CreateCityRequest,
  type FieldErrors,
  type ImmigrationProfile,
  type Region,
  type Theme,
} from '@twinning/contracts';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { SelectField, TextAreaField, TextField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { listTimeZones } from '../../../lib/time-zones';

interface CityFormState {
  name: string;
  countryCode: string;
  region: Region | '';
  immigrationProfile: ImmigrationProfile | '';
  population: string;
  languages: string;
  timeZone: string;
  themes: Theme[];
  description: string;
}

function initialState(city?: CityDto): CityFormState {
  return {
    name: city?.name ?? '',
    countryCode: city?.countryCode ?? '',
    region: city?.region ?? '',
    immigrationProfile: city?.immigrationProfile ?? '',
    population: city ? String(city.population) : '',
    languages: city?.languages.join(', ') ?? '',
    timeZone: city?.timeZone ?? '',
    themes: city ? [...city.themes] : [],
    description: city?.description ?? '',
  };
}

/** BCP 47 language tags as the API accepts them: en, fr, zh-Hant, pt-BR. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const POPULATION_MAX = 100_000_000;
const CITY_FIELDS: readonly (keyof CreateCityRequest)[] = [
  'name',
  'countryCode',
  'region',
  'immigrationProfile',
  'population',
  'languages',
  'timeZone',
  'themes',
  'description',
];

/** "en, FR ;zh-Hant" → ["en", "fr", "zh-Hant"] (primary subtag in lower case, duplicates removed). */
export function parseLanguageCodes(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/[\s,;]+/)
        .map((tag) => tag.trim())
        .filter(Boolean)
        .map((tag) => {
          const [primary = '', ...rest] = tag.split('-');
          return [primary.toLowerCase(), ...rest].join('-');
        }),
    ),
  ];
}

export interface CityFormProps {
  /** The city being edited; empty form when absent. */
  city?: CityDto;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** The failed save, whose field errors are shown next to the fields. */
  error: unknown;
  /** Saves; the promise rejects when the save failed. */
  onSubmit: (values: CreateCityRequest) => Promise<unknown>;
}

/** Every field of a city, for creating (admins) or editing (admins and coordinators). */
export function CityForm({ city, submitLabel, pendingLabel, pending, error, onSubmit }: CityFormProps) {
  const { t, format, language } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const themesHintId = useId();
  const themesErrorId = useId();
  const [state, setState] = useState<CityFormState>(() => initialState(city));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const timeZones = useMemo(() => listTimeZones(city?.timeZone), [city?.timeZone]);

  const serverErrors = localizedFieldErrors(error, t, language);
  const errorsFor = (field: keyof CreateCityRequest) => clientErrors[field] ?? serverErrors[field];
  const hasClientErrors = Object.keys(clientErrors).length > 0;
  const themeErrors = errorsFor('themes');

  const set = <K extends keyof CityFormState>(key: K, value: CityFormState[K]) =>
    setState((current) => ({ ...current, [key]: value }));

  const countryCode = state.countryCode.trim().toUpperCase();
  const countryPreview =
    /^[A-Z]{2}$/.test(countryCode) && format.country(countryCode) !== countryCode ? format.country(countryCode) : null;

  function toggleTheme(theme: Theme, checked: boolean) {
    setState((current) => ({
      ...current,
      themes: checked
        ? THEMES.filter((value) => value === theme || current.themes.includes(value))
        : current.themes.filter((value) => value !== theme),
    }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: Record<string, string[]> = {};
    const required = [t('validation.required')];
    const population = Number(state.population);
    const languages = parseLanguageCodes(state.languages);

    if (!state.name.trim()) errors['name'] = required;
    if (!/^[A-Z]{2}$/.test(countryCode)) errors['countryCode'] = [t('validation.countryCode')];
    if (!state.region) errors['region'] = required;
    if (!state.immigrationProfile) errors['immigrationProfile'] = required;
    if (
      state.population.trim() === '' ||
      !Number.isInteger(population) ||
      population < 0 ||
      population > POPULATION_MAX
    ) {
      errors['population'] = [t('validation.population', { min: 0, max: POPULATION_MAX })];
    }
    if (languages.length === 0) errors['languages'] = required;
    else if (languages.some((tag) => !LANGUAGE_TAG.test(tag))) {
      errors['languages'] = [t('validation.languageCodes')];
    }
    if (!state.timeZone) errors['timeZone'] = required;

    setClientErrors(errors);
    if (Object.keys(errors).length > 0 || !state.region || !state.immigrationProfile) {
      focusFirstInvalid();
      return;
    }
    // A failed save shows its errors (from `error`) and moves focus to the first field in error.
    onSubmit({
      name: state.name.trim(),
      countryCode,
      region: state.region,
      immigrationProfile: state.immigrationProfile,
      population,
      languages,
      timeZone: state.timeZone,
      themes: state.themes,
      description: state.description.trim(),
    }).catch(focusFirstInvalid);
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={handleSubmit}>
      {hasClientErrors ? (
        <div role="alert" className="alert alert--error">
          {t('validation.fixErrors')}
        </div>
      ) : (
        <FormError error={error} shownFields={CITY_FIELDS} />
      )}
      <TextField
        name="name"
        required
        maxLength={120}
        label={t('cityForm.name')}
        value={state.name}
        onChange={(event) => set('name', event.target.value)}
        errors={errorsFor('name')}
      />
      <TextField
        name="countryCode"
        required
        autoComplete="off"
        spellCheck={false}
        maxLength={2}
        className="field--short"
        label={t('cityForm.countryCode')}
        hint={
          countryPreview
            ? t('cityForm.countryCodeHintWithName', { country: countryPreview })
            : t('cityForm.countryCodeHint')
        }
        value={state.countryCode}
        onChange={(event) => set('countryCode', event.target.value.toUpperCase())}
        errors={errorsFor('countryCode')}
      />
      <SelectField
        name="region"
        required
        label={t('cities.region')}
        value={state.region}
        onChange={(event) => set('region', event.target.value as Region | '')}
        errors={errorsFor('region')}
      >
        <option value="">{t('cityForm.choose')}</option>
        {REGIONS.map((value) => (
          <option key={value} value={value}>
            {t(`regions.${value}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        name="immigrationProfile"
        required
        label={t('cities.profile')}
        value={state.immigrationProfile}
        onChange={(event) => set('immigrationProfile', event.target.value as ImmigrationProfile | '')}
        errors={errorsFor('immigrationProfile')}
      >
        <option value="">{t('cityForm.choose')}</option>
        {IMMIGRATION_PROFILES.map((value) => (
          <option key={value} value={value}>
            {t(`profiles.${value}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        name="population"
        type="number"
        inputMode="numeric"
        min={0}
        max={POPULATION_MAX}
        step={1}
        required
        className="field--short"
        label={t('cities.population')}
        value={state.population}
        onChange={(event) => set('population', event.target.value)}
        errors={errorsFor('population')}
      />
      <TextField
        name="languages"
        required
        autoComplete="off"
        spellCheck={false}
        label={t('city.languages')}
        hint={t('cityForm.languagesHint')}
        value={state.languages}
        onChange={(event) => set('languages', event.target.value)}
        errors={errorsFor('languages')}
      />
      <SelectField
        name="timeZone"
        required
        label={t('city.timeZone')}
        value={state.timeZone}
        onChange={(event) => set('timeZone', event.target.value)}
        errors={errorsFor('timeZone')}
      >
        <option value="">{t('cityForm.choose')}</option>
        {timeZones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll('_', ' ')}
          </option>
        ))}
      </SelectField>
      <fieldset
        className="fieldset"
        aria-describedby={[themesHintId, themeErrors?.length ? themesErrorId : ''].filter(Boolean).join(' ')}
      >
        <legend>{t('cities.themes')}</legend>
        <p id={themesHintId} className="field__hint">
          {t('cityForm.themesHint')}
        </p>
        <div className="checkbox-grid">
          {THEMES.map((theme) => (
            <ThemeCheckbox
              key={theme}
              theme={theme}
              label={t(`themes.${theme}`)}
              checked={state.themes.includes(theme)}
              invalid={!!themeErrors?.length}
              onChange={toggleTheme}
            />
          ))}
        </div>
        {themeErrors?.length ? (
          <p id={themesErrorId} className="field__error">
            {themeErrors.join(' ')}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField
        name="description"
        rows={8}
        maxLength={5000}
        label={t('cityForm.description')}
        hint={t('cityForm.descriptionHint')}
        value={state.description}
        onChange={(event) => set('description', event.target.value)}
        errors={errorsFor('description')}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}

function ThemeCheckbox({
  theme,
  label,
  checked,
  invalid,
  onChange,
}: {
  theme: Theme;
  label: string;
  checked: boolean;
  invalid: boolean;
  onChange: (theme: Theme, checked: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="checkbox">
      <input
        id={id}
        type="checkbox"
        name="themes"
        value={theme}
        checked={checked}
        aria-invalid={invalid || undefined}
        onChange={(event) => onChange(theme, event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
