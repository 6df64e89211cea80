import type { EntityManager } from 'typeorm';
import { MailService, renderMail, type OutgoingMail } from '../src/mail';
import { SmtpSink, waitFor } from './support/smtp-sink';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

/**
 * User content (thread titles, names, city and visit titles) reaches subjects and the HTML part.
 * Through a real SMTP server: a line break can never start a header of its own, and markup stays text.
 */
describe('mail injection', () => {
  const sink = new SmtpSink();
  let t: TestApp;

  beforeAll(async () => {
    await sink.start();
    t = await bootApp({ SMTP_URL: sink.url, MAIL_FROM: 'Twinning <no-reply@mail.twinning.test>' });
    await resetDatabase(t.dataSource);
  });
  afterAll(async () => {
    await t?.close();
    await sink.stop();
  });

  const enqueue = (mail: OutgoingMail) =>
    t.dataSource.transaction((manager: EntityManager) => t.app.get(MailService).enqueue(manager, mail));

  it('keeps CR/LF in a subject and header values from adding headers or recipients', async () => {
    const hostile = 'Hello\r\nBcc: victim@evil.test\r\nContent-Type: text/html\r\n\r\n<script>x</script>';
    const { html, text } = renderMail({
      lang: 'en',
      heading: hostile,
      paragraphs: [`<img src=x onerror=alert(1)> ${hostile}`],
      action: { label: '<b>Open</b>', url: 'https://twinning.example.org/threads/1' },
      footer: 'Because.',
    });
    await enqueue({
      to: 'reader@example.test',
      userId: null,
      category: 'test.injection',
      subject: `Re: ${hostile}`,
      html,
      text,
      headers: { References: `<a@b>\r\nBcc: victim2@evil.test` },
      replyTo: 'reply+abc@reply.example.test\r\nBcc: victim3@evil.test',
    });
    const [mail] = await waitFor(
      () => sink.to('reader@example.test'),
      (m) => m.length === 1,
    );
    // (other suites' leftover jobs may reach this sink too: look only at what this mail could add)
    expect(mail.to).toEqual(['reader@example.test']);
    expect(sink.received.flatMap((m) => m.to).filter((a) => a.endsWith('@evil.test'))).toEqual([]);
    const head = mail.raw.slice(0, mail.raw.indexOf('\r\n\r\n'));
    expect(head).not.toMatch(/^(bcc|content-type: text\/html)/im);
    expect(mail.parsed.headers.get('bcc')).toBeUndefined();
    expect(mail.parsed.subject).not.toMatch(/[\r\n]/);
    expect(mail.parsed.html).not.toContain('<script>');
    expect(mail.parsed.html).not.toContain('<img src=x');
    expect(mail.parsed.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
