import { UI_LANGUAGES, type UiLanguage } from './domain';

/**
 * The interface language an `Accept-Language` header asks for: ranges sorted by their q-value (ties keep
 * their order), the first whose primary subtag is one of ours wins (`fr-CA` → fr); `*` means the default.
 * Anything else, or nothing, gives English.
 */
export function negotiateUiLanguage(header: string | readonly string[] | null | undefined): UiLanguage {
  const value = Array.isArray(header) ? header.join(',') : (header as string | null | undefined);
  if (!value) return 'en';
  const ranges = value
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      let q = 1;
      for (const param of params) {
        const match = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(param);
        if (match) q = Number(match[1]);
      }
      return { tag: tag.trim().toLowerCase(), q, index };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === '*') return 'en';
    const primary = tag.split('-')[0];
    const found = UI_LANGUAGES.find((l) => l === primary);
    if (found) return found;
  }
  return 'en';
}
