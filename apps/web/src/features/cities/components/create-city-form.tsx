import type { CityDto } from '@twinning/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { StatusMessage } from '../../../components/status-message';
import { useT } from '../../../lib/i18n';
import { useCreateCity } from '../api/create-city';
import { CityForm } from './city-form';

/** Admins add a city to the directory. */
export function CreateCityForm() {
  const t = useT();
  const createCity = useCreateCity();
  const [created, setCreated] = useState<CityDto | null>(null);
  /** Remounts the form empty after each success. */
  const [formKey, setFormKey] = useState(0);

  return (
    <div className="stack">
      <StatusMessage className="status--success">
        {created ? (
          <>
            {t('cityForm.created', { name: created.name })}{' '}
            <Link to={`/cities/${created.slug}`}>{t('cityForm.viewCity', { name: created.name })}</Link>
          </>
        ) : null}
      </StatusMessage>
      <CityForm
        key={formKey}
        submitLabel={t('cityForm.create')}
        pendingLabel={t('cityForm.creating')}
        pending={createCity.isPending}
        error={createCity.error}
        onSubmit={async (values) => {
          setCreated(null);
          const city = await createCity.mutateAsync(values);
          setCreated(city);
          setFormKey((key) => key + 1);
          createCity.reset();
        }}
      />
    </div>
  );
}
