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

describe('certificate PDF: fonts embedded, Arabic and Vietnamese names extracted as written', () => {
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
});
