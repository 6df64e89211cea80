import { Link, useNavigate } from 'react-router';
import { useSession } from '../../features/account';
import { NewTrainingRequestForm } from '../../features/training';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** `/training/new`: a city's coordinator asks for a training. */
export function TrainingNewPage() {
  const t = useT();
  const navigate = useNavigate();
  const { user } = useSession();

  return (
    <Page title={t('training.newTitle')} lead={t('training.newLead')}>
      {user ? (
        <NewTrainingRequestForm
          user={user}
          onCreated={(request) => navigate(`/training/${request.id}`, { state: { created: true } })}
        />
      ) : null}
      <p className="section">
        <Link to="/training">{t('training.backToList')}</Link>
      </p>
    </Page>
  );
}
