import { ReviewQueue } from '../../features/courses';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** `/courses/reviews`: the advisory board's queue of versions waiting for review. */
export function CourseReviewsPage() {
  const t = useT();
  return (
    <Page title={t('courseReview.queueTitle')} lead={t('courseReview.queueLead')}>
      <ReviewQueue />
    </Page>
  );
}
