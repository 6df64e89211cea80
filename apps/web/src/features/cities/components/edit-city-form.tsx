import type { CityDto } from '@twinning/contracts';
import { useT } from '../../../lib/i18n';
import { useUpdateCity } from '../api/update-city';
import { CityForm } from './city-form';

export interface EditCityFormProps {
  city: CityDto;
  onSaved?: (city: CityDto) => void;
}

/** Admins and the city's coordinators edit its profile. */
export function EditCityForm({ city, onSaved }: EditCityFormProps) {
  const t = useT();
  const updateCity = useUpdateCity();
  return (
    <CityForm
      city={city}
      submitLabel={t('cityForm.save')}
      pendingLabel={t('common.saving')}
      pending={updateCity.isPending}
      error={updateCity.error}
      onSubmit={async (changes) => {
        const saved = await updateCity.mutateAsync({ cityId: city.id, changes });
        onSaved?.(saved);
      }}
    />
  );
}
