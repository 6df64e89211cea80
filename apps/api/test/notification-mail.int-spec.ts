import type { NotificationSettingDto } from '@twinning/contracts';
import { NOTIFICATION_KINDS } from '@twinning/contracts';
import request from 'supertest';
import type { MailRow } from '../src/mail/mail.repository';
import { NotificationMailService } from '../src/notifications/notification-mail.service';
import { NotificationsService } from '../src/notifications';
import { UnsubscribeTokens } from '../src/notifications/unsubscribe-token';
import { addMember, createCity, themeForumId, type TestUser } from './support/factories';
import { createMailUser, setDelivery, startThread } from './support/mail-users';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

/** A stored notification as the tests read it (thread kinds carry `thread`). */
interface StoredNote {
  id: string;
  payload: { thread: { id: string } } & Record<string, unknown>;
}

type CapturedMail = Pick<MailRow, 'to_address' | 'category' | 'subject' | 'html' | 'text' | 'headers'>;

/**
 * Settings, the immediate-mail job's handler and unsubscribe. Jobs wait an hour here, so the queue
 * never runs them during the test: each test runs the handler as the queue would when the job is
 * due (notification-mail-queue.int-spec.ts drives the real queue with no delay).
 */
describe('notification mail: settings, immediate mail, unsubscribe', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  let mailer: NotificationMailService;

  beforeAll(async () => {
    t = await bootApp({
      MAIL_IMMEDIATE_DELAY_SECONDS: '3600',
      PUBLIC_URL: 'https://twinning.example.org',
      REPLY_TO_DOMAIN: 'reply.twinning.example.org',
    });
    await resetDatabase(t.dataSource);
    mailer = t.app.get(NotificationMailService);
  });
  afterAll(() => t.close());

  const mailsTo = (user: TestUser): Promise<CapturedMail[]> =>
    t.dataSource.query(
      `SELECT to_address, category, subject, html, text, headers FROM mail_messages
        WHERE user_id = $1 ORDER BY created_at, id`,
      [user.id],
    );

  const notificationsOf = (user: TestUser, kind: string): Promise<StoredNote[]> =>
    t.dataSource.query(`SELECT id, payload FROM notifications WHERE user_id = $1 AND kind = $2 ORDER BY created_at`, [
      user.id,
      kind,
    ]);

  /** Runs the job the queue would run for a notification. */
  async function runJob(user: TestUser, notification: StoredNote, thread = false) {
    await mailer.deliver({
      userId: user.id,
      threadId: thread ? notification.payload.thread.id : null,
      notificationId: notification.id,
    });
  }

  async function cityWithCoordinator(coordinator: TestUser) {
    const city = await createCity(t.dataSource, { name: `Toronto ${Math.random().toString(36).slice(2, 6)}` });
    await addMember(t.dataSource, city.id, coordinator.id, 'coordinator');
    return city;
  }

  describe('settings', () => {
    it('lists every kind with its default, changes some, and names the bad field', async () => {
      const user = await createMailUser(t);
      const list: NotificationSettingDto[] = (
        await http().get('/api/me/notification-settings').set(user.auth).expect(200)
      ).body;
      expect(list.map((s) => s.kind)).toEqual([...NOTIFICATION_KINDS]);
      expect(list.find((s) => s.kind === 'join_request.created')).toEqual({
        kind: 'join_request.created',
        delivery: 'immediately',
        isDefault: true,
      });
      expect(list.find((s) => s.kind === 'visit.promoted')?.delivery).toBe('immediately');
      expect(list.find((s) => s.kind === 'forum.reply')?.delivery).toBe('daily');

      const updated: NotificationSettingDto[] = (
        await http()
          .put('/api/me/notification-settings')
          .set(user.auth)
          .send({ settings: [{ kind: 'forum.reply', delivery: 'immediately' }] })
          .expect(200)
      ).body;
      expect(updated.find((s) => s.kind === 'forum.reply')).toEqual({
        kind: 'forum.reply',
        delivery: 'immediately',
        isDefault: false,
      });

      const bad = await http()
        .put('/api/me/notification-settings')
        .set(user.auth)
        .send({ settings: [{ kind: 'forum.reply', delivery: 'hourly' }] })
        .expect(400);
      expect(Object.keys(bad.body.fields)).toEqual(['settings.0.delivery']);
      const unknown = await http()
        .put('/api/me/notification-settings')
        .set(user.auth)
        .send({ settings: [{ kind: 'forum.nothing', delivery: 'off' }] })
        .expect(400);
      expect(Object.keys(unknown.body.fields)).toEqual(['settings.0.kind']);
      const twice = await http()
        .put('/api/me/notification-settings')
        .set(user.auth)
        .send({
          settings: [
            { kind: 'forum.reply', delivery: 'off' },
            { kind: 'forum.reply', delivery: 'daily' },
          ],
        })
        .expect(400);
      expect(Object.keys(twice.body.fields)).toEqual(['settings.1.kind']);
      await http().get('/api/me/notification-settings').expect(401);
    });
  });

  describe('immediate mail', () => {
    it('tells a city’s coordinators that a join request waits, in their language, with one-click unsubscribe', async () => {
      const coordinator = await createMailUser(t, { lang: 'ar' });
      const unverified = await createMailUser(t, { verified: false });
      const city = await cityWithCoordinator(coordinator);
      await addMember(t.dataSource, city.id, unverified.id, 'coordinator');
      const applicant = await createMailUser(t, { displayName: 'Ana Applicant' });
      await http().post(`/api/cities/${city.id}/join-requests`).set(applicant.auth).send({}).expect(201);

      const [note] = await notificationsOf(coordinator, 'join_request.created');
      expect(note.payload).toMatchObject({ actor: { id: applicant.id }, city: { id: city.id } });
      await runJob(coordinator, note);
      const [unverifiedNote] = await notificationsOf(unverified, 'join_request.created');
      await runJob(unverified, unverifiedNote);

      expect(await mailsTo(unverified)).toEqual([]);
      const [mail, ...more] = await mailsTo(coordinator);
      expect(more).toEqual([]);
      expect(mail.category).toBe('notification.join_request.created');
      expect(mail.subject).toBe(`يطلب Ana Applicant الانضمام إلى ${city.name}`);
      expect(mail.html).toContain('dir="rtl"');
      expect(mail.text).toContain('https://twinning.example.org/join-requests');
      expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      expect(mail.headers['List-Unsubscribe']).toMatch(
        /^<https:\/\/twinning\.example\.org\/api\/unsubscribe\?token=[^>]+>$/,
      );
      expect(mail.text).toContain('https://twinning.example.org/unsubscribe?token=');
      expect(mail.headers['Reply-To']).toBeUndefined();

      // the job ran once already: nothing is mailed twice
      await runJob(coordinator, note);
      expect(await mailsTo(coordinator)).toHaveLength(1);
    });

    it('quotes the applicant’s message in the coordinator’s mail: plain text, escaped, cut to 300 characters', async () => {
      const coordinator = await createMailUser(t);
      const city = await cityWithCoordinator(coordinator);
      const applicant = await createMailUser(t, { displayName: 'Ana Applicant' });
      const opening = 'I lead **settlement** policy <script>alert(1)</script> & [our plan](https://evil.example)';
      const message = `${opening}\n\n${'word '.repeat(120)}END`;
      await http().post(`/api/cities/${city.id}/join-requests`).set(applicant.auth).send({ message }).expect(201);

      const [note] = await notificationsOf(coordinator, 'join_request.created');
      const excerpt = String(note.payload.message);
      expect(excerpt.startsWith(`${opening} word word`)).toBe(true);
      expect(excerpt.endsWith('word…')).toBe(true);
      expect(Array.from(excerpt)).toHaveLength(300);
      expect(excerpt).not.toContain('END');

      await runJob(coordinator, note);
      const [mail] = await mailsTo(coordinator);
      expect(mail.text).toContain(`> ${excerpt}`);
      expect(mail.html).toContain(
        'I lead **settlement** policy &lt;script&gt;alert(1)&lt;/script&gt; &amp; [our plan](https://evil.example)',
      );
      expect(mail.html).not.toContain('<script>');
      expect(mail.html).not.toContain('href="https://evil.example"');
    });

    it('a join request without a message carries none', async () => {
      const coordinator = await createMailUser(t);
      const city = await cityWithCoordinator(coordinator);
      const applicant = await createMailUser(t);
      await http()
        .post(`/api/cities/${city.id}/join-requests`)
        .set(applicant.auth)
        .send({ message: '  \n ' })
        .expect(201);
      const [note] = await notificationsOf(coordinator, 'join_request.created');
      expect(note.payload).not.toHaveProperty('message');
      await runJob(coordinator, note);
      const [mail] = await mailsTo(coordinator);
      expect(mail.html).not.toContain('<blockquote');
    });

    it('drops a notification read before its mail was due', async () => {
      const coordinator = await createMailUser(t);
      const city = await cityWithCoordinator(coordinator);
      const applicant = await createMailUser(t);
      await http().post(`/api/cities/${city.id}/join-requests`).set(applicant.auth).send({}).expect(201);
      const [note] = await notificationsOf(coordinator, 'join_request.created');
      await http().post(`/api/notifications/${note.id}/read`).set(coordinator.auth).expect(204);
      await runJob(coordinator, note);
      expect(await mailsTo(coordinator)).toEqual([]);
    });

    it('sends nothing at once to a reader who chose the daily digest or turned the kind off', async () => {
      for (const delivery of ['daily', 'off']) {
        const coordinator = await createMailUser(t);
        await setDelivery(t, coordinator, 'join_request.created', delivery);
        const city = await cityWithCoordinator(coordinator);
        const applicant = await createMailUser(t);
        await http().post(`/api/cities/${city.id}/join-requests`).set(applicant.auth).send({}).expect(201);
        const [note] = await notificationsOf(coordinator, 'join_request.created');
        await runJob(coordinator, note);
        expect(await mailsTo(coordinator)).toEqual([]);
      }
    });

    it('collapses a thread’s replies into one mail that threads in the mail client; a thread read past them sends nothing', async () => {
      const forumId = await themeForumId(t.dataSource, 'integration');
      const author = await createMailUser(t, { displayName: 'Alice Author' });
      const watcher = await createMailUser(t);
      await setDelivery(t, watcher, 'forum.reply', 'immediately');
      const threadId = await startThread(t, watcher, forumId, 'Language cafés', 'How do you run them?');
      for (const body of ['First idea', 'Second idea', 'Third idea']) {
        await http().post(`/api/threads/${threadId}/posts`).set(author.auth).send({ body }).expect(201);
      }
      const notes = await notificationsOf(watcher, 'forum.reply');
      expect(notes).toHaveLength(3);
      // the three share one job (one singleton key per thread and window), which gathers all three
      const queued: { data: { threadId: string; notificationId: string }; start_after: Date }[] =
        await t.dataSource.query(
          `SELECT data, start_after FROM pgboss.job WHERE name = 'notification.mail' AND data ->> 'userId' = $1`,
          [watcher.id],
        );
      expect(queued.map((j) => j.data)).toEqual([{ userId: watcher.id, threadId, notificationId: notes[0].id }]);
      expect(new Date(queued[0].start_after).getTime()).toBeGreaterThan(Date.now() + 3000_000);
      await runJob(watcher, notes[0], true);
      const mails = await mailsTo(watcher);
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toBe('3 new posts in “Language cafés”');
      for (const body of ['First idea', 'Second idea', 'Third idea']) expect(mails[0].text).toContain(body);
      expect(mails[0].headers.References).toBe(`<thread-${threadId}@${t.config.mail.fromAddress.split('@')[1]}>`);
      expect(mails[0].headers['In-Reply-To']).toBe(mails[0].headers.References);
      // reply by email: the reader's own address for this thread
      expect(mails[0].headers['Reply-To']).toMatch(/^reply\+[a-z2-7]{32}@reply\.twinning\.example\.org$/);

      await http().post(`/api/threads/${threadId}/posts`).set(author.auth).send({ body: 'Fourth' }).expect(201);
      await http().put(`/api/threads/${threadId}/read`).set(watcher.auth).send({ lastReadSeq: 5 }).expect(204);
      const [, , , fourth] = await notificationsOf(watcher, 'forum.reply');
      await runJob(watcher, fourth, true);
      expect(await mailsTo(watcher)).toHaveLength(1);
    });

    it('writes dates in the reader’s time zone', async () => {
      const facilitator = await createMailUser(t, { lang: 'fr', timeZone: 'Asia/Kuala_Lumpur' });
      await setDelivery(t, facilitator, 'workshop.facilitator_added', 'immediately');
      const actor = await createMailUser(t, { displayName: 'Li Wei' });
      await t.app.get(NotificationsService).notify([
        {
          userId: facilitator.id,
          kind: 'workshop.facilitator_added',
          payload: {
            actor: { id: actor.id, displayName: 'Li Wei' },
            workshop: { id: 'w-1', title: 'Mediation' },
            startsAt: '2027-03-15T01:00:00.000Z',
          },
        },
      ]);
      const [note] = await notificationsOf(facilitator, 'workshop.facilitator_added');
      await runJob(facilitator, note);
      const [mail] = await mailsTo(facilitator);
      expect(mail.subject).toBe('Vous co-animez « Mediation »');
      expect(mail.text).toContain('Début: lundi 15 mars 2027 à 09:00 (Asia/Kuala_Lumpur)');
    });

    it('never delays a workshop going live: the queue mails it at once', async () => {
      const registrant = await createMailUser(t, { lang: 'es' });
      await t.app.get(NotificationsService).notify([
        {
          userId: registrant.id,
          kind: 'workshop.live',
          payload: { actor: { id: registrant.id, displayName: 'Li Wei' }, workshop: { id: 'w-2', title: 'Mediación' } },
        },
      ]);
      const until = Date.now() + 15_000;
      let mails = await mailsTo(registrant);
      while (mails.length === 0 && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 100));
        mails = await mailsTo(registrant);
      }
      expect(mails.map((m) => m.subject)).toEqual(['En directo: «Mediación»']);
      expect(mails[0].text).toContain('https://twinning.example.org/workshops/w-2/room');
    });

    it('creates notifications and their mail jobs for many recipients with as many queries as for a few', async () => {
      const service = t.app.get(NotificationsService);
      const actor = await createMailUser(t);
      const measure = async (count: number) => {
        const users = await Promise.all(Array.from({ length: count }, () => createMailUser(t)));
        const { queries } = await t.queries.measure(() =>
          t.dataSource.transaction((manager) =>
            service.create(
              manager,
              users.map((u) => ({
                userId: u.id,
                kind: 'visit.promoted' as const,
                payload: { visit: { id: 'v-1', title: 'Visit' } },
              })),
              actor.id,
            ),
          ),
        );
        const queued: { n: number }[] = await t.dataSource.query(
          `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'notification.mail' AND data ->> 'userId' = ANY($1)`,
          [users.map((u) => u.id)],
        );
        expect(queued[0].n).toBe(count);
        return queries;
      };
      // every recipient gets visit.promoted immediately: one job each, all written in one statement
      expect(await measure(40)).toBe(await measure(3));
    });
  });

  describe('unsubscribe without signing in', () => {
    async function mailedCoordinator() {
      const coordinator = await createMailUser(t);
      const city = await cityWithCoordinator(coordinator);
      const applicant = await createMailUser(t);
      await http().post(`/api/cities/${city.id}/join-requests`).set(applicant.auth).send({}).expect(201);
      const [note] = await notificationsOf(coordinator, 'join_request.created');
      await runJob(coordinator, note);
      const [mail] = await mailsTo(coordinator);
      const url = new URL(mail.headers['List-Unsubscribe'].slice(1, -1));
      return { coordinator, url };
    }

    const deliveryOf = async (user: TestUser, kind: string) =>
      (
        (await http().get('/api/me/notification-settings').set(user.auth).expect(200)).body as NotificationSettingDto[]
      ).find((s) => s.kind === kind)?.delivery;

    it('GET changes nothing; the one-click POST turns that one kind off', async () => {
      const { coordinator, url } = await mailedCoordinator();
      const info = await http().get(`${url.pathname}${url.search}`).expect(200);
      expect(info.body).toEqual({ kind: 'join_request.created', delivery: 'immediately' });
      expect(await deliveryOf(coordinator, 'join_request.created')).toBe('immediately');

      const res = await http()
        .post(`${url.pathname}${url.search}`)
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send('List-Unsubscribe=One-Click')
        .expect(200);
      expect(res.body).toEqual({ kind: 'join_request.created', delivery: 'off' });
      expect(await deliveryOf(coordinator, 'join_request.created')).toBe('off');
      expect(await deliveryOf(coordinator, 'partnership.invited')).toBe('immediately');
      // the web page's button posts without a body
      await http().post(`${url.pathname}${url.search}`).expect(200);
    });

    it('refuses forged tokens and cannot be bent to another kind or user', async () => {
      const { coordinator, url } = await mailedCoordinator();
      const token = url.searchParams.get('token') ?? '';
      const [body, signature] = token.split('.');
      const otherKind = Buffer.from(`${coordinator.id}:partnership.invited`).toString('base64url');
      const other = await createMailUser(t);
      const otherUser = Buffer.from(`${other.id}:join_request.created`).toString('base64url');
      for (const forged of [`${otherKind}.${signature}`, `${otherUser}.${signature}`, `${body}.AAAA`, 'nonsense', '']) {
        const res = await http()
          .post(`/api/unsubscribe?token=${encodeURIComponent(forged)}`)
          .expect(400);
        expect(Object.keys(res.body.fields)).toEqual(['token']);
      }
      expect(await deliveryOf(coordinator, 'join_request.created')).toBe('immediately');
      expect(await deliveryOf(other, 'join_request.created')).toBe('immediately');
      // a token signed for another kind turns off only that kind
      const invited = t.app.get(UnsubscribeTokens).sign(coordinator.id, 'partnership.invited');
      await http()
        .post(`/api/unsubscribe?token=${encodeURIComponent(invited)}`)
        .expect(200);
      expect(await deliveryOf(coordinator, 'partnership.invited')).toBe('off');
      expect(await deliveryOf(coordinator, 'join_request.created')).toBe('immediately');
    });
  });
});
