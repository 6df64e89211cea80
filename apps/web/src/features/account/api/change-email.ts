import { useMutation } from '@tanstack/react-query';
import type { ChangeEmailRequest, CheckYourMailResponse } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';

/** Mails a verification link to the new address; the account's address changes when it is followed. */
export function changeEmail(body: ChangeEmailRequest): Promise<CheckYourMailResponse> {
  return apiRequest<CheckYourMailResponse>('/api/me/email', { method: 'POST', body });
}

export function useChangeEmail() {
  return useMutation({ mutationFn: changeEmail });
}
