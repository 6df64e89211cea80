import type { FieldErrors } from '@twinning/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { FormError } from '../../../components/form-error';
import { StatusMessage } from '../../../components/status-message';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { isolateLtr, useI18n } from '../../../lib/i18n';
import { useChangeEmail } from '../api/change-email';
import { OutboxHint } from './outbox-hint';
import { CurrentPasswordField, EmailField } from './account-fields';

/** Profile: a new address gets a verification link; the account's address changes when it is followed. */
export function ChangeEmailForm({ currentEmail }: { currentEmail: string }) {
  const { t, language } = useI18n();
  const change = useChangeEmail();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [email, setEmail] = useState('');
  const [currentPassword, setCurrentPassword] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const serverErrors = localizedFieldErrors(change.error, t, language);
  const errorsFor = (field: string) => clientErrors[field] ?? serverErrors[field];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSentTo(null);
    const errors: Record<string, string[]> = {};
    if (!email.trim()) errors['email'] = [t('validation.required')];
    if (!currentPassword) errors['currentPassword'] = [t('validation.required')];
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      change.reset();
      focusFirstInvalid();
      return;
    }
    const address = email.trim();
    change.mutate(
      { email: address, currentPassword },
      {
        onSuccess: () => {
          setSentTo(address);
          setCurrentPassword('');
        },
        onError: focusFirstInvalid,
      },
    );
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={handleSubmit} aria-labelledby="change-email">
      <h3 id="change-email">{t('account.email.heading')}</h3>
      <p>{t('account.email.current', { email: isolateLtr(currentEmail, language) })}</p>
      <FormError error={change.error} shownFields={['email', 'currentPassword']} />
      <EmailField
        name="email"
        label={t('account.email.new')}
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        errors={errorsFor('email')}
      />
      <CurrentPasswordField
        name="currentPassword"
        label={t('account.email.password')}
        value={currentPassword}
        onChange={(event) => setCurrentPassword(event.target.value)}
        errors={errorsFor('currentPassword')}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={change.isPending}>
          {change.isPending ? t('account.email.saving') : t('account.email.submit')}
        </button>
      </div>
      <StatusMessage className="status--success">
        {sentTo
          ? t('account.email.sent', {
              email: isolateLtr(sentTo, language),
              current: isolateLtr(currentEmail, language),
            })
          : null}
      </StatusMessage>
      {sentTo ? <OutboxHint /> : null}
    </form>
  );
}
