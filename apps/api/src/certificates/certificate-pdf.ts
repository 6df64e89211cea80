import type { CertificateFacts } from '@twinning/contracts';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { rtlPieces, visualRuns, type RunScript } from './bidi-runs';

type Doc = InstanceType<typeof PDFDocument>;
type Weight = 'regular' | 'bold';

/**
 * TrueType Noto fonts shipped in npm packages: Latin (with Vietnamese), Arabic, Simplified Chinese (all
 * unified Han ideographs, traditional ones too, with Japanese kana) and Korean (Hangul). A font is read
 * only when a line needs it, and embedded as a subset of the glyphs drawn.
 */
export function fontFiles(): Record<RunScript, Record<Weight, string>> {
  const dir = (pkg: string) => path.dirname(require.resolve(`${pkg}/package.json`));
  const sans = dir('@expo-google-fonts/noto-sans');
  const arabic = dir('@expo-google-fonts/noto-sans-arabic');
  const chinese = dir('@expo-google-fonts/noto-sans-sc');
  const korean = dir('@expo-google-fonts/noto-sans-kr');
  return {
    latin: {
      regular: path.join(sans, '400Regular', 'NotoSans_400Regular.ttf'),
      bold: path.join(sans, '700Bold', 'NotoSans_700Bold.ttf'),
    },
    arabic: {
      regular: path.join(arabic, '400Regular', 'NotoSansArabic_400Regular.ttf'),
      bold: path.join(arabic, '700Bold', 'NotoSansArabic_700Bold.ttf'),
    },
    cjk: {
      regular: path.join(chinese, '400Regular', 'NotoSansSC_400Regular.ttf'),
      bold: path.join(chinese, '700Bold', 'NotoSansSC_700Bold.ttf'),
    },
    hangul: {
      regular: path.join(korean, '400Regular', 'NotoSansKR_400Regular.ttf'),
      bold: path.join(korean, '700Bold', 'NotoSansKR_700Bold.ttf'),
    },
  };
}

let fonts: ReturnType<typeof fontFiles> | null = null;

const fontName = (script: RunScript, weight: Weight) => `${script}-${weight}`;

/** The parts of pdfkit's (0.20) embedded font that `uniqueGlyphTexts` replaces. */
interface EmbeddedFont {
  layout(
    text: string,
    features?: unknown,
  ): { glyphs: { id: number; codePoints: number[]; advanceWidth: number }[]; positions: unknown[] };
  encode(text: string, features?: unknown): [string[], unknown[]];
  subset: { glyphs: number[]; includeGlyph(id: number): number };
  /** The fontkit font. */
  font: { getGlyph(id: number, codePoints?: number[]): { codePoints: number[] } };
  widths: number[];
  unicode: number[][];
  scale: number;
}

/**
 * pdfkit gives each embedded glyph one text in the font's ToUnicode map: the first it drew. Noto draws
 * several letters from one glyph (Arabic letters as a shared skeleton under their dots, "ị" as "i" over a
 * dot below), so copied or extracted text would change letters (ر read as ز, Minh as Mịnh). Here a glyph
 * keeps the letters it was drawn for (fontkit caches one glyph object per id, with the first letters it
 * met), and a glyph drawn for other letters is embedded again under a new id with its own text.
 */
function uniqueGlyphTexts(font: EmbeddedFont): void {
  const getGlyph = font.font.getGlyph.bind(font.font);
  font.font.getGlyph = (id, codePoints = []) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph.codePoints.join(',') === codePoints.join(',')) return glyph;
    return Object.create(glyph, { codePoints: { value: codePoints } }) as typeof glyph;
  };
  const ids = new Map<string, number>();
  font.encode = (text, features) => {
    const { glyphs, positions } = font.layout(text, features);
    const encoded = glyphs.map((glyph) => {
      const key = `${glyph.id}:${glyph.codePoints.join(',')}`;
      let gid = ids.get(key);
      if (gid === undefined) {
        gid = font.subset.includeGlyph(glyph.id);
        const existing = font.unicode[gid];
        if (existing && existing.join(',') !== glyph.codePoints.join(',')) {
          gid = font.subset.glyphs.push(glyph.id) - 1;
        }
        ids.set(key, gid);
      }
      font.widths[gid] ??= glyph.advanceWidth * font.scale;
      font.unicode[gid] ??= glyph.codePoints;
      return `0000${gid.toString(16)}`.slice(-4);
    });
    return [encoded, positions];
  };
}

/** Selects a font by name, making its glyph texts unique the first time. */
function useFont(doc: Doc, name: string, patched: Set<unknown>): Doc {
  doc.font(name);
  const font = (doc as unknown as { _font: EmbeddedFont })._font;
  if (!patched.has(font)) {
    uniqueGlyphTexts(font);
    patched.add(font);
  }
  return doc;
}

/**
 * Draws one line centred at `y`, right to left where the text is (bidi-js), each run in the font of its
 * script, shrunk until it fits `maxWidth`.
 */
function drawLine(doc: Doc, text: string, y: number, size: number, weight: Weight, maxWidth: number): void {
  const patched = patchedFonts.get(doc) ?? new Set<unknown>();
  patchedFonts.set(doc, patched);
  const font = (script: RunScript) => useFont(doc, fontName(script, weight), patched);
  const runs = visualRuns(text.normalize('NFC'));
  const pieces = runs.flatMap((run) =>
    (run.rtl && run.script === 'arabic' ? rtlPieces(run.text) : [run.text]).map((t) => ({ text: t, run })),
  );
  const widthAt = (s: number) =>
    pieces.reduce((sum, p) => sum + font(p.run.script).fontSize(s).widthOfString(p.text), 0);
  let fontSize = size;
  while (fontSize > 8 && widthAt(fontSize) > maxWidth) fontSize -= 1;
  let x = (doc.page.width - widthAt(fontSize)) / 2;
  for (const piece of pieces) {
    font(piece.run.script).fontSize(fontSize);
    const width = doc.widthOfString(piece.text);
    if (piece.text.trim() !== '') doc.text(piece.text, x, y, { lineBreak: false });
    x += width;
  }
}

const patchedFonts = new WeakMap<Doc, Set<unknown>>();

const formatDate = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(iso),
  );

/** Groups a verification code in fours for people to read and type. */
export const groupedCode = (code: string) => code.toUpperCase().replace(/(.{4})(?=.)/g, '$1-');

/** The certificate as an A4 landscape PDF with its fonts embedded (subsets). */
export function renderCertificatePdf(facts: CertificateFacts, verifyUrl: string): Promise<Buffer> {
  fonts ??= fontFiles();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    lang: 'en',
    info: {
      Title: `${facts.title}: certificate of ${facts.learnerName}`,
      Author: facts.issuerName,
      Subject: `Verify at ${verifyUrl}`,
    },
  });
  for (const script of ['latin', 'arabic', 'cjk', 'hangul'] as const) {
    for (const weight of ['regular', 'bold'] as const)
      doc.registerFont(fontName(script, weight), fonts[script][weight]);
  }
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const { width, height } = doc.page;
  const inner = width - 160;
  doc
    .lineWidth(3)
    .strokeColor('#1f4e79')
    .rect(28, 28, width - 56, height - 56)
    .stroke();
  doc
    .lineWidth(1)
    .strokeColor('#8aa9c8')
    .rect(38, 38, width - 76, height - 76)
    .stroke();
  doc.fillColor('#1f4e79');
  drawLine(doc, facts.issuerName, 78, 16, 'bold', inner);
  drawLine(doc, 'Certificate', 112, 40, 'bold', inner);
  doc.fillColor('#222222');
  drawLine(doc, 'This certifies that', 190, 16, 'regular', inner);
  drawLine(doc, facts.learnerName, 222, 34, 'bold', inner);
  const did = facts.sourceKind === 'course' ? 'completed the online course' : 'attended the live training workshop';
  drawLine(doc, did, 290, 16, 'regular', inner);
  drawLine(doc, facts.title, 320, 24, 'bold', inner);
  const hours = `${facts.hours} ${facts.hours === 1 ? 'hour' : 'hours'} of training`;
  drawLine(doc, `${hours} · issued on ${formatDate(facts.issuedAt)}`, 380, 14, 'regular', inner);
  doc.fillColor('#444444');
  drawLine(doc, `Verification code ${groupedCode(facts.verificationCode)}`, 470, 12, 'regular', inner);
  drawLine(doc, verifyUrl, 490, 11, 'regular', inner);
  doc.link((width - inner) / 2, 488, inner, 16, verifyUrl);
  doc.end();
  return done;
}
