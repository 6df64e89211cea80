import { type ImmigrationProfile, type Region, type Theme } from '@twinning/contracts';
import { useState, type FormEvent } from 'react';
import { TextField } from '../../../components/form-field';
import { useT } from '../../../lib/i18n';
import type { CityFilters } from '../api/cities.keys';
import { hasActiveFilters } from '../city-filters';
import { ProfileSelect, RegionSelect, ThemeSelect } from '../../../components/choice-select';

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
      <RegionSelect
        name="region"
        label={t('cities.region')}
        anyLabel={t('cities.allRegions')}
        value={region}
        onChange={setRegion}
      />
      <ProfileSelect
        name="profile"
        label={t('cities.profile')}
        anyLabel={t('cities.allProfiles')}
        value={profile}
        onChange={setProfile}
      />
      <ThemeSelect
        name="theme"
        label={t('cities.theme')}
        anyLabel={t('cities.allThemes')}
        value={theme}
        onChange={setTheme}
      />
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
