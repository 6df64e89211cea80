import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MeDto } from '@twinning/contracts';
import { apiRequest, getAccessToken, isApiRequestError, refreshSession } from '../../../lib/api-client';
import { accountKeys } from './account.keys';

export function getMe(signal?: AbortSignal): Promise<MeDto> {
  return apiRequest<MeDto>('/api/me', { signal });
}

/**
 * The current user, or null when signed out. Without an access token (a fresh page load), the session is
 * restored silently from the refresh cookie; otherwise the profile is read again.
 */
export async function loadSession(signal?: AbortSignal): Promise<MeDto | null> {
  if (!getAccessToken()) {
    const auth = await refreshSession();
    return auth?.user ?? null;
  }
  try {
    return await getMe(signal);
  } catch (error) {
    if (isApiRequestError(error) && error.status === 401) return null;
    throw error;
  }
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: accountKeys.me(),
    queryFn: ({ signal }) => loadSession(signal),
    staleTime: 5 * 60_000,
  });

export function useMe(options: { refetchOnMount?: boolean | 'always' } = {}) {
  return useQuery({ ...meQueryOptions(), ...options });
}

export type SessionStatus = 'loading' | 'authenticated' | 'anonymous';

export interface Session {
  status: SessionStatus;
  user: MeDto | null;
}

export function useSession(): Session {
  const { data, isPending } = useMe();
  if (isPending) return { status: 'loading', user: null };
  return data ? { status: 'authenticated', user: data } : { status: 'anonymous', user: null };
}
