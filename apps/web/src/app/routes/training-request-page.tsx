import { Link, Navigate, useLocation, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { Loading } from '../../components/loading';
import { SectionMenu } from '../../components/section-menu';
import { useSession } from '../../features/account';
import {
  TRAINING_SECTIONS,
  TrainingRequestDetail,
  trainingSections,
  useTrainingRequest,
} from '../../features/training';
import { isApiRequestError } from '../../lib/api-client';
import { useT } from '../../lib/i18n';
import { oneOf } from '../../lib/search-params';
import { Page } from '../layout/page';

/**
 * `/training/:id` and `/training/:id/:section` (overview, offers, matches, delivery, evaluation, history): one training
 * request, with an in-page menu whose entries each have an address. Requests the viewer may not see
 * answer 404.
 */
export function TrainingRequestPage() {
  const t = useT();
  const { id = '', section: sectionParam } = useParams();
  const location = useLocation();
  const request = useTrainingRequest(id);
  const { user } = useSession();
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;
  const basePath = `/training/${encodeURIComponent(id)}`;
  const section = oneOf(TRAINING_SECTIONS, sectionParam ?? null);

  const back = (
    <p className="section">
      <Link to="/training">{t('training.backToList')}</Link>
    </p>
  );

  if (sectionParam !== undefined && !section) return <Navigate to={basePath} replace />;
  if (request.isPending || !user) {
    return (
      <Page title={t('common.loading')}>
        <Loading label={t('training.loadingOne')} />
      </Page>
    );
  }
  if (request.isError) {
    const notFound = isApiRequestError(request.error) && request.error.status === 404;
    return (
      <Page title={notFound ? t('training.notFound') : t('training.loadFailed')}>
        {notFound ? <p>{t('training.notFoundBody')}</p> : <FormError error={request.error} />}
        {back}
      </Page>
    );
  }

  return (
    <Page title={request.data.title}>
      <SectionMenu
        label={t('training.sections.label')}
        basePath={basePath}
        current={section}
        items={trainingSections(request.data).map((entry) => ({ id: entry, label: t(`training.sections.${entry}`) }))}
      />
      <TrainingRequestDetail
        key={request.data.id}
        request={request.data}
        user={user}
        initialAnnouncement={justCreated ? t('training.created') : undefined}
      />
      {back}
    </Page>
  );
}
