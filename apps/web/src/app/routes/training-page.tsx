import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../features/account';
import {
  parseTrainingListParams,
  TrainingBoard,
  trainingListParamsToSearch,
  TrainingSectionLinks,
} from '../../features/training';
import { canRequestTraining } from '../../features/training/permissions';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** `/training?status=open`: the training requests the viewer may see. */
export function TrainingPage() {
  const t = useT();
  const { user } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const params = useMemo(() => parseTrainingListParams(new URLSearchParams(search)), [search]);

  return (
    <Page title={t('training.title')} lead={t('training.lead')}>
      <TrainingSectionLinks user={user} />
      {canRequestTraining(user) ? (
        <p>
          <Link to="/training/new" className="button button--link">
            {t('training.new')}
          </Link>
        </p>
      ) : null}
      <TrainingBoard params={params} onParamsChange={(next) => setSearchParams(trainingListParamsToSearch(next))} />
    </Page>
  );
}
