import { RTL_LANGUAGES, UI_LANGUAGES, type UiLanguage } from '@twinning/contracts';
// Types only: the dictionaries themselves load on demand, one chunk per language (see loadDictionary).
import type { en } from '../../locales/en/translation';

/** A message that depends on a count. `other` is required; the rest follow `Intl.PluralRules` categories. */
export type PluralMessage = { readonly other: string } & {
  readonly [C in Exclude<Intl.LDMLPluralRule, 'other'>]?: string;
};
export type Message = string | PluralMessage;

type English = typeof en;

/** Every translation key. English is the source of truth: other languages must define exactly these keys. */
export type MessageKey = keyof English;

/** Keys whose English message is a plural message; they require a `count` variable. */
export type PluralKey = { [K in MessageKey]: English[K] extends string ? never : K }[MessageKey];

/** The shape every dictionary must have: a missing or unknown key is a type error. */
export type Dictionary = {
  readonly [K in MessageKey]: English[K] extends string ? string : PluralMessage;
};

export type TranslationVars = Readonly<Record<string, string | number>>;

export type TranslateArgs<K extends MessageKey> = K extends PluralKey
  ? [vars: TranslationVars & { readonly count: number }]
  : [vars?: TranslationVars];

export type Translate = <K extends MessageKey>(key: K, ...args: TranslateArgs<K>) => string;

/**
 * Each language's dictionary comes in two chunks, fetched when that language is first used: "main"
 * (everything the header, the home, sign-in and most pages need) and "extra" (the study-visit,
 * workshop, live-room, training, course and certificate pages' keys). A visitor downloads one language, not four, and the first
 * page waits for its main part only. Every dictionary holds every key (the `Dictionary` type), so no
 * English fallback has to be downloaded beside it. The parts are cut by the build from the locale
 * files (apps/web/vite.config.mts, dictionaryParts).
 */
export type DictionaryPart = 'main' | 'extra';
type PartModule = Promise<{ default: Readonly<Record<string, Message>> }>;

const DICTIONARY_LOADERS: Readonly<Record<UiLanguage, Readonly<Record<DictionaryPart, () => PartModule>>>> = {
  en: { main: () => import('virtual:dictionary/en/main'), extra: () => import('virtual:dictionary/en/extra') },
  fr: { main: () => import('virtual:dictionary/fr/main'), extra: () => import('virtual:dictionary/fr/extra') },
  es: { main: () => import('virtual:dictionary/es/main'), extra: () => import('virtual:dictionary/es/extra') },
  ar: { main: () => import('virtual:dictionary/ar/main'), extra: () => import('virtual:dictionary/ar/extra') },
};

/** The messages loaded so far per language, and which parts they hold. */
const loadedDictionaries: Partial<Record<UiLanguage, Record<string, Message>>> = {};
const loadedParts: Partial<Record<UiLanguage, Set<DictionaryPart>>> = {};
const pendingParts = new Map<string, Promise<void>>();

/** The language's messages loaded so far (at least its main part), if any (translators need them synchronously). */
export function loadedDictionary(language: UiLanguage): Readonly<Record<string, Message>> | undefined {
  return loadedDictionaries[language];
}

/** Whether both parts of the language's dictionary are loaded. */
export function isDictionaryComplete(language: UiLanguage): boolean {
  return loadedParts[language]?.size === 2;
}

function loadPart(language: UiLanguage, part: DictionaryPart): Promise<void> {
  if (loadedParts[language]?.has(part)) return Promise.resolve();
  const key = `${language}/${part}`;
  let pending = pendingParts.get(key);
  if (!pending) {
    pending = DICTIONARY_LOADERS[language][part]().then(
      ({ default: messages }) => {
        pendingParts.delete(key);
        loadedDictionaries[language] = { ...loadedDictionaries[language], ...messages };
        (loadedParts[language] ??= new Set()).add(part);
      },
      (error: unknown) => {
        pendingParts.delete(key); // a failed fetch may be retried
        throw error;
      },
    );
    pendingParts.set(key, pending);
  }
  return pending;
}

/**
 * Fetches the language's dictionary (its main part only, or all of it) once; later calls share the
 * same requests.
 */
export function loadDictionary(language: UiLanguage, parts: 'main' | 'all' = 'all'): Promise<void> {
  return parts === 'main'
    ? loadPart(language, 'main')
    : Promise.all([loadPart(language, 'main'), loadPart(language, 'extra')]).then(() => undefined);
}

/** Makes a whole dictionary available synchronously (unit tests preload all four this way). */
export function registerDictionary(language: UiLanguage, dictionary: Dictionary): void {
  loadedDictionaries[language] = { ...dictionary };
  loadedParts[language] = new Set(['main', 'extra']);
}

/** Names of the interface languages, each written in its own language. */
export const LANGUAGE_NATIVE_NAMES: Readonly<Record<UiLanguage, string>> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
};

export const DEFAULT_LANGUAGE: UiLanguage = 'en';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(language: UiLanguage): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
}

/**
 * A left-to-right value (an email address, a URL) set inside right-to-left text: wrapped in Unicode
 * isolates (LRI … PDI) so that its dots and @ stay in place and the sentence around it keeps its order.
 * Left-to-right languages get the value unchanged.
 */
export function isolateLtr(value: string, language: UiLanguage): string {
  return directionOf(language) === 'rtl' ? `\u2066${value}\u2069` : value;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** Replaces `{name}` placeholders; numbers are formatted for the language. Unknown placeholders stay as they are. */
export function interpolate(
  template: string,
  vars: TranslationVars | undefined,
  numberFormat: Intl.NumberFormat,
): string {
  if (!vars) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numberFormat.format(value) : value;
  });
}

/**
 * Builds the `t` function for one language from its loaded dictionary (English if that one is not
 * loaded, the key itself if neither is: load the dictionary first, see loadDictionary).
 */
export function createTranslator(language: UiLanguage): Translate {
  const dictionary: Readonly<Record<string, Message>> = loadedDictionaries[language] ?? {};
  const fallback: Readonly<Record<string, Message>> = loadedDictionaries[DEFAULT_LANGUAGE] ?? {};
  const plurals = new Intl.PluralRules(language);
  const numbers = new Intl.NumberFormat(language);

  return (key, ...args) => {
    const vars: TranslationVars | undefined = args[0];
    const message = dictionary[key] ?? fallback[key] ?? key;
    if (typeof message === 'string') return interpolate(message, vars, numbers);
    const count = typeof vars?.count === 'number' ? vars.count : 0;
    const category = plurals.select(count);
    const template = message[category] ?? message.other;
    return interpolate(template, vars, numbers);
  };
}
