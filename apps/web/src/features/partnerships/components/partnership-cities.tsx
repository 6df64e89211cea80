import type { PartnershipCityDto, PartnershipDetailDto } from '@twinning/contracts';
import { useId } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useWithdrawInvitation } from '../api/withdraw-invitation';
import type { Announce } from '../../../lib/announce';
import { ConfirmWithNote } from './confirm-with-note';
import { CityStatusBadge } from './partnership-status';

/** The member and invited cities, each with its status and who invited or answered. */
export function PartnershipCities({
  partnership,
  announce,
}: {
  partnership: PartnershipDetailDto;
  announce: Announce;
}) {
  const t = useI18n().t;
  const headingId = useId();
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('partnership.citiesHeading')}</h2>
      <ul className="plain-list partnership-cities" aria-labelledby={headingId}>
        {partnership.cities.map((city) => (
          <PartnershipCityItem key={city.city.id} partnership={partnership} entry={city} announce={announce} />
        ))}
      </ul>
    </section>
  );
}

function PartnershipCityItem({
  partnership,
  entry,
  announce,
}: {
  partnership: PartnershipDetailDto;
  entry: PartnershipCityDto;
  announce: Announce;
}) {
  const { t, format } = useI18n();
  const withdraw = useWithdrawInvitation();
  const city = entry.city.name;
  const canWithdraw = entry.status === 'invited' && partnership.viewer.canWithdrawCityIds.includes(entry.city.id);
  const decider = entry.decidedBy?.displayName ?? t('partnerships.someone');

  let decided: string | null = null;
  if (entry.decidedAt) {
    const vars = { name: decider, date: format.dateTime(entry.decidedAt) };
    if (entry.status === 'member') decided = t('partnership.acceptedBy', vars);
    else if (entry.status === 'declined') decided = t('partnership.declinedBy', vars);
    else if (entry.status === 'withdrawn') decided = t('partnership.withdrawnBy', vars);
  }

  return (
    <li className="plain-list__item plain-list__item--stacked">
      <p>
        <Link to={`/cities/${entry.city.slug}`}>{city}</Link> · {format.country(entry.city.countryCode)}{' '}
        <CityStatusBadge status={entry.status} />
      </p>
      <p className="muted">
        {entry.invitedBy
          ? t('partnership.invitedBy', { name: entry.invitedBy.displayName, date: format.dateTime(entry.invitedAt) })
          : t('partnership.proposingCity', { date: format.dateTime(entry.invitedAt) })}
      </p>
      {decided ? <p className="muted">{decided}</p> : null}
      {entry.message ? (
        <blockquote className="quote" dir="auto">
          {entry.message}
        </blockquote>
      ) : null}
      {canWithdraw ? (
        <ConfirmWithNote
          label={t('partnership.withdraw')}
          accessibleLabel={t('partnership.withdrawOf', { city })}
          explanation={t('partnership.withdrawExplain', { city })}
          confirmLabel={t('partnership.withdrawConfirm')}
          pendingLabel={t('common.saving')}
          noteLabel={t('partnership.noteOptional')}
          danger
          pending={withdraw.isPending}
          error={withdraw.error}
          onConfirm={(note) =>
            withdraw
              .mutateAsync({ partnershipId: partnership.id, cityId: entry.city.id, note })
              .then(() => announce(t('partnership.withdrawn', { city }), { focus: true }))
          }
        />
      ) : null}
    </li>
  );
}
