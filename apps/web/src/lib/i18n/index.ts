export {
  createTranslator,
  isDictionaryComplete,
  loadDictionary,
  loadedDictionary,
  registerDictionary,
  directionOf,
  isolateLtr,
  isUiLanguage,
  LANGUAGE_NATIVE_NAMES,
  DEFAULT_LANGUAGE,
  type Dictionary,
  type MessageKey,
  type PluralMessage,
  type Translate,
  type TranslationVars,
} from './i18n';
export { createDurationFormat, createFormatters, type DurationStyle, type Formatters } from './formatters';
export {
  applyDocumentLanguage,
  I18nProvider,
  useFormat,
  useI18n,
  usePageShown,
  useT,
  type I18nContextValue,
} from './i18n-context';
export { detectInitialLanguage, LANGUAGE_STORAGE_KEY, storeLanguage } from './language-storage';
