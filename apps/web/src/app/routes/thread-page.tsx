import { Link, useParams, useSearchParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { Loading } from '../../components/loading';
import { useSession } from '../../features/account';
import { forumName, labelSourceOf, ThreadView, useThread } from '../../features/forums';
import { isApiRequestError } from '../../lib/api-client';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';
import { parsePostParam } from './forum-route-params';

export function ThreadPage() {
  const t = useT();
  const { threadId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const postParam = parsePostParam(searchParams.get('post'));
  const { user } = useSession();
  const thread = useThread(threadId);

  if (thread.isPending) {
    return (
      <Page title={t('common.loading')}>
        <Loading label={t('thread.loading')} />
      </Page>
    );
  }
  if (thread.isError) {
    const notFound = isApiRequestError(thread.error) && thread.error.status === 404;
    return (
      <Page title={notFound ? t('thread.notFound') : t('thread.loadFailed')}>
        {notFound ? <p>{t('thread.notFoundBody')}</p> : <FormError error={thread.error} />}
        <p>
          <Link to="/forums">{t('forums.backToForums')}</Link>
        </p>
      </Page>
    );
  }

  const data = thread.data;
  const forum = forumName(t, labelSourceOf(data.forum));
  return (
    <Page
      title={data.title}
      heading={<span dir="auto">{data.title}</span>}
      lead={
        <>
          {t('thread.inForum')} <Link to={`/forums/${encodeURIComponent(data.forumId)}`}>{forum}</Link>
        </>
      }
    >
      <ThreadView key={data.id} thread={data} postParam={postParam} viewerId={user?.id ?? ''} />
    </Page>
  );
}
