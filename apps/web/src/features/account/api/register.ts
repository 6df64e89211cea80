import { useMutation } from '@tanstack/react-query';
import type { CheckYourMailResponse, RegisterRequest } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';

/** Registering opens no session: the answer is "check your mail", whether or not the address had an account. */
export function register(body: RegisterRequest): Promise<CheckYourMailResponse> {
  return apiRequest<CheckYourMailResponse>('/api/auth/register', {
    method: 'POST',
    body,
    retryOnUnauthorized: false,
  });
}

export function useRegister() {
  return useMutation({ mutationFn: register });
}
