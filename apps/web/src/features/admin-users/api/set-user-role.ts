import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { AdminUserDto, Page, PlatformRole, SetPlatformRoleRequest } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { adminUserKeys } from './admin-users.keys';

export interface SetUserRoleVariables {
  userId: string;
  /** The whole set (empty: a member). */
  roles: PlatformRole[];
}

export function setUserRole({ userId, roles }: SetUserRoleVariables): Promise<AdminUserDto> {
  const body: SetPlatformRoleRequest = { roles };
  return apiRequest<AdminUserDto>(`/api/admin/users/${encodeURIComponent(userId)}/role`, {
    method: 'PUT',
    body,
  });
}

type UserPages = InfiniteData<Page<AdminUserDto>, string | undefined>;

export function useSetUserRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setUserRole,
    onSuccess: (updated) => {
      // Every cached search showing this user shows the new roles at once.
      queryClient.setQueriesData<UserPages>({ queryKey: adminUserKeys.lists() }, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.map((user) => (user.id === updated.id ? updated : user)),
              })),
            }
          : data,
      );
    },
  });
}
