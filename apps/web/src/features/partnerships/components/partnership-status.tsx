import type { PartnershipCityStatus, PartnershipStatus } from '@twinning/contracts';
import { useT } from '../../../lib/i18n';

export function PartnershipStatusBadge({ status }: { status: PartnershipStatus }) {
  const t = useT();
  return <span className={`badge badge--partnership-${status}`}>{t(`partnerships.status.${status}`)}</span>;
}

export function CityStatusBadge({ status }: { status: PartnershipCityStatus }) {
  const t = useT();
  return <span className={`badge badge--city-${status}`}>{t(`partnerships.cityStatus.${status}`)}</span>;
}
