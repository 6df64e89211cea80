import {
  IMMIGRATION_PROFILES,
  REGIONS,
  THEMES,
  type ImmigrationProfile,
  type Region,
  type Theme,
} from '@twinning/contracts';
import { useState, type FormEvent } from 'react';
import { SelectField, TextField } from '../../../components/form-field';
import { useT } from '../../../lib/i18n';
import type { CityFilters } from '../api/cities.keys';
import { hasActiveFilters } from '../city-filters';

export interface CityFilterFormProps {
  /** The filters in force (from the URL). Remount with a new `key` when they change from outside. */
  filters: CityFilters;
  onApply: (filters: CityFilters) => void;
}

export function CityFilterForm({ filters, onApply }: CityFilterFormProps) {
  const t = useT();
  const [region, setRegion] = useState<Region | ''>(filters.region ?? '');
  const [profile, setProfile] = useState<ImmigrationProfile | ''>(filters.profile ?? '');
  const [theme, setTheme] = useState<Theme | ''>(filters.theme ?? '');
  const [q, setQ] = useState(filters.q ?? '');

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply({
      region: region || undefined,
      profile: profile || undefined,
      theme: theme || undefined,
      q: q.trim() || undefined,
    });
  }

  return (
    <form role="search" aria-label={t('cities.filtersLabel')} className="filters" onSubmit={handleSubmit}>
      <TextField
        name="q"
        type="search"
        maxLength={100}
        label={t('cities.search')}
        hint={t('cities.searchHint')}
        value={q}
        onChange={(event) => setQ(event.target.value)}
      />
      <SelectField
        name="region"
        label={t('cities.region')}
        value={region}
        onChange={(event) => setRegion(event.target.value as Region | '')}
      >
        <option value="">{t('cities.allRegions')}</option>
        {REGIONS.map((value) => (
          <option key={value} value={value}>
            {t(`regions.${value}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        name="profile"
        label={t('cities.profile')}
        value={profile}
        onChange={(event) => setProfile(event.target.value as ImmigrationProfile | '')}
      >
        <option value="">{t('cities.allProfiles')}</option>
        {IMMIGRATION_PROFILES.map((value) => (
          <option key={value} value={value}>
            {t(`profiles.${value}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        name="theme"
        label={t('cities.theme')}
        value={theme}
        onChange={(event) => setTheme(event.target.value as Theme | '')}
      >
        <option value="">{t('cities.allThemes')}</option>
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {t(`themes.${value}`)}
          </option>
        ))}
      </SelectField>
      <div className="filters__actions">
        <button type="submit" className="button">
          {t('cities.applyFilters')}
        </button>
        {hasActiveFilters(filters) ? (
          <button type="button" className="button button--secondary" onClick={() => onApply({})}>
            {t('cities.clearFilters')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
