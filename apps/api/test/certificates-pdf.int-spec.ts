import type { CertificateDto } from '@twinning/contracts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { bufferParser } from './support/body-parsers';
import { createUser, type TestUser } from './support/factories';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';
import { attend, createWorkshop } from './support/workshops';

/** The PDF's text as poppler's pdftotext (Debian poppler-utils) extracts it, NFKC-normalised, spaces collapsed. */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'twinning-pdf-'));
  const file = path.join(dir, 'certificate.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return (
    text
      .normalize('NFKC')
      // pdftotext marks direction with embedding controls (U+202A–U+202E); they are not text.
      .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, '')
      .replace(/\s+/g, ' ')
  );
}

describe('certificate PDF: fonts embedded, Arabic, Vietnamese, Chinese and Korean names extracted as written', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  let facilitator: TestUser;

  beforeAll(async () => {
    t = await bootApp();
    await resetDatabase(t.dataSource);
    facilitator = await createUser(t, { roles: ['facilitator'] });
  });

  afterAll(() => t?.close());

  async function certificatePdf(learner: TestUser, title: string): Promise<{ cert: CertificateDto; pdf: Buffer }> {
    const workshop = await createWorkshop(t, { facilitator, status: 'ended', title });
    await attend(t, workshop.id, [learner]);
    const issued = await http()
      .post(`/api/workshops/${workshop.id}/certificates`)
      .set(facilitator.auth)
      .send({ userIds: [learner.id] })
      .expect(201);
    const cert: CertificateDto = issued.body[0];
    const res = await http()
      .get(`/api/certificates/${cert.id}/pdf`)
      .set(learner.auth)
      .buffer(true)
      .parse(bufferParser)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`certificate-${cert.verificationCode}.pdf`);
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    return { cert, pdf };
  }

  it('writes an Arabic name shaped and right to left, extracted in reading order', async () => {
    const name = 'فاطمة الزهراء بن علي';
    const learner = await createUser(t, { displayName: name });
    const { cert, pdf } = await certificatePdf(learner, 'الوساطة بين الثقافات');
    const fonts = execFileSync('pdffonts', ['-'], { input: pdf, encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSansArabic/);
    expect(fonts).toMatch(/NotoSans-/);
    // every font embedded as a subset
    for (const line of fonts.split('\n').slice(2).filter(Boolean)) expect(line).toMatch(/\byes\s+yes\b/);

    const text = pdfText(pdf);
    expect(text).toContain(name.normalize('NFKC'));
    expect(text).toContain('الوساطة بين الثقافات');
    expect(text).toContain('This certifies that');
    expect(text).toContain(`${t.config.publicUrl}/verify/${cert.verificationCode}`);
    expect(text).toContain('2 hours of training');
  });

  it('keeps Vietnamese diacritics intact', async () => {
    const name = 'Nguyễn Thị Minh Khai';
    const learner = await createUser(t, { displayName: name });
    const { pdf } = await certificatePdf(learner, 'Kỹ năng hòa giải và đàm phán');
    const text = pdfText(pdf);
    expect(text).toContain(name.normalize('NFKC'));
    expect(text).toContain('Kỹ năng hòa giải và đàm phán'.normalize('NFKC'));
  });

  it('places a Latin name in an Arabic title run and both survive extraction', async () => {
    const learner = await createUser(t, { displayName: 'Trần Văn Ánh' });
    const { pdf } = await certificatePdf(learner, 'Workshop: التفاوض 2026');
    const text = pdfText(pdf);
    expect(text).toContain('Trần Văn Ánh'.normalize('NFKC'));
    expect(text).toContain('التفاوض');
  });

  /**
   * pdffonts' font names, subset prefixes dropped. A name drawn in a font without its characters would
   * still extract as text (boxes mapped to the letters), so the fonts are checked too.
   */
  const fontNames = (pdf: Buffer) =>
    execFileSync('pdffonts', ['-'], { input: pdf, encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((line) => line.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));

  it('writes a Chinese name in Noto Sans SC, embedded as a small subset, extracted as written', async () => {
    const name = '陈美玲';
    const learner = await createUser(t, { displayName: name });
    const { pdf } = await certificatePdf(learner, '跨文化调解：入门');
    expect(fontNames(pdf)).toEqual(expect.arrayContaining(['NotoSansSC-Bold']));
    expect(fontNames(pdf).some((f) => f.startsWith('NotoSansKR'))).toBe(false);
    // The SC font is 10 MB; only the glyphs drawn are embedded.
    expect(pdf.length).toBeLessThan(40_000);
    const text = pdfText(pdf);
    expect(text).toContain(name);
    expect(text).toContain('跨文化调解：入门'.normalize('NFKC'));
    expect(text).toContain('This certifies that');
  });

  it('writes a name mixing Vietnamese, Chinese and Arabic, each in its font, extracted in order', async () => {
    const name = 'Nguyễn 陈 محمد';
    const learner = await createUser(t, { displayName: name });
    const { pdf } = await certificatePdf(learner, 'Mediation');
    expect(fontNames(pdf)).toEqual(expect.arrayContaining(['NotoSans-Bold', 'NotoSansSC-Bold', 'NotoSansArabic-Bold']));
    expect(pdfText(pdf)).toContain(name.normalize('NFKC'));
  });

  it('writes Korean Hangul in Noto Sans KR and Japanese kana with kanji in Noto Sans SC', async () => {
    const korean = await createUser(t, { displayName: '김민준' });
    const { pdf: koreanPdf } = await certificatePdf(korean, '한국어 워크숍');
    expect(fontNames(koreanPdf)).toEqual(expect.arrayContaining(['NotoSansKR-Bold']));
    expect(pdfText(koreanPdf)).toContain('김민준');
    expect(pdfText(koreanPdf)).toContain('한국어 워크숍');

    const japanese = await createUser(t, { displayName: 'やまだ はなこ（山田花子）' });
    const { pdf: japanesePdf } = await certificatePdf(japanese, 'Workshop');
    expect(pdfText(japanesePdf)).toContain('やまだ はなこ(山田花子)'); // NFKC folds the full-width brackets
  });
});
