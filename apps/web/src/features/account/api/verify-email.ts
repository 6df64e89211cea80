import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AuthResponse, VerifyEmailRequest } from '@twinning/contracts';
import { apiRequest, setAccessToken } from '../../../lib/api-client';
import { setSessionUser } from './session';

/** Follows a verification link: the address is verified and the account signed in. */
export async function verifyEmail(body: VerifyEmailRequest): Promise<AuthResponse> {
  const auth = await apiRequest<AuthResponse>('/api/auth/verify-email', {
    method: 'POST',
    body,
    retryOnUnauthorized: false,
  });
  setAccessToken(auth.accessToken);
  return auth;
}

export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyEmail,
    onSuccess: (auth) => setSessionUser(queryClient, auth.user),
  });
}
