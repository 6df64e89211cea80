import type { VisitStatus } from '@twinning/contracts';
import { useT } from '../../../lib/i18n';

export function VisitStatusBadge({ status }: { status: VisitStatus }) {
  const t = useT();
  return <span className={`badge visit-status visit-status--${status}`}>{t(`visits.status.${status}`)}</span>;
}
