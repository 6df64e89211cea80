import type { FormEvent } from 'react';
import { TextField } from '../../../components/form-field';
import { useT } from '../../../lib/i18n';
import { useLiveText } from '../../../lib/use-live-text';
import type { CityFilters } from '../api/cities.keys';
import { hasActiveFilters } from '../city-filters';
import { ProfileSelect, RegionSelect, ThemeSelect } from '../../../components/choice-select';

export interface CityFilterFormProps {
  /** The filters in force (from the URL). */
  filters: CityFilters;
  onApply: (filters: CityFilters) => void;
}

/**
 * The directory's filters. They apply as they change (a choice at once, the search text shortly after
 * typing stops, or on Enter): there is no Apply button.
 */
export function CityFilterForm({ filters, onApply }: CityFilterFormProps) {
  const t = useT();
  const set = (change: Partial<CityFilters>) => {
    const next = { ...filters, ...change };
    onApply({
      region: next.region || undefined,
      profile: next.profile || undefined,
      theme: next.theme || undefined,
      q: next.q?.trim() || undefined,
    });
  };
  const [q, setQ, flushQ] = useLiveText(filters.q ?? '', (value) => set({ q: value }));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    flushQ();
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
        value={filters.region ?? ''}
        onChange={(region) => set({ region: region || undefined })}
      />
      <ProfileSelect
        name="profile"
        label={t('cities.profile')}
        anyLabel={t('cities.allProfiles')}
        value={filters.profile ?? ''}
        onChange={(profile) => set({ profile: profile || undefined })}
      />
      <ThemeSelect
        name="theme"
        label={t('cities.theme')}
        anyLabel={t('cities.allThemes')}
        value={filters.theme ?? ''}
        onChange={(theme) => set({ theme: theme || undefined })}
      />
      {hasActiveFilters(filters) ? (
        <div className="filters__actions">
          <button type="button" className="button button--secondary" onClick={() => onApply({})}>
            {t('cities.clearFilters')}
          </button>
        </div>
      ) : null}
    </form>
  );
}
