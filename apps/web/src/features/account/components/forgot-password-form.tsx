import type { FieldErrors } from '@twinning/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { FormError } from '../../../components/form-error';
import { StatusMessage } from '../../../components/status-message';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { isolateLtr, useI18n } from '../../../lib/i18n';
import { useForgotPassword } from '../api/forgot-password';
import { OutboxHint } from './outbox-hint';
import { EmailField } from './account-fields';

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const { t, language } = useI18n();
  const forgot = useForgotPassword();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const serverErrors = localizedFieldErrors(forgot.error, t, language);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSentTo(null);
    const errors: FieldErrors = email.trim() ? {} : { email: [t('validation.required')] };
    setClientErrors(errors);
    if (errors['email']) {
      forgot.reset();
      focusFirstInvalid();
      return;
    }
    const address = email.trim();
    forgot.mutate({ email: address }, { onSuccess: () => setSentTo(address), onError: focusFirstInvalid });
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={handleSubmit}>
      <FormError error={forgot.error} shownFields={['email']} />
      <EmailField
        name="email"
        label={t('auth.email')}
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        errors={clientErrors['email'] ?? serverErrors['email']}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={forgot.isPending}>
          {forgot.isPending ? t('account.forgot.sending') : t('account.forgot.submit')}
        </button>
      </div>
      <StatusMessage className="status--success">
        {sentTo ? t('account.forgot.sent', { email: isolateLtr(sentTo, language) }) : null}
      </StatusMessage>
      {sentTo ? <OutboxHint /> : null}
    </form>
  );
}
