import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AuthResponse, LoginRequest } from '@twinning/contracts';
import { apiRequest, setAccessToken } from '../../../lib/api-client';
import { setSessionUser } from './session';

export async function login(body: LoginRequest): Promise<AuthResponse> {
  const auth = await apiRequest<AuthResponse>('/api/auth/login', {
    method: 'POST',
    body,
    retryOnUnauthorized: false,
  });
  setAccessToken(auth.accessToken);
  return auth;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (auth) => setSessionUser(queryClient, auth.user),
  });
}
