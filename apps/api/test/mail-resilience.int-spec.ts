import type { EntityManager } from 'typeorm';
import { MailService, renderMail } from '../src/mail';
import { MAIL_HEARTBEAT_SECONDS } from '../src/mail/mail-retry';
import { NotificationMailQueue } from '../src/notifications/notification-mail.queue';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

/**
 * A process killed while it works a mail job: pg-boss keeps the job `active` until it expires (15
 * minutes by default), so mail jobs carry a heartbeat and run again within about a minute. The kill
 * itself is too slow for the suite: tools/chaos/mail-kill.mjs SIGKILLs the built API mid-burst.
 */
describe('mail jobs survive a killed process', () => {
  let t: TestApp;

  beforeAll(async () => {
    // SMTP_URL to a closed port: mail stays queued, and the job rows can be read
    t = await bootApp({ SMTP_URL: 'smtp://127.0.0.1:9', MAIL_RETRY_DELAY_SECONDS: '600' });
    await resetDatabase(t.dataSource);
  });
  afterAll(() => t.close());

  const jobOf = async (name: string, key: string, value: string) =>
    (
      await t.dataSource.query(
        `SELECT heartbeat_seconds, expire_seconds FROM pgboss.job WHERE name = $1 AND data->>$2 = $3`,
        [name, key, value],
      )
    )[0] as { heartbeat_seconds: number | null; expire_seconds: number } | undefined;

  it('gives mail.send and notification.mail jobs a heartbeat far shorter than their expiry', async () => {
    const { html, text } = renderMail({ lang: 'en', heading: 'Hi', paragraphs: ['Hello'], footer: 'Because.' });
    const mail = await t.dataSource.transaction((manager: EntityManager) =>
      t.app.get(MailService).enqueue(manager, {
        to: 'someone@example.test',
        userId: null,
        category: 'test.resilience',
        subject: 'Hi',
        html,
        text,
      }),
    );
    const sendJob = await jobOf('mail.send', 'mailId', mail.id as string);
    expect(sendJob?.heartbeat_seconds).toBe(MAIL_HEARTBEAT_SECONDS);
    expect(sendJob?.expire_seconds).toBeGreaterThan(4 * MAIL_HEARTBEAT_SECONDS);

    const notificationId = '00000000-0000-4000-8000-000000000001';
    await t.dataSource.transaction((manager: EntityManager) =>
      t.app
        .get(NotificationMailQueue)
        .send(manager, [{ job: { userId: notificationId, threadId: null, notificationId }, startAfterSeconds: 3600 }]),
    );
    const notificationJob = await jobOf('notification.mail', 'notificationId', notificationId);
    expect(notificationJob?.heartbeat_seconds).toBe(30);
  });
});
