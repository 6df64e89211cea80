import { UI_LANGUAGES } from '@twinning/contracts';
import { useSession, useUpdateMe } from '../../features/account';
import { isUiLanguage, LANGUAGE_NATIVE_NAMES, useI18n } from '../../lib/i18n';

/**
 * Switches the interface language. The choice is kept on this device and, when signed in, saved as the
 * profile's preferred language. In the bar (signed out) its label is hidden; the select shows the language.
 */
export function LanguagePicker({ hideLabel = false }: { hideLabel?: boolean }) {
  const { t, requestedLanguage, setLanguage } = useI18n();
  const { user } = useSession();
  const updateMe = useUpdateMe();

  return (
    <div className="language-picker">
      <label htmlFor="language-picker" className={hideLabel ? 'visually-hidden' : undefined}>
        {t('nav.language')}
      </label>
      <select
        id="language-picker"
        name="language"
        value={requestedLanguage}
        onChange={(event) => {
          const next = event.target.value;
          if (!isUiLanguage(next)) return;
          setLanguage(next);
          if (user && user.preferredLanguage !== next) {
            updateMe.mutate({ preferredLanguage: next });
          }
        }}
      >
        {UI_LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NATIVE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
