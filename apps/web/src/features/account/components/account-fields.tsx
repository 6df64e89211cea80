import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@twinning/contracts';
import { TextField, type TextFieldProps } from '../../../components/form-field';
import { useT } from '../../../lib/i18n';

type AccountFieldProps = Omit<TextFieldProps, 'type' | 'autoComplete' | 'required'>;

/** A required email address: the address keyboard, no spell checking, filled from the browser's autofill. */
export function EmailField(props: AccountFieldProps) {
  return <TextField type="email" autoComplete="email" inputMode="email" spellCheck={false} required {...props} />;
}

/** The password the user signs in with now (sign in, confirming a change). */
export function CurrentPasswordField(props: AccountFieldProps) {
  return <TextField type="password" autoComplete="current-password" required {...props} />;
}

/** A password being chosen: the length limits, stated in the field's hint. */
export function NewPasswordField(props: Omit<AccountFieldProps, 'minLength' | 'maxLength' | 'hint'>) {
  const t = useT();
  return (
    <TextField
      type="password"
      autoComplete="new-password"
      required
      minLength={PASSWORD_MIN_LENGTH}
      maxLength={PASSWORD_MAX_LENGTH}
      hint={t('auth.passwordHint', { min: PASSWORD_MIN_LENGTH })}
      {...props}
    />
  );
}
