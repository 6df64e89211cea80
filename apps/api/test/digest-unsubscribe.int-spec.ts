import { NOTIFICATION_KINDS, NOTIFICATION_MAIL_DEFAULTS, type NotificationSettingDto } from '@twinning/contracts';
import request from 'supertest';
import { Clock } from '../src/common/clock';
import { DigestsService } from '../src/digests';
import type { TestUser } from './support/factories';
import { createMailUser, insertNotification, mailsTo } from './support/mail-users';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

/**
 * The digests' one-click unsubscribe (RFC 8058): the mail's headers and footer link carry a token
 * signed for the user and the digest; the link's page (GET) changes nothing, the POST turns off
 * every kind whose delivery is that digest's period. Tuesday 8 and Monday 14 December 2026, UTC.
 */
describe('digest unsubscribe', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  const tick = (at: string) => {
    t.app.get(Clock).set(at);
    return t.app.get(DigestsService).runDueDigests();
  };
  const reply = (user: TestUser, at: string) =>
    insertNotification(
      t,
      user.id,
      'forum.reply',
      {
        actor: { id: user.id, displayName: 'Someone Else' },
        thread: {
          id: '00000000-0000-4000-8000-000000000001',
          title: 'A thread',
          forumId: '00000000-0000-4000-8000-000000000002',
        },
        postId: '00000000-0000-4000-8000-000000000003',
        seq: 2,
        excerpt: 'A reply',
      },
      at,
    );
  const visitOpened = (user: TestUser, at: string) =>
    insertNotification(
      t,
      user.id,
      'visit.opened',
      {
        actor: { id: user.id, displayName: 'Coordinator' },
        visit: { id: '00000000-0000-4000-8000-000000000004', title: 'A visit' },
        partnership: { id: '00000000-0000-4000-8000-000000000005', title: 'A partnership' },
        hostCity: { id: '00000000-0000-4000-8000-000000000006', slug: 'toronto', name: 'Toronto' },
        startDate: null,
        endDate: null,
      },
      at,
    );
  const settingsOf = async (user: TestUser) =>
    new Map(
      (
        (await http().get('/api/me/notification-settings').set(user.auth).expect(200)).body as NotificationSettingDto[]
      ).map((s) => [s.kind, s.delivery]),
    );
  const choose = (user: TestUser, settings: { kind: string; delivery: string }[]) =>
    http().put('/api/me/notification-settings').set(user.auth).send({ settings }).expect(200);
  const oneClick = (url: URL) =>
    http()
      .post(`${url.pathname}${url.search}`)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('List-Unsubscribe=One-Click');

  /** The digest mail's one-click URL, after checking the headers and the footer link agree. */
  async function digestLink(user: TestUser): Promise<URL> {
    const mails = await mailsTo(t, user.email);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(mail.headers['List-Unsubscribe'].startsWith(`<${t.config.publicUrl}/api/unsubscribe?token=`)).toBe(true);
    expect(mail.headers['List-Unsubscribe'].endsWith('>')).toBe(true);
    const url = new URL(mail.headers['List-Unsubscribe'].slice(1, -1));
    const token = url.searchParams.get('token') ?? '';
    expect(mail.text).toContain(`${t.config.publicUrl}/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(mail.html).toContain(`${t.config.publicUrl}/unsubscribe?token=${encodeURIComponent(token)}`);
    return url;
  }

  beforeAll(async () => {
    t = await bootApp();
  });

  beforeEach(async () => {
    await resetDatabase(t.dataSource);
  });

  afterAll(async () => {
    await t.close();
  });

  it('the daily digest carries the headers and link; GET changes nothing, the one-click POST turns the daily kinds off', async () => {
    const user = await createMailUser(t);
    // the reader moved one more kind to the daily digest and one daily kind elsewhere stays untouched
    await choose(user, [{ kind: 'visit.opened', delivery: 'daily' }]);
    await reply(user, '2026-12-07T20:00:00Z');
    expect(await tick('2026-12-08T08:05:00Z')).toEqual({ due: 1, sent: 1 });
    const url = await digestLink(user);
    expect((await mailsTo(t, user.email))[0].text).toContain('Turn off the daily digest: ');

    const before = await settingsOf(user);
    const info = await http().get(`${url.pathname}${url.search}`).expect(200);
    expect(info.body).toEqual({ digest: 'daily', kinds: ['forum.reply', 'visit.opened'] });
    expect(await settingsOf(user)).toEqual(before);

    const res = await oneClick(url).expect(200);
    expect(res.body).toEqual({ digest: 'daily', kinds: ['forum.reply', 'visit.opened'], delivery: 'off' });
    const after = await settingsOf(user);
    expect(after.get('forum.reply')).toBe('off');
    expect(after.get('visit.opened')).toBe('off');
    for (const kind of NOTIFICATION_KINDS.filter((k) => k !== 'forum.reply' && k !== 'visit.opened')) {
      expect(after.get(kind)).toBe(NOTIFICATION_MAIL_DEFAULTS[kind]);
    }
    // nothing daily is left: the page says so
    expect((await http().get(`${url.pathname}${url.search}`).expect(200)).body).toEqual({ digest: 'daily', kinds: [] });
  });

  it('Monday’s combined digest has one link that turns off both the daily and the weekly kinds', async () => {
    const user = await createMailUser(t);
    await choose(user, [{ kind: 'forum.mention', delivery: 'weekly' }]);
    await reply(user, '2026-12-13T20:00:00Z');
    await visitOpened(user, '2026-12-09T20:00:00Z');
    expect(await tick('2026-12-14T08:05:00Z')).toEqual({ due: 1, sent: 1 });
    expect((await mailsTo(t, user.email))[0].category).toBe('digest.combined');
    const url = await digestLink(user);

    const digestKinds = NOTIFICATION_KINDS.filter(
      (k) =>
        k === 'forum.mention' ||
        NOTIFICATION_MAIL_DEFAULTS[k] === 'daily' ||
        NOTIFICATION_MAIL_DEFAULTS[k] === 'weekly',
    );
    expect((await http().get(`${url.pathname}${url.search}`).expect(200)).body).toEqual({
      digest: 'combined',
      kinds: digestKinds,
    });
    await oneClick(url).expect(200);
    const after = await settingsOf(user);
    for (const kind of NOTIFICATION_KINDS) {
      expect([kind, after.get(kind)]).toEqual([kind, digestKinds.includes(kind) ? 'off' : 'immediately']);
    }
  });

  it('refuses a forged digest token and cannot be bent to another user', async () => {
    const user = await createMailUser(t);
    const other = await createMailUser(t);
    await reply(user, '2026-12-07T20:00:00Z');
    await tick('2026-12-08T08:05:00Z');
    const url = await digestLink(user);
    const [body, signature] = (url.searchParams.get('token') ?? '').split('.');
    const otherUser = Buffer.from(`${other.id}:digest.daily`).toString('base64url');
    const otherDigest = Buffer.from(`${user.id}:digest.combined`).toString('base64url');
    const unknownDigest = Buffer.from(`${user.id}:digest.monthly`).toString('base64url');
    for (const forged of [
      `${otherUser}.${signature}`,
      `${otherDigest}.${signature}`,
      `${unknownDigest}.${signature}`,
      `${body}.AAAA`,
    ]) {
      const res = await http()
        .post(`/api/unsubscribe?token=${encodeURIComponent(forged)}`)
        .expect(400);
      expect(Object.keys(res.body.fields)).toEqual(['token']);
      await http()
        .get(`/api/unsubscribe?token=${encodeURIComponent(forged)}`)
        .expect(400);
    }
    expect((await settingsOf(user)).get('forum.reply')).toBe('daily');
    expect((await settingsOf(other)).get('forum.reply')).toBe('daily');
  });
});
