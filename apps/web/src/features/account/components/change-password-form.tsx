import { PASSWORD_MIN_LENGTH, type FieldErrors } from '@twinning/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { FormError } from '../../../components/form-error';
import { StatusMessage } from '../../../components/status-message';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { useChangePassword } from '../api/change-password';
import { CurrentPasswordField, NewPasswordField } from './account-fields';

/** Profile: a new password (the current one required); the other sessions are signed out. */
export function ChangePasswordForm() {
  const { t, language } = useI18n();
  const change = useChangePassword();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [done, setDone] = useState(false);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const serverErrors = localizedFieldErrors(change.error, t, language);
  const errorsFor = (field: string) => clientErrors[field] ?? serverErrors[field];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    const errors: Record<string, string[]> = {};
    if (!currentPassword) errors['currentPassword'] = [t('validation.required')];
    if (newPassword.length < PASSWORD_MIN_LENGTH) {
      errors['newPassword'] = [t('validation.passwordLength', { min: PASSWORD_MIN_LENGTH })];
    }
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      change.reset();
      focusFirstInvalid();
      return;
    }
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setDone(true);
          setCurrentPassword('');
          setNewPassword('');
        },
        onError: focusFirstInvalid,
      },
    );
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={handleSubmit} aria-labelledby="change-password">
      <h3 id="change-password">{t('account.password.heading')}</h3>
      <FormError error={change.error} shownFields={['currentPassword', 'newPassword']} />
      <CurrentPasswordField
        name="currentPassword"
        label={t('account.password.current')}
        value={currentPassword}
        onChange={(event) => setCurrentPassword(event.target.value)}
        errors={errorsFor('currentPassword')}
      />
      <NewPasswordField
        name="newPassword"
        label={t('account.password.new')}
        value={newPassword}
        onChange={(event) => setNewPassword(event.target.value)}
        errors={errorsFor('newPassword')}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={change.isPending}>
          {change.isPending ? t('account.password.saving') : t('account.password.submit')}
        </button>
      </div>
      <StatusMessage className="status--success">{done ? t('account.password.done') : null}</StatusMessage>
    </form>
  );
}
