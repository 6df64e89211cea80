import { CITY_ROLES, type CityDetailDto, type CityOfficialDto, type CityRole } from '@twinning/contracts';
import { useId, useState, type FormEvent } from 'react';
import { FormError } from '../../../components/form-error';
import { PersonChip } from '../../../components/person/person-chip';
import { StatusMessage } from '../../../components/status-message';
import { useI18n } from '../../../lib/i18n';
import { useSetOfficialRole } from '../api/set-official-role';
import '../cities.css';

/** The city's officials; coordinators and admins (`viewer.canEdit`) may change their roles. */
export function CityOfficials({ city }: { city: CityDetailDto }) {
  const { t } = useI18n();
  const headingId = useId();
  const canManage = city.viewer.canEdit;

  return (
    <section aria-labelledby={headingId} className="section">
      <h2 id={headingId}>{t('city.officials')}</h2>
      {city.officials.length === 0 ? (
        <p>{t('city.noOfficials')}</p>
      ) : (
        <ul className="officials" aria-labelledby={headingId}>
          {city.officials.map((official) => (
            <OfficialItem key={official.user.id} cityId={city.id} official={official} canManage={canManage} />
          ))}
        </ul>
      )}
    </section>
  );
}

function OfficialItem({
  cityId,
  official,
  canManage,
}: {
  cityId: string;
  official: CityOfficialDto;
  canManage: boolean;
}) {
  const { t, format } = useI18n();
  const selectId = useId();
  const [role, setRole] = useState<CityRole>(official.role);
  const [saved, setSaved] = useState(false);
  const setOfficialRole = useSetOfficialRole();
  const name = official.user.displayName;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    setOfficialRole.mutate({ cityId, userId: official.user.id, role }, { onSuccess: () => setSaved(true) });
  }

  return (
    <li className="officials__item">
      <p className="officials__name">
        <PersonChip person={official.user} />
        <span className="badge">{t(`cityRoles.${official.role}`)}</span>
      </p>
      <p className="muted">{t('city.officialSince', { date: format.date(official.since) })}</p>
      {canManage ? (
        <form className="inline-form" onSubmit={handleSubmit}>
          <label htmlFor={selectId}>{t('city.roleOf', { name })}</label>
          <select
            id={selectId}
            name="role"
            value={role}
            onChange={(event) => {
              setRole(event.target.value as CityRole);
              setSaved(false);
            }}
          >
            {CITY_ROLES.map((value) => (
              <option key={value} value={value}>
                {t(`cityRoles.${value}`)}
              </option>
            ))}
          </select>
          <button
            type="submit"
            className="button button--secondary button--small"
            disabled={setOfficialRole.isPending || role === official.role}
            aria-label={t('city.saveRoleOf', { name })}
          >
            {t('city.saveRole')}
          </button>
          <FormError error={setOfficialRole.error} />
          <StatusMessage className="status--success">{saved ? t('city.roleSaved', { name }) : null}</StatusMessage>
        </form>
      ) : null}
    </li>
  );
}
