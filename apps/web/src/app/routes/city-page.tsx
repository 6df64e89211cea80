import { useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { Loading } from '../../components/loading';
import { StatusMessage } from '../../components/status-message';
import { useSession } from '../../features/account';
import { CityOfficials, CityProfile, cityKeys, useCity } from '../../features/cities';
import { JoinCityPanel } from '../../features/join-requests';
import { CityPartnershipLinks } from '../../features/partnerships';
import { isApiRequestError } from '../../lib/api-client';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

export function CityPage() {
  const t = useT();
  const { slug = '' } = useParams();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const city = useCity(slug);
  const justSaved = (location.state as { saved?: boolean } | null)?.saved === true;

  if (city.isPending) {
    return (
      <Page title={t('common.loading')}>
        <Loading label={t('city.loading')} />
      </Page>
    );
  }
  if (city.isError) {
    const notFound = isApiRequestError(city.error) && city.error.status === 404;
    return (
      <Page title={notFound ? t('city.notFound') : t('city.loadFailed')}>
        {notFound ? <p>{t('city.notFoundBody')}</p> : <FormError error={city.error} />}
        <p>
          <Link to="/cities">{t('common.backToCities')}</Link>
        </p>
      </Page>
    );
  }

  const data = city.data;
  const next = encodeURIComponent(`/cities/${data.slug}`);
  return (
    <Page title={data.name} lead={`${t(`profiles.${data.immigrationProfile}`)} · ${t(`regions.${data.region}`)}`}>
      <StatusMessage className={justSaved ? 'status--success' : undefined}>
        {justSaved ? t('cityForm.saved') : null}
      </StatusMessage>
      {data.viewer.canEdit ? (
        <p>
          <Link to={`/cities/${data.slug}/edit`} className="button button--link button--secondary">
            {t('city.edit')}
          </Link>
        </p>
      ) : null}
      <CityPartnershipLinks city={data} myCities={user?.cities ?? []} />
      <CityProfile city={data} />
      <CityOfficials city={data} />
      <JoinCityPanel
        city={data}
        signedIn={!!user}
        loginHref={`/login?next=${next}`}
        onChanged={() => queryClient.invalidateQueries({ queryKey: cityKeys.detail(slug) })}
      />
      <p>
        <Link to="/cities">{t('common.backToCities')}</Link>
      </p>
    </Page>
  );
}
