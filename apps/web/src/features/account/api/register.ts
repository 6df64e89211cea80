import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AuthResponse, RegisterRequest } from '@twinning/contracts';
import { apiRequest, setAccessToken } from '../../../lib/api-client';
import { setSessionUser } from './session';

export async function register(body: RegisterRequest): Promise<AuthResponse> {
  const auth = await apiRequest<AuthResponse>('/api/auth/register', {
    method: 'POST',
    body,
    retryOnUnauthorized: false,
  });
  setAccessToken(auth.accessToken);
  return auth;
}

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: register,
    onSuccess: (auth) => setSessionUser(queryClient, auth.user),
  });
}
