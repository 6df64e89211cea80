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
});
