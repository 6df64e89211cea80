import { Link, useNavigate } from 'react-router';
import { useSession } from '../../features/account';
import { AuthoringEditor } from '../../features/courses';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** `/courses/new`: a facilitator starts a course (its first draft), with co-authors if any. */
export function CourseNewPage() {
  const t = useT();
  const { user } = useSession();
  const navigate = useNavigate();
  return (
    <Page title={t('courseAuthoring.newTitle')} lead={t('courseAuthoring.newLead')}>
      {user ? (
        <AuthoringEditor
          viewerId={user.id}
          onCreated={(version) => void navigate(`/courses/${encodeURIComponent(version.courseId)}/edit`)}
        />
      ) : null}
      <p className="section">
        <Link to="/courses/authored">{t('courseAuthoring.backToList')}</Link>
      </p>
    </Page>
  );
}
