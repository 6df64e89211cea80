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
 * Each language's dictionary is its own chunk, fetched when that language is first used: a visitor
 * downloads one dictionary, not four. Every dictionary holds every key (the `Dictionary` type), so
 * no English fallback has to be downloaded beside it.
 */
const DICTIONARY_LOADERS: Readonly<Record<UiLanguage, () => Promise<Dictionary>>> = {
  en: () => import('../../locales/en/translation').then((m) => m.en),
  fr: () => import('../../locales/fr/translation').then((m) => m.fr),
  es: () => import('../../locales/es/translation').then((m) => m.es),
  ar: () => import('../../locales/ar/translation').then((m) => m.ar),
};

const loadedDictionaries: Partial<Record<UiLanguage, Dictionary>> = {};
const pendingDictionaries: Partial<Record<UiLanguage, Promise<Dictionary>>> = {};

/** The language's dictionary if it has been loaded (translators need it synchronously). */
export function loadedDictionary(language: UiLanguage): Dictionary | undefined {
  return loadedDictionaries[language];
}

/** Fetches the language's dictionary once; later calls share the same promise. A failed fetch may be retried. */
export function loadDictionary(language: UiLanguage): Promise<Dictionary> {
  const loaded = loadedDictionaries[language];
  if (loaded) return Promise.resolve(loaded);
  const pending =
    pendingDictionaries[language] ??
    DICTIONARY_LOADERS[language]().then(
      (dictionary) => {
        loadedDictionaries[language] = dictionary;
        return dictionary;
      },
      (error: unknown) => {
        delete pendingDictionaries[language];
        throw error;
      },
    );
  pendingDictionaries[language] = pending;
  return pending;
}

/** Makes a dictionary available synchronously (unit tests preload all four this way). */
export function registerDictionary(language: UiLanguage, dictionary: Dictionary): void {
  loadedDictionaries[language] = dictionary;
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
