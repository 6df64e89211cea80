import type { TrainingOfferStatus, TrainingRequestStatus } from '@twinning/contracts';
import { useT } from '../../../lib/i18n';

const REQUEST_TONE: Partial<Record<TrainingRequestStatus, string>> = {
  matched: 'badge--approved',
  scheduled: 'badge--approved',
  withdrawn: 'badge--rejected',
};

export function TrainingStatusBadge({ status }: { status: TrainingRequestStatus }) {
  const t = useT();
  return (
    <span className={['badge', REQUEST_TONE[status]].filter(Boolean).join(' ')}>{t(`training.status.${status}`)}</span>
  );
}

const OFFER_TONE: Partial<Record<TrainingOfferStatus, string>> = {
  accepted: 'badge--approved',
  declined: 'badge--rejected',
};

export function TrainingOfferBadge({ status }: { status: TrainingOfferStatus }) {
  const t = useT();
  return (
    <span className={['badge', OFFER_TONE[status]].filter(Boolean).join(' ')}>
      {t(`training.offerStatus.${status}`)}
    </span>
  );
}
