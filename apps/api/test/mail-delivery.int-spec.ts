import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import request from 'supertest';
import type { EntityManager } from 'typeorm';
import { MailService, renderMail, type OutgoingMail } from '../src/mail';
import { createUser } from './support/factories';
import { SmtpSink, waitFor } from './support/smtp-sink';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

/**
 * Real sending: mail written in a transaction goes out through a real SMTP server (smtp-server),
 * parsed with mailparser. Temporary failures are retried (MAIL_RETRY_DELAY_SECONDS=1 here) without
 * loss or duplicates; a permanent refusal at RCPT TO marks the address as bouncing.
 */
describe('mail delivery over SMTP', () => {
  const sink = new SmtpSink();
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let t: TestApp;
  let env: Record<string, string>;

  beforeAll(async () => {
    await sink.start();
    env = {
      SMTP_URL: sink.url,
      MAIL_FROM: 'Twinning <no-reply@mail.twinning.test>',
      MAIL_RETRY_DELAY_SECONDS: '1',
      MAIL_DKIM_DOMAIN: 'mail.twinning.test',
      MAIL_DKIM_SELECTOR: 'tw2026',
      MAIL_DKIM_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
    t = await bootApp(env);
    await resetDatabase(t.dataSource);
  });
  afterAll(async () => {
    await t?.close();
    await sink.stop();
  });

  const mailTo = (to: string, userId: string | null = null, extra: Partial<OutgoingMail> = {}): OutgoingMail => {
    const { html, text } = renderMail({
      lang: 'ar',
      heading: 'أكّد عنوانك',
      paragraphs: ['مرحبا'],
      action: { label: 'Confirm', url: 'https://twinning.example.org/verify-email?token=abc' },
      footer: 'You received this because you registered.',
    });
    return { to, userId, category: 'test.delivery', subject: 'تأكيد العنوان', html, text, ...extra };
  };

  const enqueue = (app: TestApp, mail: OutgoingMail) =>
    app.dataSource.transaction((manager: EntityManager) => app.app.get(MailService).enqueue(manager, mail));

  const row = async (id: string) =>
    (
      await t.dataSource.query(`SELECT status, attempts, sent_at, last_error FROM mail_messages WHERE id = $1`, [id])
    )[0] as { status: string; attempts: number; sent_at: Date | null; last_error: string | null };

  it('sends both parts with the stable Message-ID, the stored headers, the calendar part and a DKIM signature', async () => {
    const calendar =
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:visit-1@twinning\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    const mail = await enqueue(
      t,
      mailTo('amira@example.test', null, {
        headers: {
          'List-Unsubscribe': '<https://twinning.example.org/unsubscribe?t=x>',
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
        replyTo: 'reply+token@reply.twinning.test',
        calendar: { method: 'REQUEST', content: calendar },
      }),
    );
    expect(mail.status).toBe('queued');
    const [received] = await waitFor(
      () => sink.to('amira@example.test'),
      (list) => list.length > 0,
    );
    const parsed = received.parsed;
    expect(parsed.messageId).toBe(mail.messageId);
    expect(parsed.subject).toBe('تأكيد العنوان');
    expect(parsed.from?.value).toEqual([{ name: 'Twinning', address: 'no-reply@mail.twinning.test' }]);
    expect(parsed.html).toContain('<html lang="ar" dir="rtl">');
    expect(parsed.html).toContain('href="https://twinning.example.org/verify-email?token=abc"');
    expect(parsed.text).toContain('Confirm: https://twinning.example.org/verify-email?token=abc');
    expect(parsed.headers.get('list')).toEqual({
      unsubscribe: { url: 'https://twinning.example.org/unsubscribe?t=x' },
      'unsubscribe-post': { name: 'List-Unsubscribe=One-Click' },
    });
    expect(received.raw).toContain('\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n');
    expect(parsed.replyTo?.text).toBe('reply+token@reply.twinning.test');
    const ical = parsed.attachments.find((a) => a.contentType === 'text/calendar');
    expect(ical?.content.toString('utf8')).toContain('UID:visit-1@twinning');
    expect(received.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);

    // DKIM: present, for our domain and selector, and its signature checks out with the public key
    const dkim = String(
      parsed.headers.get('dkim-signature') ? received.raw.match(/^DKIM-Signature:[^]*?(?=\r\n\S)/m)?.[0] : '',
    );
    expect(dkim).toMatch(/d=mail\.twinning\.test/);
    expect(dkim).toMatch(/s=tw2026/);
    expect(verifiesDkimHeaders(received.raw, dkim, publicKey)).toBe(true);

    await waitFor(
      () => row(mail.id as string),
      (r) => r.status === 'sent',
    );
    const sent = await row(mail.id as string);
    expect(sent.sent_at).not.toBeNull();
    expect(sent.attempts).toBe(1);
  });

  it('loses nothing and sends nothing twice while SMTP refuses (stopped, then 421) and then recovers', async () => {
    await sink.stop();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await enqueue(t, mailTo(`outage-${i}@example.test`))).id as string);
    // every mail was tried and failed at least once while the server was down
    await waitFor(
      async () => Promise.all(ids.map(row)),
      (rows) => rows.every((r) => r.status === 'queued' && r.attempts >= 1 && r.last_error !== null),
    );
    sink.busyConnections = 2;
    await sink.start();
    await waitFor(
      async () => Promise.all(ids.map(row)),
      (rows) => rows.every((r) => r.status === 'sent'),
      45_000,
    );
    // wait out one more retry period: nothing arrives twice
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    for (let i = 0; i < 3; i++) expect(sink.to(`outage-${i}@example.test`)).toHaveLength(1);
    expect((await row(ids[0])).attempts).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('marks the address bouncing on a 5xx at RCPT TO, suppresses later mail and shows it on the profile', async () => {
    const user = await createUser(t, { email: 'gone@example.test' });
    await t.dataSource.query(`UPDATE users SET email_verified_at = now() WHERE id = $1`, [user.id]);
    const http = () => request(t.app.getHttpServer());
    expect((await http().get('/api/me').set(user.auth).expect(200)).body.emailStatus).toBe('verified');

    sink.refuse.add('gone@example.test');
    const first = await enqueue(t, mailTo('gone@example.test', user.id));
    const failed = await waitFor(
      () => row(first.id as string),
      (r) => r.status === 'failed',
    );
    expect(failed.last_error).toMatch(/550/);
    expect(failed.attempts).toBe(1);
    const [marker] = await t.dataSource.query(
      `SELECT email_bouncing_at, email_bounce_reason FROM users WHERE id = $1`,
      [user.id],
    );
    expect(marker.email_bouncing_at).not.toBeNull();
    expect(marker.email_bounce_reason).toMatch(/No such user/);
    expect((await http().get('/api/me').set(user.auth).expect(200)).body.emailStatus).toBe('bouncing');

    const second = await enqueue(t, mailTo('gone@example.test', user.id));
    expect(second.status).toBe('suppressed');
    // account mail about the address itself still goes out (once the server takes it again)
    sink.refuse.delete('gone@example.test');
    const verification = await enqueue(t, mailTo('gone@example.test', user.id, { evenIfBouncing: true }));
    expect(verification.status).toBe('queued');
    await waitFor(
      () => sink.to('gone@example.test'),
      (list) => list.length === 1,
    );
    expect(sink.to('gone@example.test')[0].parsed.messageId).toBe(verification.messageId);
  });

  it('sends each mail once when two instances share the queue', async () => {
    const other = await bootApp(env);
    try {
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) {
        ids.push((await enqueue(i % 2 ? t : other, mailTo(`pair-${i}@example.test`))).id as string);
      }
      await waitFor(
        async () => Promise.all(ids.map(row)),
        (rows) => rows.every((r) => r.status === 'sent'),
      );
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      for (let i = 0; i < 12; i++) expect(sink.to(`pair-${i}@example.test`)).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});

/**
 * Checks a DKIM-Signature (rsa-sha256, relaxed header canonicalisation) over the signed headers:
 * enough to show the signature is real, not just present.
 */
function verifiesDkimHeaders(raw: string, dkimHeader: string, publicKey: ReturnType<typeof createPublicKey>): boolean {
  const unfold = (value: string) => value.replace(/\r\n[ \t]+/g, ' ');
  const tags = Object.fromEntries(
    unfold(dkimHeader.replace(/^DKIM-Signature:\s*/i, ''))
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => [part.slice(0, part.indexOf('=')).trim(), part.slice(part.indexOf('=') + 1).trim()]),
  );
  const headerBlock = raw.slice(0, raw.indexOf('\r\n\r\n'));
  const fields = headerBlock.split(/\r\n(?=\S)/);
  const relaxed = (field: string) => {
    const i = field.indexOf(':');
    return `${field.slice(0, i).trim().toLowerCase()}:${unfold(field.slice(i + 1))
      .replace(/[ \t]+/g, ' ')
      .trim()}`;
  };
  const used = new Set<number>();
  const signed = String(tags['h'])
    .split(':')
    .map((name) => name.trim().toLowerCase())
    .map((name) => {
      // the last unused instance of each header, bottom up
      for (let i = fields.length - 1; i >= 0; i--) {
        if (!used.has(i) && fields[i].slice(0, fields[i].indexOf(':')).trim().toLowerCase() === name) {
          used.add(i);
          return relaxed(fields[i]) + '\r\n';
        }
      }
      return '';
    })
    .join('');
  const dkimWithoutB = relaxed(dkimHeader)
    .replace(/b=[^;]*$/, 'b=')
    .replace(/(;\s*b=)[^;]*/, '$1');
  const data = signed + dkimWithoutB;
  return verify('sha256', Buffer.from(data), publicKey, Buffer.from(String(tags['b']).replace(/\s+/g, ''), 'base64'));
}
