import { useMutation } from '@tanstack/react-query';
import type { CheckYourMailResponse, ForgotPasswordRequest } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';

/** Always "check your mail": the answer does not say whether the address has an account. */
export function forgotPassword(body: ForgotPasswordRequest): Promise<CheckYourMailResponse> {
  return apiRequest<CheckYourMailResponse>('/api/auth/forgot-password', {
    method: 'POST',
    body,
    retryOnUnauthorized: false,
  });
}

export function useForgotPassword() {
  return useMutation({ mutationFn: forgotPassword });
}
