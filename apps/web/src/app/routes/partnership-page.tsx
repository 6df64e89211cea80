import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { Loading } from '../../components/loading';
import { SectionMenu } from '../../components/section-menu';
import { useSession } from '../../features/account';
import { ThreadList } from '../../features/forums';
import {
  PARTNERSHIP_SECTIONS,
  PartnershipDetail,
  usePartnership,
  usePartnershipsLive,
  type PartnershipSection,
} from '../../features/partnerships';
import { PartnershipVisitsLinks } from '../../features/visits';
import { canCreateWorkshops, PartnershipWorkshops } from '../../features/workshops';
import { isApiRequestError } from '../../lib/api-client';
import { useT } from '../../lib/i18n';
import { oneOf } from '../../lib/search-params';
import { Page } from '../layout/page';

/**
 * `/partnerships/:id` and `/partnerships/:id/:section` (overview, forum, plan, visits, workshops,
 * activity): one page with an in-page menu whose entries each have an address.
 */
export function PartnershipPage() {
  const t = useT();
  const { id = '', section: sectionParam } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { user } = useSession();
  const partnership = usePartnership(id);
  const justProposed = (location.state as { proposed?: boolean } | null)?.proposed === true;
  usePartnershipsLive();
  const basePath = `/partnerships/${encodeURIComponent(id)}`;
  const section = oneOf(PARTNERSHIP_SECTIONS, sectionParam ?? null);

  const back = (
    <p className="section">
      <Link to="/partnerships">{t('partnership.backToList')}</Link>
    </p>
  );

  if (sectionParam !== undefined && !section) return <Navigate to={basePath} replace />;
  if (partnership.isPending) {
    return (
      <Page title={t('common.loading')}>
        <Loading label={t('partnership.loading')} />
      </Page>
    );
  }
  if (partnership.isError) {
    const notFound = isApiRequestError(partnership.error) && partnership.error.status === 404;
    return (
      <Page title={notFound ? t('partnership.notFound') : t('partnership.loadFailed')}>
        {notFound ? <p>{t('partnership.notFoundBody')}</p> : <FormError error={partnership.error} />}
        {back}
      </Page>
    );
  }

  const data = partnership.data;
  const member = data.viewer.role !== null;
  const forumId = data.viewer.canSeeForum ? data.forumId : null;
  const shown = PARTNERSHIP_SECTIONS.filter(
    (entry: PartnershipSection) =>
      (entry !== 'forum' || forumId) && ((entry !== 'visits' && entry !== 'workshops') || member),
  );

  return (
    <Page title={data.title}>
      <SectionMenu
        label={t('partnership.sections.label')}
        basePath={basePath}
        current={section}
        items={shown.map((entry) => ({ id: entry, label: t(`partnership.sections.${entry}`) }))}
      />
      <PartnershipDetail
        key={data.id}
        partnership={data}
        initialAnnouncement={justProposed ? t('proposal.sent') : undefined}
        slots={{
          forum: forumId ? (
            <section className="section" aria-labelledby="partnership-forum">
              <h2 id="partnership-forum">{t('partnership.sections.forum')}</h2>
              <p>
                <Link to={`/forums/${forumId}`} className="button button--link button--secondary">
                  {t('partnership.openForum')}
                </Link>
              </p>
              <ThreadList
                forumId={forumId}
                filters={{}}
                onFiltersChange={(filters) =>
                  navigate(filters.theme ? `/forums/${forumId}?theme=${filters.theme}` : `/forums/${forumId}`)
                }
              />
            </section>
          ) : undefined,
          visits: member ? (
            <PartnershipVisitsLinks
              partnershipId={data.id}
              canPlan={data.status === 'active' && data.viewer.role === 'coordinator'}
            />
          ) : undefined,
          workshops: member ? (
            <PartnershipWorkshops partnershipId={data.id} canCreate={canCreateWorkshops(user)} />
          ) : undefined,
        }}
      />
      {back}
    </Page>
  );
}
