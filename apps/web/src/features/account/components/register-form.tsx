import { DISPLAY_NAME_MAX_LENGTH, PASSWORD_MIN_LENGTH, type FieldErrors } from '@twinning/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { TextField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { browserTimeZone } from '../../../lib/time-zones';
import { useRegister } from '../api/register';
import { CheckYourMail } from './check-your-mail';
import { EmailField, NewPasswordField } from './account-fields';

export interface RegisterFormProps {
  onSuccess?: (email: string) => void;
}

/** Creates an account; no session opens: the form gives way to "check your mail". */
export function RegisterForm({ onSuccess }: RegisterFormProps) {
  const { t, language } = useI18n();
  const registration = useRegister();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [sentTo, setSentTo] = useState<string | null>(null);

  const serverErrors = localizedFieldErrors(registration.error, t, language);
  const errorsFor = (field: string) => clientErrors[field] ?? serverErrors[field];
  const hasClientErrors = Object.keys(clientErrors).length > 0;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: Record<string, string[]> = {};
    if (!displayName.trim()) errors['displayName'] = [t('validation.required')];
    if (!email.trim()) errors['email'] = [t('validation.required')];
    if (password.length < PASSWORD_MIN_LENGTH) {
      errors['password'] = [t('validation.passwordLength', { min: PASSWORD_MIN_LENGTH })];
    }
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      registration.reset();
      focusFirstInvalid();
      return;
    }
    registration.mutate(
      {
        displayName: displayName.trim(),
        email: email.trim(),
        password,
        preferredLanguage: language,
        timeZone: browserTimeZone(),
      },
      {
        onSuccess: () => {
          setSentTo(email.trim());
          onSuccess?.(email.trim());
        },
        onError: focusFirstInvalid,
      },
    );
  }

  if (sentTo) return <CheckYourMail email={sentTo} />;
  return (
    <form ref={formRef} className="form" noValidate onSubmit={handleSubmit}>
      {hasClientErrors ? (
        <div role="alert" className="alert alert--error">
          {t('validation.fixErrors')}
        </div>
      ) : (
        <FormError error={registration.error} shownFields={['displayName', 'email', 'password']} />
      )}
      <TextField
        name="displayName"
        autoComplete="name"
        required
        maxLength={DISPLAY_NAME_MAX_LENGTH}
        label={t('auth.displayName')}
        hint={t('auth.displayNameHint')}
        value={displayName}
        onChange={(event) => setDisplayName(event.target.value)}
        errors={errorsFor('displayName')}
      />
      <EmailField
        name="email"
        label={t('auth.email')}
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        errors={errorsFor('email')}
      />
      <NewPasswordField
        name="password"
        label={t('auth.password')}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        errors={errorsFor('password')}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={registration.isPending}>
          {registration.isPending ? t('auth.registering') : t('auth.createAccount')}
        </button>
      </div>
    </form>
  );
}
