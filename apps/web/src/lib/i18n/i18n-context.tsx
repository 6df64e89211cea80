import type { UiLanguage } from '@twinning/contracts';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { createFormatters, type Formatters } from './formatters';
import {
  createTranslator,
  directionOf,
  isDictionaryComplete,
  loadDictionary,
  loadedDictionary,
  type Translate,
} from './i18n';
import { detectInitialLanguage, storeLanguage } from './language-storage';

export interface I18nContextValue {
  language: UiLanguage;
  /**
   * The language last asked for: `language` until a switch's dictionary arrives, the new one from the
   * moment it is asked for (the language picker shows it, so a second choice is not lost).
   */
  requestedLanguage: UiLanguage;
  dir: 'ltr' | 'rtl';
  t: Translate;
  format: Formatters;
  /** Time zone used to display dates; undefined means the browser's own. */
  timeZone: string | undefined;
  /**
   * Switches the interface language and remembers the choice on this device. The page keeps the
   * current language until the new one's dictionary has arrived, so no untranslated key shows.
   */
  setLanguage(language: UiLanguage): void;
  setTimeZone(timeZone: string | undefined): void;
  /** Fetches the rest of the language's dictionary if only its main part is loaded (see usePageShown). */
  completeDictionary(): void;
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
  // Bumped when a dictionary arrives (or fails to), so the translator is rebuilt.
  const [dictionaryTick, setDictionaryTick] = useState(0);
  const requested = useRef(language);
  const [requestedLanguage, setRequestedLanguage] = useState<UiLanguage>(language);
  const ready = loadedDictionary(language) !== undefined || dictionaryTick < 0;

  useLayoutEffect(() => {
    applyDocumentLanguage(language);
  }, [language]);

  // main.tsx loads the first dictionary (or its main part) before the first render; on any other
  // start this fetches the main part. The rest follows once the first page shows (completeDictionary).
  useEffect(() => {
    if (loadedDictionary(language)) return;
    let current = true;
    loadDictionary(language, 'main').then(
      () => current && setDictionaryTick((n) => Math.abs(n) + 1),
      // Offline: show what we can (English if loaded, else the keys) rather than nothing.
      () => current && setDictionaryTick(-1),
    );
    return () => {
      current = false;
    };
  }, [language]);

  const completeDictionary = useCallback(() => {
    if (isDictionaryComplete(language)) return;
    loadDictionary(language, 'all').then(
      () => setDictionaryTick((n) => Math.abs(n) + 1),
      () => undefined, // Offline: the page keeps the keys it has; the next page tries again.
    );
  }, [language]);

  const setLanguage = useCallback((next: UiLanguage) => {
    storeLanguage(next);
    requested.current = next;
    setRequestedLanguage(next);
    if (isDictionaryComplete(next)) {
      setLanguageState(next);
      return;
    }
    const apply = () => {
      if (requested.current === next) setLanguageState(next);
    };
    loadDictionary(next).then(apply, apply);
  }, []);

  const value = useMemo<I18nContextValue>(
    () => ({
      language,
      requestedLanguage,
      dir: directionOf(language),
      t: createTranslator(language),
      format: createFormatters(language, timeZone),
      timeZone,
      setLanguage,
      setTimeZone,
      completeDictionary,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- dictionaryTick: a dictionary arrived
    [language, requestedLanguage, timeZone, setLanguage, completeDictionary, dictionaryTick],
  );

  // Nothing rather than untranslated keys while the first dictionary is on its way.
  return <I18nContext.Provider value={value}>{ready ? children : null}</I18nContext.Provider>;
}

export function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/**
 * Called by every page once it is on screen: fetches the rest of the dictionary then (the first page
 * of a visit waits only for the main part).
 */
export function usePageShown(): void {
  const { completeDictionary } = useI18n();
  useEffect(() => completeDictionary(), [completeDictionary]);
}

export function useT(): Translate {
  return useI18n().t;
}

export function useFormat(): Formatters {
  return useI18n().format;
}
