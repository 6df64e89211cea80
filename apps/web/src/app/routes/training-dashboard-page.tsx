import { Link } from 'react-router';
import { useSession } from '../../features/account';
import { Dashboard } from '../../features/courses';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** `/training/dashboard`: the trainer's offers, delivered trainings, courses, learners and quiz statistics. */
export function TrainingDashboardPage() {
  const t = useT();
  const { user } = useSession();
  return (
    <Page title={t('trainerDashboard.title')} lead={t('trainerDashboard.lead')}>
      {user ? <Dashboard user={user} /> : null}
      <p className="section">
        <Link to="/training">{t('trainerDashboard.backToTraining')}</Link>
      </p>
    </Page>
  );
}
