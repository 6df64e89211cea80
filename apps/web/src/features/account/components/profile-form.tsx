import {
  DISPLAY_NAME_MAX_LENGTH,
  UI_LANGUAGES,
  type FieldErrors,
  type MeDto,
  type UiLanguage,
  type WorkLanguage,
} from '@twinning/contracts';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { SelectField, TextField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { StatusMessage } from '../../../components/status-message';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { isUiLanguage, LANGUAGE_NATIVE_NAMES, useI18n, useT } from '../../../lib/i18n';
import { listTimeZones } from '../../../lib/time-zones';
import { useUpdateMe } from '../api/update-me';
import { WorkLanguagesField } from './work-languages-field';

export interface ProfileFormProps {
  user: MeDto;
}

/** Edits the display name, preferred language, time zone and working languages. Mount with `key={user.id}`. */
export function ProfileForm({ user }: ProfileFormProps) {
  const t = useT();
  const { language } = useI18n();
  const update = useUpdateMe();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [preferredLanguage, setPreferredLanguage] = useState<UiLanguage>(user.preferredLanguage);
  const [timeZone, setTimeZone] = useState(user.timeZone);
  const [languages, setLanguages] = useState<WorkLanguage[]>(user.languages ?? []);
  // The header's language picker also saves the preferred language: follow it, or saving this form
  // later would send the stale choice back.
  const [languageSeen, setLanguageSeen] = useState<UiLanguage>(user.preferredLanguage);
  if (user.preferredLanguage !== languageSeen) {
    setLanguageSeen(user.preferredLanguage);
    setPreferredLanguage(user.preferredLanguage);
  }
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const timeZones = useMemo(() => listTimeZones(user.timeZone), [user.timeZone]);

  const serverErrors = localizedFieldErrors(update.error, t, language);
  const errorsFor = (field: string) => clientErrors[field] ?? serverErrors[field];
  const hasClientErrors = Object.keys(clientErrors).length > 0;

  function edited() {
    setSaved(false);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const errors: Record<string, string[]> = {};
    if (!displayName.trim()) errors['displayName'] = [t('validation.required')];
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      update.reset();
      focusFirstInvalid();
      return;
    }
    update.mutate(
      { displayName: displayName.trim(), preferredLanguage, timeZone, languages },
      { onSuccess: () => setSaved(true), onError: focusFirstInvalid },
    );
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={handleSubmit}>
      {hasClientErrors ? (
        <div role="alert" className="alert alert--error">
          {t('validation.fixErrors')}
        </div>
      ) : (
        <FormError error={update.error} shownFields={['displayName', 'preferredLanguage', 'timeZone', 'languages']} />
      )}
      <TextField
        name="displayName"
        autoComplete="name"
        required
        maxLength={DISPLAY_NAME_MAX_LENGTH}
        label={t('auth.displayName')}
        value={displayName}
        onChange={(event) => {
          setDisplayName(event.target.value);
          edited();
        }}
        errors={errorsFor('displayName')}
      />
      <SelectField
        name="preferredLanguage"
        label={t('profile.preferredLanguage')}
        hint={t('profile.preferredLanguageHint')}
        value={preferredLanguage}
        onChange={(event) => {
          if (isUiLanguage(event.target.value)) setPreferredLanguage(event.target.value);
          edited();
        }}
        errors={errorsFor('preferredLanguage')}
      >
        {UI_LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NATIVE_NAMES[code]}
          </option>
        ))}
      </SelectField>
      <SelectField
        name="timeZone"
        label={t('profile.timeZone')}
        hint={t('profile.timeZoneHint')}
        value={timeZone}
        onChange={(event) => {
          setTimeZone(event.target.value);
          edited();
        }}
        errors={errorsFor('timeZone')}
      >
        {timeZones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll('_', ' ')}
          </option>
        ))}
      </SelectField>
      <WorkLanguagesField
        value={languages}
        onChange={(next) => {
          setLanguages(next);
          edited();
        }}
        errors={errorsFor('languages')}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('profile.save')}
        </button>
      </div>
      <StatusMessage className="status--success">{saved ? t('profile.saved') : null}</StatusMessage>
    </form>
  );
}
