/**
 * Generated avatars: initials on a colour chosen by a stable hash of the user id. Every colour in
 * the palette carries white text at a contrast of at least 4.5:1 (WCAG AA for normal text).
 */
export const AVATAR_PALETTE = [
  '#1d4ed8',
  '#0f766e',
  '#b91c1c',
  '#7e22ce',
  '#a16207',
  '#15803d',
  '#be185d',
  '#4338ca',
  '#0e7490',
  '#c2410c',
  '#4d7c0f',
  '#6d28d9',
  '#9f1239',
  '#1e40af',
  '#047857',
  '#86198f',
] as const;

export const AVATAR_TEXT_COLOR = '#ffffff';

/** FNV-1a over the id's UTF-16 code units: the same id always gives the same colour. */
export function hashOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function avatarColor(userId: string): string {
  return AVATAR_PALETTE[hashOf(userId) % AVATAR_PALETTE.length];
}

function graphemes(text: string): string[] {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    return Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);
  }
  return Array.from(text);
}

/** Scripts without letter case, whose letters join or stand for syllables: one initial reads best. */
const ONE_INITIAL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/;

/**
 * "Ana Souza" → "AS"; "zaid al-amin" → "ZA"; "زيد العمري" → "ز" (Arabic letters would join into
 * one shape, so one letter); "" → "?".
 */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/[\s\u00A0]+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return '?';
  const first = graphemes(words[0].replace(/^[^\p{L}\p{N}]+/u, ''))[0] ?? '?';
  if (ONE_INITIAL.test(first) || words.length === 1) return first.toLocaleUpperCase();
  const last = graphemes(words[words.length - 1].replace(/^[^\p{L}\p{N}]+/u, ''))[0] ?? '';
  if (ONE_INITIAL.test(last)) return first.toLocaleUpperCase();
  return `${first}${last}`.toLocaleUpperCase();
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of "#rrggbb". */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio of two "#rrggbb" colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
