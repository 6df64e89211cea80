import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../features/account';
import {
  canCreateWorkshops,
  parseWorkshopListParams,
  WorkshopList,
  workshopListParamsToSearch,
} from '../../features/workshops';
import { useT } from '../../lib/i18n';
import { useViewerTimeZone } from '../../lib/zoned-time';
import { Page } from '../layout/page';

/** `/workshops?when=live&theme=health&mine=1`: upcoming, live and past workshops the viewer may attend. */
export function WorkshopsPage() {
  const t = useT();
  const { user } = useSession();
  const timeZone = useViewerTimeZone();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const params = useMemo(() => parseWorkshopListParams(new URLSearchParams(search)), [search]);

  return (
    <Page title={t('workshops.title')} lead={t('workshops.lead')}>
      {canCreateWorkshops(user) ? (
        <p>
          <Link to="/workshops/new" className="button button--link">
            {t('workshops.new')}
          </Link>
        </p>
      ) : null}
      <p className="muted">
        {t('workshops.timesInZone', { zone: timeZone })} <Link to="/profile">{t('workshops.changeZone')}</Link>
      </p>
      <WorkshopList params={params} onParamsChange={(next) => setSearchParams(workshopListParamsToSearch(next))} />
    </Page>
  );
}
