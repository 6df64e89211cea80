import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AuthResponse, ChangePasswordRequest } from '@twinning/contracts';
import { apiRequest, setAccessToken } from '../../../lib/api-client';
import { setSessionUser } from './session';

/** Changes the password; the other sessions end and this one continues with the fresh access token. */
export async function changePassword(body: ChangePasswordRequest): Promise<AuthResponse> {
  const auth = await apiRequest<AuthResponse>('/api/me/password', { method: 'POST', body });
  setAccessToken(auth.accessToken);
  return auth;
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: (auth) => setSessionUser(queryClient, auth.user),
  });
}
