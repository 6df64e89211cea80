import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, setAccessToken } from '../../../lib/api-client';
import { setSessionUser } from './session';

/** Ends the session on the server (which clears the refresh cookie) and forgets the access token. */
export async function logout(): Promise<void> {
  try {
    await apiRequest<void>('/api/auth/logout', { method: 'POST' });
  } finally {
    setAccessToken(null);
  }
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Signed out locally even if the server could not be reached.
    onSettled: () => setSessionUser(queryClient, null),
  });
}
