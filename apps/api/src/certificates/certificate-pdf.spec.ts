import PDFDocument from 'pdfkit';
import { visualRuns } from './bidi-runs';
import { fontFiles } from './certificate-pdf';

/** The glyph ids the font of each run draws for a line (after shaping), with the run's text. */
function drawnGlyphs(text: string, weight: 'regular' | 'bold'): { text: string; ids: number[] }[] {
  const files = fontFiles();
  const doc = new PDFDocument();
  return visualRuns(text).map((run) => {
    doc.font(files[run.script][weight]);
    const font = (doc as unknown as { _font: { layout(t: string): { glyphs: { id: number }[] } } })._font;
    return { text: run.text, ids: font.layout(run.text).glyphs.map((g) => g.id) };
  });
}

describe('certificate fonts', () => {
  // pdfkit draws a character its font lacks as glyph 0 (.notdef, an empty box) and still maps it to the
  // character in the PDF's text, so extracting the text cannot tell: the glyphs themselves are checked.
  it.each([
    'Nguyễn Thị Minh Khai',
    'فاطمة الزهراء بن علي',
    '陈美玲',
    '陳美玲', // traditional characters
    'Nguyễn 陈 محمد',
    '김민준',
    'やまだ はなこ（山田花子）',
    'ヤマダ・ハナコー',
    '王芳、李娜。',
  ])('have a glyph for every character of %s, in both weights', (name) => {
    for (const weight of ['regular', 'bold'] as const) {
      for (const run of drawnGlyphs(name, weight)) {
        expect({ run: run.text, missing: run.ids.includes(0) }).toEqual({ run: run.text, missing: false });
      }
    }
  });

  it('do not have Hangul in the Chinese font nor every Han ideograph in the Korean one (hence both)', () => {
    const files = fontFiles();
    const doc = new PDFDocument();
    const glyph = (file: string, text: string) => {
      doc.font(file);
      return (doc as unknown as { _font: { layout(t: string): { glyphs: { id: number }[] } } })._font.layout(text)
        .glyphs[0].id;
    };
    expect(glyph(files.cjk.regular, '김')).toBe(0);
    expect(glyph(files.hangul.regular, '陈')).toBe(0);
  });
});
