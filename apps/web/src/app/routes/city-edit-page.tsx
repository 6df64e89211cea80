import { Link, useNavigate, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { Loading } from '../../components/loading';
import { EditCityForm, useCity } from '../../features/cities';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** Admins and the city's coordinators edit its profile (the API has the last word). */
export function CityEditPage() {
  const t = useT();
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const city = useCity(slug);

  if (city.isPending) {
    return (
      <Page title={t('common.loading')}>
        <Loading label={t('city.loading')} />
      </Page>
    );
  }
  if (city.isError) {
    return (
      <Page title={t('city.loadFailed')}>
        <FormError error={city.error} />
        <p>
          <Link to="/cities">{t('common.backToCities')}</Link>
        </p>
      </Page>
    );
  }
  const data = city.data;
  if (!data.viewer.canEdit) {
    return (
      <Page title={t('forbidden.title')}>
        <p>{t('forbidden.editCity', { city: data.name })}</p>
        <p>
          <Link to={`/cities/${data.slug}`}>{t('city.backTo', { city: data.name })}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('cityForm.editTitle', { city: data.name })} className="page--narrow">
      <p>
        <Link to={`/cities/${data.slug}`}>{t('city.backTo', { city: data.name })}</Link>
      </p>
      <EditCityForm
        key={data.id}
        city={data}
        onSaved={(saved) => navigate(`/cities/${saved.slug}`, { state: { saved: true } })}
      />
    </Page>
  );
}
