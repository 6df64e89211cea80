import type { OutboxMailDetailDto, OutboxMailDto, Page } from '@twinning/contracts';
import request from 'supertest';
import { MailService, renderMail, type OutgoingMail } from '../src/mail';
import { bootApp, resetDatabase, testDatabaseUrl, type TestApp } from './support/test-app';

/** Capture mode (no SMTP_URL outside production): mail stays in PostgreSQL and the Outbox shows it. */
describe('development Outbox', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await bootApp();
    await resetDatabase(t.dataSource);
  });
  afterAll(() => t?.close());

  const write = (to: string, subject: string, extra: Partial<OutgoingMail> = {}) => {
    const { html, text } = renderMail({
      lang: 'en',
      heading: subject,
      paragraphs: ['Hello'],
      action: { label: 'Verify', url: 'https://twinning.example.org/verify-email?token=t1' },
      footer: 'Because you registered.',
    });
    return t.dataSource.transaction((manager) =>
      t.app
        .get(MailService)
        .enqueue(manager, { to, userId: null, category: 'test.outbox', subject, html, text, ...extra }),
    );
  };

  it('lists captured mail newest first without signing in, pages it and filters by recipient', async () => {
    const first = await write('Ana@Example.test', 'First');
    expect(first.status).toBe('captured');
    await write('bo@example.test', 'Second');
    await write('ana@example.test', 'Third');

    const all = (await http().get('/api/dev/outbox').expect(200)).body as Page<OutboxMailDto>;
    expect(all.items.map((m) => m.subject)).toEqual(['Third', 'Second', 'First']);
    expect(all.items[2]).toEqual({
      id: first.id,
      messageId: first.messageId,
      to: 'ana@example.test',
      category: 'test.outbox',
      subject: 'First',
      status: 'captured',
      createdAt: expect.any(String),
      sentAt: null,
    });

    const page1 = (await http().get('/api/dev/outbox?limit=2').expect(200)).body as Page<OutboxMailDto>;
    expect(page1.items.map((m) => m.subject)).toEqual(['Third', 'Second']);
    const page2 = (await http().get(`/api/dev/outbox?limit=2&cursor=${page1.nextCursor}`).expect(200))
      .body as Page<OutboxMailDto>;
    expect(page2).toEqual({ items: [expect.objectContaining({ subject: 'First' })], nextCursor: null });

    const ana = (await http().get('/api/dev/outbox?to=ANA@example.test').expect(200)).body as Page<OutboxMailDto>;
    expect(ana.items.map((m) => m.subject)).toEqual(['Third', 'First']);
  });

  it('shows one mail with both parts, its headers and its calendar part', async () => {
    const mail = await write('cal@example.test', 'Invitation', {
      headers: { 'Auto-Submitted': 'auto-generated' },
      replyTo: 'reply+x@reply.example.test',
      calendar: { method: 'REQUEST', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' },
    });
    const detail = (await http().get(`/api/dev/outbox/${mail.id}`).expect(200)).body as OutboxMailDetailDto;
    expect(detail.subject).toBe('Invitation');
    expect(detail.html).toContain('href="https://twinning.example.org/verify-email?token=t1"');
    expect(detail.text).toContain('Verify: https://twinning.example.org/verify-email?token=t1');
    expect(detail.headers).toEqual({ 'Auto-Submitted': 'auto-generated', 'Reply-To': 'reply+x@reply.example.test' });
    expect(detail.calendar).toEqual({ method: 'REQUEST', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' });

    await http().get('/api/dev/outbox/7d0c5a38-4c5e-4a43-9b2b-6f2f5d7f0000').expect(404);
    await http().get('/api/dev/outbox/not-an-id').expect(404);
    await http().get('/api/dev/outbox?limit=0').expect(400);
  });

  it('tells the web client that the Outbox exists', async () => {
    expect((await http().get('/api/health').expect(200)).body).toEqual({ status: 'ok', devOutbox: true });
  });

  it('does not exist in production', async () => {
    const production = await bootApp({
      NODE_ENV: 'production',
      MAIL_DISABLED: 'true',
      DATABASE_URL: testDatabaseUrl(),
    });
    try {
      const prod = () => request(production.app.getHttpServer());
      expect((await prod().get('/api/dev/outbox').expect(404)).body.code).toBe('NOT_FOUND');
      const [row] = await t.dataSource.query(`SELECT id FROM mail_messages LIMIT 1`);
      await prod().get(`/api/dev/outbox/${row.id}`).expect(404);
      expect((await prod().get('/api/health').expect(200)).body).toEqual({ status: 'ok', devOutbox: false });
    } finally {
      await production.close();
    }
  });
});
