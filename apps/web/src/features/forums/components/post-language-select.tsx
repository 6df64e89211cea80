import { POST_LANGUAGES, UI_LANGUAGES, type PostLanguage } from '@twinning/contracts';
import { useId } from 'react';
import { useI18n } from '../../../lib/i18n';

/** The interface language, which a new post or thread is written in unless the writer says otherwise. */
export function useDefaultPostLanguage(): PostLanguage {
  const { language } = useI18n();
  return (UI_LANGUAGES as readonly string[]).includes(language) ? language : 'und';
}

export interface PostLanguageSelectProps {
  value: PostLanguage;
  onChange: (language: PostLanguage) => void;
  errors?: string[];
}

/**
 * A small select for the language a post is written in: search finds other forms of its words
 * ("pilot", "pilots") in English, French, Spanish and Arabic.
 */
export function PostLanguageSelect({ value, onChange, errors }: PostLanguageSelectProps) {
  const { t, format, language } = useI18n();
  const id = useId();
  const options = POST_LANGUAGES.filter((code) => code !== 'und')
    .map((code) => ({ code, name: format.languageName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
  return (
    <div className="post-language">
      <label htmlFor={id}>{t('composer.language')}</label>
      <select
        id={id}
        name="language"
        value={value}
        aria-invalid={errors?.length ? true : undefined}
        onChange={(event) => onChange(event.target.value as PostLanguage)}
      >
        {options.map((option) => (
          <option key={option.code} value={option.code} lang={option.code}>
            {option.name}
          </option>
        ))}
        <option value="und">{t('composer.languageOther')}</option>
      </select>
      {errors?.length ? <p className="field__error">{errors.join(' ')}</p> : null}
    </div>
  );
}
