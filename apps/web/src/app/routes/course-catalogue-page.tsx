import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { catalogueParamsToSearch, CourseCatalogue, parseCatalogueParams } from '../../features/courses';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** `/courses?language=fr&theme=integration`: the published courses (public). */
export function CourseCataloguePage() {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const params = useMemo(() => parseCatalogueParams(new URLSearchParams(search)), [search]);

  return (
    <Page title={t('courses.title')} lead={t('courses.lead')}>
      <CourseCatalogue params={params} onParamsChange={(next) => setSearchParams(catalogueParamsToSearch(next))} />
    </Page>
  );
}
