import { Link, useNavigate } from 'react-router';
import { useSession } from '../../features/account';
import { WorkshopForm, workshopPath } from '../../features/workshops';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** `/workshops/new`: facilitators and admins schedule a workshop. */
export function WorkshopNewPage() {
  const t = useT();
  const { user } = useSession();
  const navigate = useNavigate();
  if (!user) return null; // RequireAuth renders this page only for a signed-in facilitator or admin.

  return (
    <Page title={t('workshops.newTitle')} lead={t('workshops.newLead')}>
      <WorkshopForm
        viewer={user}
        onSaved={(workshop) => navigate(workshopPath(workshop.id), { state: { created: true } })}
      />
      <p>
        <Link to="/workshops">{t('workshops.backToList')}</Link>
      </p>
    </Page>
  );
}
