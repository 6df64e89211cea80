import { normalizeRoles, PLATFORM_ROLES, type AdminUserDto, type PlatformRole } from '@twinning/contracts';
import { useId, useState, type FormEvent } from 'react';
import { TextField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { StatusMessage } from '../../../components/status-message';
import { useI18n } from '../../../lib/i18n';
import { platformRolesText } from '../../../lib/roles';
import { useLiveText } from '../../../lib/use-live-text';
import '../admin-users.css';
import { useUsers } from '../api/search-users';
import { useSetUserRole } from '../api/set-user-role';

export interface UserRoleManagerProps {
  /** The search in force (kept in the page's address). */
  query: string;
  onQueryChange: (query: string) => void;
}

/**
 * Admins find users and set their platform roles, a set (for instance facilitator and reviewer; none: a
 * member). The search applies shortly after typing stops, or on Enter.
 */
export function UserRoleManager({ query, onQueryChange }: UserRoleManagerProps) {
  const { t } = useI18n();
  const captionId = useId();
  const [draft, setDraft, flush] = useLiveText(query, onQueryChange);
  const users = useUsers(query);
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];

  function handleSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    flush();
  }

  let status = '';
  if (users.isPending) status = t('common.loading');
  else if (users.isSuccess) status = t('admin.usersShown', { count: items.length });

  return (
    <div className="stack">
      <form
        role="search"
        aria-label={t('admin.searchUsers')}
        className="inline-form inline-form--search"
        onSubmit={handleSearch}
      >
        <TextField
          name="q"
          type="search"
          maxLength={100}
          label={t('admin.searchUsers')}
          hint={t('admin.searchUsersHint')}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
      </form>
      <StatusMessage>{status}</StatusMessage>
      {users.isLoadingError ? <FormError error={users.error} /> : null}
      {users.isSuccess && items.length === 0 ? <p className="empty">{t('admin.noUsers')}</p> : null}
      {items.length > 0 ? (
        <table className="table table--stack" aria-labelledby={captionId}>
          <caption id={captionId}>{t('admin.usersCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('review.person')}</th>
              <th scope="col">{t('auth.email')}</th>
              <th scope="col">{t('admin.memberSince')}</th>
              <th scope="col">{t('admin.role')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((user) => (
              <UserRow key={user.id} user={user} />
            ))}
          </tbody>
        </table>
      ) : null}
      {users.hasNextPage ? (
        <div>
          {users.isFetchNextPageError ? <FormError error={users.error} /> : null}
          <button
            type="button"
            className="button button--secondary"
            disabled={users.isFetchingNextPage}
            onClick={() => void users.fetchNextPage()}
          >
            {users.isFetchingNextPage ? t('common.loadingMore') : t('admin.loadMoreUsers')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function UserRow({ user }: { user: AdminUserDto }) {
  const { t, format } = useI18n();
  const legendId = useId();
  const [roles, setRoles] = useState<readonly PlatformRole[]>(user.roles);
  const [saved, setSaved] = useState(false);
  const setUserRole = useSetUserRole();
  const name = user.displayName;
  const changed = normalizeRoles(roles).join() !== normalizeRoles(user.roles).join();

  function toggle(role: PlatformRole, checked: boolean) {
    setRoles((current) => (checked ? [...current, role] : current.filter((r) => r !== role)));
    setSaved(false);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    setUserRole.mutate({ userId: user.id, roles: normalizeRoles(roles) }, { onSuccess: () => setSaved(true) });
  }

  return (
    <tr>
      <th scope="row" data-label={t('review.person')}>
        {name}
      </th>
      <td data-label={t('auth.email')}>{user.email}</td>
      <td data-label={t('admin.memberSince')}>
        <time dateTime={user.createdAt}>{format.date(user.createdAt)}</time>
      </td>
      <td data-label={t('admin.role')}>
        <form className="inline-form inline-form--tight" onSubmit={handleSubmit}>
          <fieldset className="role-checkboxes" aria-labelledby={legendId}>
            <legend id={legendId} className="visually-hidden">
              {t('admin.roleOf', { name })}
            </legend>
            {PLATFORM_ROLES.map((role) => (
              <label key={role} className="checkbox">
                <input
                  type="checkbox"
                  name="roles"
                  value={role}
                  checked={roles.includes(role)}
                  onChange={(event) => toggle(role, event.target.checked)}
                />
                {t(`platformRoles.${role}`)}
              </label>
            ))}
          </fieldset>
          <button
            type="submit"
            className="button button--secondary button--small"
            disabled={setUserRole.isPending || !changed}
            aria-label={t('admin.saveRoleOf', { name })}
          >
            {t('admin.saveRole')}
          </button>
          <FormError error={setUserRole.error} />
          <StatusMessage className="status--success">
            {saved ? t('admin.roleSaved', { name, roles: platformRolesText(t, format, user.roles) }) : null}
          </StatusMessage>
        </form>
      </td>
    </tr>
  );
}
