import request from 'supertest';
import { NotificationsService } from '../src/notifications';
import { addMember, createCity, themeForumId, type TestUser } from './support/factories';
import { createMailUser, setDelivery, startThread } from './support/mail-users';
import { SmtpSink, waitFor } from './support/smtp-sink';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

/**
 * Immediate mail through the real job queue with no delay (MAIL_IMMEDIATE_DELAY_SECONDS=0), sent
 * to a real SMTP server (smtp-server) and parsed with mailparser.
 */
describe('notification mail through the job queue and SMTP', () => {
  const sink = new SmtpSink();
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    await sink.start();
    t = await bootApp({
      MAIL_IMMEDIATE_DELAY_SECONDS: '0',
      PUBLIC_URL: 'https://twinning.example.org',
      SMTP_URL: sink.url,
      MAIL_FROM: 'Twinning <no-reply@mail.twinning.test>',
      REPLY_TO_DOMAIN: 'reply.twinning.test',
    });
    await resetDatabase(t.dataSource);
  });
  afterAll(async () => {
    await t?.close();
    await sink.stop();
  });

  const mailsTo = (user: TestUser): Promise<{ category: string; subject: string }[]> =>
    t.dataSource.query(`SELECT category, subject FROM mail_messages WHERE user_id = $1 ORDER BY created_at`, [user.id]);

  const jobsFor = async (user: TestUser): Promise<number> =>
    (
      await t.dataSource.query(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'notification.mail' AND data ->> 'userId' = $1`,
        [user.id],
      )
    )[0].n;

  it('mails each coordinator who gets join requests immediately; not those on a digest, not the unverified', async () => {
    const [immediate, daily, unverified] = [
      await createMailUser(t),
      await createMailUser(t),
      await createMailUser(t, { verified: false }),
    ];
    await setDelivery(t, daily, 'join_request.created', 'daily');
    const city = await createCity(t.dataSource, { name: 'Penang' });
    for (const u of [immediate, daily, unverified]) await addMember(t.dataSource, city.id, u.id, 'coordinator');
    const applicant = await createMailUser(t);
    await http().post(`/api/cities/${city.id}/join-requests`).set(applicant.auth).send({}).expect(201);

    const mails = await waitFor(
      () => mailsTo(immediate),
      (m) => m.length > 0,
    );
    expect(mails).toEqual([
      { category: 'notification.join_request.created', subject: `${applicant.displayName} asks to join Penang` },
    ]);
    // no job was even queued for the others
    expect(await jobsFor(daily)).toBe(0);
    expect(await jobsFor(unverified)).toBe(0);
    expect(await mailsTo(daily)).toEqual([]);
    expect(await mailsTo(unverified)).toEqual([]);
  });

  it('mails a promoted delegate and records the notification as mailed', async () => {
    const delegate = await createMailUser(t);
    await t.app
      .get(NotificationsService)
      .notify([
        { userId: delegate.id, kind: 'visit.promoted', payload: { visit: { id: 'v-1', title: 'Newcomer services' } } },
      ]);
    const mails = await waitFor(
      () => mailsTo(delegate),
      (m) => m.length > 0,
    );
    expect(mails).toEqual([
      { category: 'notification.visit.promoted', subject: 'You have a place on “Newcomer services”' },
    ]);
    const [row] = await t.dataSource.query(`SELECT mailed_at FROM notifications WHERE user_id = $1`, [delegate.id]);
    expect(row.mailed_at).toBeInstanceOf(Date);
  });

  it('sends thread mail that threads, carries one-click unsubscribe, and whose link turns that kind off', async () => {
    const forumId = await themeForumId(t.dataSource, 'integration');
    const watcher = await createMailUser(t, { lang: 'ar' });
    const author = await createMailUser(t);
    await setDelivery(t, watcher, 'forum.reply', 'immediately');
    const threadId = await startThread(t, watcher, forumId, 'Language cafés', 'How do you run them?');
    await http().post(`/api/threads/${threadId}/posts`).set(author.auth).send({ body: 'Every Thursday' }).expect(201);

    const [mail] = await waitFor(
      () => sink.to(watcher.email),
      (m) => m.length > 0,
    );
    const header = (key: string) => mail.parsed.headerLines.find((h) => h.key === key)?.line ?? '';
    expect(mail.parsed.subject).toBe('رد جديد في «Language cafés»');
    expect(mail.parsed.html).toContain('dir="rtl"');
    expect(mail.parsed.text).toContain('Every Thursday');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail.parsed.references).toBe(`<thread-${threadId}@mail.twinning.test>`);
    expect(mail.parsed.inReplyTo).toBe(`<thread-${threadId}@mail.twinning.test>`);
    expect(mail.parsed.replyTo?.value[0].address).toMatch(/^reply\+[a-z2-7]{32}@reply\.twinning\.test$/);

    // the mail client's one-click unsubscribe, without a session
    const link = /<(https:\/\/twinning\.example\.org\/api\/unsubscribe\?token=[^>]+)>/.exec(
      header('list-unsubscribe').replace(/\r?\n\s+/g, ''),
    );
    expect(link).not.toBeNull();
    const url = new URL(link?.[1] ?? '');
    await http()
      .post(`${url.pathname}${url.search}`)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    const settings: { kind: string; delivery: string }[] = (
      await http().get('/api/me/notification-settings').set(watcher.auth).expect(200)
    ).body;
    expect(settings.find((s) => s.kind === 'forum.reply')?.delivery).toBe('off');

    // off: the next reply sends nothing (no job is queued for it)
    await http().post(`/api/threads/${threadId}/posts`).set(author.auth).send({ body: 'Or Friday' }).expect(201);
    expect(await jobsFor(watcher)).toBe(1);
  });
});
