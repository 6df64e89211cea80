import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/** Letters that need the Arabic font (Arabic, its supplements and presentation forms, Syriac-adjacent blocks). */
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
/** Korean letters: Hangul syllables, jamo (conjoining, compatibility, half-width) and enclosed Hangul. */
const HANGUL = /\p{Script=Hangul}/u;
/**
 * Chinese characters (Han, traditional and simplified), Japanese kana, Bopomofo, and the CJK punctuation,
 * symbols and full-width forms drawn with them (U+3000–U+33FF, U+FE30–U+FE4F, U+FF00–U+FFEF).
 */
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u33FF\uFE30-\uFE4F\uFF00-\uFFEF]/u;
const STRONG_OR_NUMBER = /[\p{L}\p{N}\p{M}]/u;
const MARK = /\p{M}/u;

/**
 * The font a line's piece is drawn in: Noto Sans (Latin, with Vietnamese), Noto Sans Arabic, Noto Sans SC
 * (Han, kana, CJK punctuation) or Noto Sans KR (Hangul).
 */
export type RunScript = 'arabic' | 'latin' | 'cjk' | 'hangul';

/** The script of one character; `previous` is the script of the character before it, if any. */
function scriptOf(ch: string, previous: RunScript | null): RunScript {
  if (HANGUL.test(ch)) return 'hangul';
  if (CJK.test(ch)) return 'cjk';
  if (ARABIC.test(ch)) return 'arabic';
  // Combining marks and variation selectors stay in the font of the letter they belong to.
  if (previous && MARK.test(ch)) return previous;
  // Spaces and punctuation stay inside an Arabic run (shaped and reversed with it). After Chinese or
  // Korean they go back to Noto Sans, which has every Latin punctuation mark.
  if (previous === 'arabic' && !STRONG_OR_NUMBER.test(ch)) return 'arabic';
  return 'latin';
}

/** A piece of a line to draw left to right, in one font and one direction. */
export interface VisualRun {
  /** The run's text in logical order (a right-to-left run is drawn by the shaper, which reverses it). */
  text: string;
  script: RunScript;
  rtl: boolean;
}

/**
 * Splits one line into runs in visual (left-to-right) order with the Unicode Bidirectional Algorithm
 * (bidi-js; paragraph direction from the first strong letter). Runs change where the embedding level
 * or the font changes; spaces and punctuation stay with the letters before them.
 */
export function visualRuns(text: string): VisualRun[] {
  if (!text) return [];
  const { levels } = bidi.getEmbeddingLevels(text);
  const runs: (VisualRun & { level: number })[] = [];
  let previous: RunScript | null = null;
  // bidi-js levels are per UTF-16 code unit; a character outside the BMP (CJK Extension B…) takes the
  // level of its first unit and stays whole.
  for (let i = 0; i < text.length;) {
    const ch = String.fromCodePoint(text.codePointAt(i) ?? 0);
    const script = scriptOf(ch, previous);
    previous = script;
    const level = levels[i];
    i += ch.length;
    const last = runs[runs.length - 1];
    if (last && last.level === level && last.script === script) last.text += ch;
    else runs.push({ text: ch, script, rtl: level % 2 === 1, level });
  }
  // Rule L2: from the highest level down to the lowest odd one, reverse every sequence at that level or higher.
  const highest = Math.max(...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => (r.level % 2 === 1 ? r.level : r.level + 1)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < runs.length;) {
      if (runs[i].level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && runs[j].level >= level) j++;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  return runs.map(({ text: t, script, rtl }) => ({ text: t, script, rtl }));
}

/**
 * A right-to-left run split at spaces, words in visual (left-to-right) order, each still in logical order
 * for the shaper. (pdfkit lays out a string word by word from the left, so whole RTL runs would come out
 * with their words in reading order from the left.)
 */
export function rtlPieces(text: string): string[] {
  return text
    .split(/(\s+)/)
    .filter((piece) => piece !== '')
    .reverse();
}
