import { PLATFORM_ROLES, type AdminUserDto, type PlatformRole } from '@twinning/contracts';
import { useId, useState, type FormEvent } from 'react';
import { TextField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { StatusMessage } from '../../../components/status-message';
import { useI18n } from '../../../lib/i18n';
import { useLiveText } from '../../../lib/use-live-text';
import { useUsers } from '../api/search-users';
import { useSetUserRole } from '../api/set-user-role';

export interface UserRoleManagerProps {
  /** The search in force (kept in the page's address). */
  query: string;
  onQueryChange: (query: string) => void;
}

/**
 * Admins find users and set their platform role (for instance to grant facilitator). The search applies
 * shortly after typing stops, or on Enter.
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
  const selectId = useId();
  const [role, setRole] = useState<PlatformRole>(user.role);
  const [saved, setSaved] = useState(false);
  const setUserRole = useSetUserRole();
  const name = user.displayName;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    setUserRole.mutate({ userId: user.id, role }, { onSuccess: () => setSaved(true) });
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
          <label htmlFor={selectId} className="visually-hidden">
            {t('admin.roleOf', { name })}
          </label>
          <select
            id={selectId}
            name="role"
            value={role}
            onChange={(event) => {
              setRole(event.target.value as PlatformRole);
              setSaved(false);
            }}
          >
            {PLATFORM_ROLES.map((value) => (
              <option key={value} value={value}>
                {t(`platformRoles.${value}`)}
              </option>
            ))}
          </select>
          <button
            type="submit"
            className="button button--secondary button--small"
            disabled={setUserRole.isPending || role === user.role}
            aria-label={t('admin.saveRoleOf', { name })}
          >
            {t('admin.saveRole')}
          </button>
          <FormError error={setUserRole.error} />
          <StatusMessage className="status--success">{saved ? t('admin.roleSaved', { name }) : null}</StatusMessage>
        </form>
      </td>
    </tr>
  );
}
