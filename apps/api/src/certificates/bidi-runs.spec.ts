import { rtlPieces, visualRuns } from './bidi-runs';

describe('visualRuns', () => {
  it('keeps left-to-right text as one Latin run', () => {
    expect(visualRuns('Nguyễn Thị Minh Khai')).toEqual([{ text: 'Nguyễn Thị Minh Khai', script: 'latin', rtl: false }]);
  });

  it('keeps an Arabic name as one right-to-left run, spaces included', () => {
    expect(visualRuns('محمد بن علي')).toEqual([{ text: 'محمد بن علي', script: 'arabic', rtl: true }]);
  });

  it('orders mixed runs visually in a right-to-left paragraph', () => {
    const runs = visualRuns('فاطمة الزهراء (Fatima)');
    expect(runs.map((r) => r.script)).toContain('latin');
    // The paragraph is right to left: the Arabic run, first in logical order, is drawn last (rightmost).
    expect(runs[runs.length - 1]).toMatchObject({ script: 'arabic', rtl: true });
    expect(runs.find((r) => r.text.includes('Fatima'))).toMatchObject({ rtl: false });
  });

  it('puts an Arabic name inside English text in its place, words reversed for drawing', () => {
    const runs = visualRuns('Issued to محمد بن علي today');
    expect(runs[0]).toMatchObject({ script: 'latin', rtl: false });
    expect(runs[1]).toMatchObject({ script: 'arabic', rtl: true });
    expect(rtlPieces('محمد بن علي')).toEqual(['علي', ' ', 'بن', ' ', 'محمد']);
  });

  it('draws a Chinese name in the CJK font', () => {
    expect(visualRuns('陈美玲')).toEqual([{ text: '陈美玲', script: 'cjk', rtl: false }]);
  });

  it('keeps Japanese kana, kanji, the long vowel mark and CJK punctuation in one CJK run', () => {
    expect(visualRuns('やまだ・ハナコー「山田」')).toEqual([
      { text: 'やまだ・ハナコー「山田」', script: 'cjk', rtl: false },
    ]);
  });

  it('draws Hangul in the Korean font and Han next to it in the CJK font', () => {
    expect(visualRuns('김민준 金')).toEqual([
      { text: '김민준', script: 'hangul', rtl: false },
      { text: ' ', script: 'latin', rtl: false },
      { text: '金', script: 'cjk', rtl: false },
    ]);
  });

  it('splits a Vietnamese, Chinese and Arabic name into runs in visual order', () => {
    // Left-to-right paragraph (first strong letter is Latin): the runs stay in logical order.
    expect(visualRuns('Nguyễn 陈 محمد')).toEqual([
      { text: 'Nguyễn ', script: 'latin', rtl: false },
      { text: '陈', script: 'cjk', rtl: false },
      { text: ' ', script: 'latin', rtl: false },
      { text: 'محمد', script: 'arabic', rtl: true },
    ]);
  });

  it('puts a Chinese name at its place in a right-to-left paragraph', () => {
    const runs = visualRuns('محمد 陈美玲');
    // Right to left: the Arabic name, first in logical order, is drawn rightmost.
    expect(runs[0]).toEqual({ text: '陈美玲', script: 'cjk', rtl: false });
    expect(runs[runs.length - 1]).toMatchObject({ text: expect.stringContaining('محمد'), script: 'arabic', rtl: true });
  });

  it('keeps a character outside the BMP (two UTF-16 units) and its variation selector whole', () => {
    const name = '\u{20BB7}\u{E0100}田'; // 𠮷 (CJK Extension B) with an ideographic variation selector
    expect(visualRuns(name)).toEqual([{ text: name, script: 'cjk', rtl: false }]);
  });

  it('leaves full-width forms to the CJK font and half-width Hangul to the Korean one', () => {
    expect(visualRuns('（陈）ﾡ').map((r) => [r.text, r.script])).toEqual([
      ['（陈）', 'cjk'],
      ['ﾡ', 'hangul'],
    ]);
  });
});
