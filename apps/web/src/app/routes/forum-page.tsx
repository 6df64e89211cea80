import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { Loading } from '../../components/loading';
import {
  forumName,
  labelSourceOf,
  NewThreadForm,
  SilencesPanel,
  ThreadList,
  useForum,
  useForumLiveUpdates,
} from '../../features/forums';
import { isApiRequestError } from '../../lib/api-client';
import { useFormat, useT } from '../../lib/i18n';
import { Page } from '../layout/page';
import { isTheme } from './forum-route-params';

export function ForumPage() {
  const t = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const { forumId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const themeParam = searchParams.get('theme');
  const theme = isTheme(themeParam) ? themeParam : undefined;
  const forum = useForum(forumId);
  useForumLiveUpdates(forumId);

  if (forum.isPending) {
    return (
      <Page title={t('common.loading')}>
        <Loading label={t('forums.loadingForum')} />
      </Page>
    );
  }
  if (forum.isError) {
    const notFound = isApiRequestError(forum.error) && forum.error.status === 404;
    return (
      <Page title={notFound ? t('forums.notFound') : t('forums.loadFailed')}>
        {notFound ? <p>{t('forums.notFoundBody')}</p> : <FormError error={forum.error} />}
        <p>
          <Link to="/forums">{t('forums.backToForums')}</Link>
        </p>
      </Page>
    );
  }

  const data = forum.data;
  const name = forumName(t, labelSourceOf(data));
  const lead =
    data.kind === 'partnership' && data.partnership ? (
      <>
        {t('forums.partnershipLead')}{' '}
        <Link to={`/partnerships/${encodeURIComponent(data.partnership.id)}`}>
          {t('forums.viewPartnership', { title: data.partnership.title })}
        </Link>
      </>
    ) : data.kind === 'course' ? (
      <>
        {t('forums.courseLead', { title: name })}{' '}
        {data.course ? (
          <Link to={`/courses/${encodeURIComponent(data.course.id)}`}>{t('forums.viewCourse')}</Link>
        ) : null}
      </>
    ) : (
      t('forums.themeLead', { theme: name })
    );

  return (
    <Page title={name} lead={lead}>
      <p className="muted">
        {t('forums.threadCount', { count: data.threadCount })}
        {data.lastPostedAt ? ` · ${t('forums.lastActivity', { date: format.dateTime(data.lastPostedAt) })}` : null}
        {' · '}
        <Link to={`/search?${new URLSearchParams({ forumId: data.id }).toString()}`}>{t('forums.searchThis')}</Link>
      </p>
      <NewThreadForm forum={data} onCreated={(thread) => navigate(`/threads/${encodeURIComponent(thread.id)}`)} />
      <ThreadList
        key={theme ?? ''}
        forumId={data.id}
        filters={{ theme }}
        onFiltersChange={(filters) => setSearchParams(filters.theme ? { theme: filters.theme } : {})}
      />
      {data.viewer.canModerate ? <SilencesPanel forumId={data.id} /> : null}
      <p>
        <Link to="/forums">{t('forums.backToForums')}</Link>
      </p>
    </Page>
  );
}
