import { Link } from 'react-router';
import { AuthoringList } from '../../features/courses';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** `/courses/authored`: the courses the viewer (a facilitator) authors. */
export function CourseAuthoredPage() {
  const t = useT();
  return (
    <Page title={t('courseAuthoring.listTitle')} lead={t('courseAuthoring.listLead')}>
      <p>
        <Link to="/courses/new" className="button button--link">
          {t('courseAuthoring.newCourse')}
        </Link>
      </p>
      <AuthoringList />
    </Page>
  );
}
