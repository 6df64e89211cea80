import { Link, Navigate, useLocation, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { Loading } from '../../components/loading';
import { useSession } from '../../features/account';
import { SectionMenu } from '../../components/section-menu';
import { useVisit, VISIT_SECTIONS, VisitDetail, visitSections } from '../../features/visits';
import { isApiRequestError } from '../../lib/api-client';
import { useT } from '../../lib/i18n';
import { oneOf } from '../../lib/search-params';
import { Page } from '../layout/page';

/**
 * `/visits/:id` and `/visits/:id/:section` (overview, poll, agenda, participants, report): one study
 * visit, with an in-page menu whose entries each have an address. Visits of partnerships the viewer is
 * not in answer 404.
 */
export function VisitPage() {
  const t = useT();
  const { id = '', section: sectionParam } = useParams();
  const location = useLocation();
  const visit = useVisit(id);
  const { user } = useSession();
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;
  const basePath = `/visits/${encodeURIComponent(id)}`;
  const section = oneOf(VISIT_SECTIONS, sectionParam ?? null);

  const back = (
    <p className="section">
      <Link to="/visits">{t('visits.backToList')}</Link>
    </p>
  );

  if (sectionParam !== undefined && !section) return <Navigate to={basePath} replace />;
  if (visit.isPending) {
    return (
      <Page title={t('common.loading')}>
        <Loading label={t('visits.loadingOne')} />
      </Page>
    );
  }
  if (visit.isError) {
    const notFound = isApiRequestError(visit.error) && visit.error.status === 404;
    return (
      <Page title={notFound ? t('visits.notFound') : t('visits.loadFailed')}>
        {notFound ? <p>{t('visits.notFoundBody')}</p> : <FormError error={visit.error} />}
        {back}
      </Page>
    );
  }

  return (
    <Page title={visit.data.title}>
      <SectionMenu
        label={t('visits.sections.label')}
        basePath={basePath}
        current={section}
        items={visitSections(visit.data).map((entry) => ({ id: entry, label: t(`visits.sections.${entry}`) }))}
      />
      <VisitDetail
        key={visit.data.id}
        visit={visit.data}
        viewerId={user?.id}
        initialAnnouncement={justCreated ? t('visits.created') : undefined}
      />
      {back}
    </Page>
  );
}
