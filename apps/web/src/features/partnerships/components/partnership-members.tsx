import type { PartnershipDetailDto } from '@twinning/contracts';
import { useId } from 'react';
import { PersonChip } from '../../../components/person/person-chip';
import { useI18n } from '../../../lib/i18n';

/** The officials of the member cities and their roles (shown to members only). */
export function PartnershipMembers({ partnership }: { partnership: PartnershipDetailDto }) {
  const t = useI18n().t;
  const headingId = useId();
  const members = partnership.members;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('partnership.membersHeading')}</h2>
      {members.length === 0 ? (
        <p className="muted">{t('partnership.membersHidden')}</p>
      ) : (
        <table className="table table--stack">
          <caption>{t('partnership.membersCaption', { count: members.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('partnership.memberName')}</th>
              <th scope="col">{t('partnership.memberCity')}</th>
              <th scope="col">{t('partnership.memberCityRole')}</th>
              <th scope="col">{t('partnership.memberRole')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={`${member.user.id}-${member.city.id}`}>
                <th scope="row" data-label={t('partnership.memberName')}>
                  <PersonChip person={member.user} size={28} layout="inline" showMeta={false}>
                    <bdi className="muted">@{member.user.handle}</bdi>
                  </PersonChip>
                </th>
                <td data-label={t('partnership.memberCity')}>{member.city.name}</td>
                <td data-label={t('partnership.memberCityRole')}>{t(`cityRoles.${member.cityRole}`)}</td>
                <td data-label={t('partnership.memberRole')}>{t(`partnerships.role.${member.role}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
