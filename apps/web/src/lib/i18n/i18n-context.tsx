import type { UiLanguage } from '@twinning/contracts';
import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { createFormatters, type Formatters } from './formatters';
import { createTranslator, directionOf, type Translate } from './i18n';
import { detectInitialLanguage, storeLanguage } from './language-storage';

export interface I18nContextValue {
  language: UiLanguage;
  dir: 'ltr' | 'rtl';
  t: Translate;
  format: Formatters;
  /** Time zone used to display dates; undefined means the browser's own. */
  timeZone: string | undefined;
  /** Switches the interface language and remembers the choice on this device. */
  setLanguage(language: UiLanguage): void;
  setTimeZone(timeZone: string | undefined): void;
}

const I18nContext = createContext<I18nContextValue | null>(null);

/** Sets `lang` and `dir` on `<html>` so assistive technology and the layout follow the language. */
export function applyDocumentLanguage(language: UiLanguage): void {
  const root = document.documentElement;
  root.lang = language;
  root.dir = directionOf(language);
}

export interface I18nProviderProps {
  children: ReactNode;
  /** Initial language; by default the stored choice or the browser's language. */
  initialLanguage?: UiLanguage;
}

export function I18nProvider({ children, initialLanguage }: I18nProviderProps) {
  const [language, setLanguageState] = useState<UiLanguage>(() => initialLanguage ?? detectInitialLanguage());
  const [timeZone, setTimeZone] = useState<string | undefined>(undefined);

  useLayoutEffect(() => {
    applyDocumentLanguage(language);
  }, [language]);

  const setLanguage = useCallback((next: UiLanguage) => {
    storeLanguage(next);
    setLanguageState(next);
  }, []);

  const value = useMemo<I18nContextValue>(
    () => ({
      language,
      dir: directionOf(language),
      t: createTranslator(language),
      format: createFormatters(language, timeZone),
      timeZone,
      setLanguage,
      setTimeZone,
    }),
    [language, timeZone, setLanguage],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}

export function useFormat(): Formatters {
  return useI18n().format;
}
