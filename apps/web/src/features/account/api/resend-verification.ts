import { useMutation } from '@tanstack/react-query';
import type { CheckYourMailResponse } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';

/** Mails a new verification link to the signed-in user; rate limited (RATE_LIMITED says how long to wait). */
export function resendVerification(): Promise<CheckYourMailResponse> {
  return apiRequest<CheckYourMailResponse>('/api/auth/resend-verification', { method: 'POST' });
}

export function useResendVerification() {
  return useMutation({ mutationFn: resendVerification });
}
