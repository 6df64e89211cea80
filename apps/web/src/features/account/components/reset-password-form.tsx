import { PASSWORD_MIN_LENGTH, type FieldErrors } from '@twinning/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { isApiRequestError } from '../../../lib/api-client';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { useResetPassword } from '../api/reset-password';
import { NewPasswordField } from './account-fields';

/** Sets a new password from a reset link; afterwards every session is signed out, so it leads to log in. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { t, language } = useI18n();
  const reset = useResetPassword();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const serverErrors = localizedFieldErrors(reset.error, t, language);
  const linkFailed = isApiRequestError(reset.error) && reset.error.code === 'LINK_INVALID';

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: FieldErrors =
      password.length < PASSWORD_MIN_LENGTH
        ? { password: [t('validation.passwordLength', { min: PASSWORD_MIN_LENGTH })] }
        : {};
    setClientErrors(errors);
    if (errors['password']) {
      reset.reset();
      focusFirstInvalid();
      return;
    }
    reset.mutate({ token, password }, { onError: focusFirstInvalid });
  }

  if (reset.isSuccess) {
    return (
      <div>
        <p role="status" className="status status--success">
          {t('account.reset.done')}
        </p>
        <p>
          <Link to="/login" className="button">
            {t('account.reset.logIn')}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form ref={formRef} className="form" noValidate onSubmit={handleSubmit}>
      <FormError error={reset.error} shownFields={['password']} />
      {linkFailed ? (
        <p>
          <Link to="/forgot-password">{t('account.reset.askAgain')}</Link>
        </p>
      ) : null}
      <NewPasswordField
        name="password"
        label={t('account.reset.newPassword')}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        errors={clientErrors['password'] ?? serverErrors['password']}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={reset.isPending}>
          {reset.isPending ? t('account.reset.saving') : t('account.reset.submit')}
        </button>
      </div>
    </form>
  );
}
