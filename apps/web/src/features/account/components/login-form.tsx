import type { FieldErrors, MeDto } from '@twinning/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { FormError } from '../../../components/form-error';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n, useT } from '../../../lib/i18n';
import { useLogin } from '../api/login';
import { CurrentPasswordField, EmailField } from './account-fields';

export interface LoginFormProps {
  onSuccess?: (user: MeDto) => void;
}

export function LoginForm({ onSuccess }: LoginFormProps) {
  const t = useT();
  const { language } = useI18n();
  const login = useLogin();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const serverErrors = localizedFieldErrors(login.error, t, language);
  const errorsFor = (field: string) => clientErrors[field] ?? serverErrors[field];
  const hasClientErrors = Object.keys(clientErrors).length > 0;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: Record<string, string[]> = {};
    if (!email.trim()) errors['email'] = [t('validation.required')];
    if (!password) errors['password'] = [t('validation.required')];
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      login.reset();
      focusFirstInvalid();
      return;
    }
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (auth) => onSuccess?.(auth.user),
        onError: focusFirstInvalid,
      },
    );
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={handleSubmit}>
      {hasClientErrors ? (
        <div role="alert" className="alert alert--error">
          {t('validation.fixErrors')}
        </div>
      ) : (
        <FormError error={login.error} shownFields={['email', 'password']} />
      )}
      <EmailField
        name="email"
        label={t('auth.email')}
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        errors={errorsFor('email')}
      />
      <CurrentPasswordField
        name="password"
        label={t('auth.password')}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        errors={errorsFor('password')}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={login.isPending}>
          {login.isPending ? t('auth.loggingIn') : t('auth.logIn')}
        </button>
      </div>
    </form>
  );
}
