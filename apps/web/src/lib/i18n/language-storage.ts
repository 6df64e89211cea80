import type { UiLanguage } from '@twinning/contracts';
import { DEFAULT_LANGUAGE, isUiLanguage } from './i18n';

export const LANGUAGE_STORAGE_KEY = 'twinning.language';

export function readStoredLanguage(): UiLanguage | null {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isUiLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLanguage(language: UiLanguage): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage may be disabled (private mode, quota); the choice then lasts for this visit only.
  }
}

/** The stored choice, else the first browser language we support, else English. */
export function detectInitialLanguage(): UiLanguage {
  const stored = readStoredLanguage();
  if (stored) return stored;
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of preferred) {
    const primary = tag?.split('-')[0]?.toLowerCase();
    if (isUiLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}
