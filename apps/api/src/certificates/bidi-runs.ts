import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/** Letters that need the Arabic font (Arabic, its supplements and presentation forms, Syriac-adjacent blocks). */
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const STRONG_OR_NUMBER = /[\p{L}\p{N}\p{M}]/u;

export type RunScript = 'arabic' | 'latin';

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
  let previousArabic = false;
  // Iterate by UTF-16 index: bidi-js levels are per code unit.
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const arabic: boolean = ARABIC.test(ch) || (!STRONG_OR_NUMBER.test(ch) && previousArabic);
    previousArabic = arabic;
    const level = levels[i];
    const script: RunScript = arabic ? 'arabic' : 'latin';
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
