import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ResetPasswordRequest } from '@twinning/contracts';
import { apiRequest, setAccessToken } from '../../../lib/api-client';
import { setSessionUser } from './session';

/** Sets a new password from a reset link. Every session of the account ends, this browser's too. */
export async function resetPassword(body: ResetPasswordRequest): Promise<void> {
  await apiRequest<void>('/api/auth/reset-password', { method: 'POST', body, retryOnUnauthorized: false });
  setAccessToken(null);
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    onSuccess: () => setSessionUser(queryClient, null),
  });
}
