import request from 'supertest';
import { REFRESH_COOKIE_NAME } from '@twinning/contracts';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';
import { createUser, FACTORY_PASSWORD, themeForumId } from './support/factories';
import { connectRoom, createWorkshop } from './support/workshops';

/** A captured mail (capture mode: outside production without SMTP_URL), newest first. */
interface Mail {
  category: string;
  subject: string;
  html: string;
  text: string;
  to_address: string;
  status: string;
}

function refreshCookie(res: request.Response): string {
  const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = raw.find((c) => c.startsWith(`${REFRESH_COOKIE_NAME}=`));
  if (!cookie) throw new Error(`no refresh cookie in ${JSON.stringify(raw)}`);
  return cookie.split(';')[0];
}

/** The link of a mail's button, read from the plain-text part: its path and token. */
function linkOf(mail: Mail): { url: URL; token: string } {
  const match = /https?:\/\/\S+\?token=[A-Za-z0-9_-]+/.exec(mail.text);
  if (!match) throw new Error(`no link in mail ${mail.category}: ${mail.text}`);
  const url = new URL(match[0]);
  expect(mail.html).toContain(`href="${match[0]}"`);
  return { url, token: url.searchParams.get('token') as string };
}

describe('accounts by email', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const mailsTo = (to: string): Promise<Mail[]> =>
    t.dataSource.query(
      `SELECT category, subject, html, text, to_address, status FROM mail_messages WHERE to_address = $1
        ORDER BY created_at DESC, id DESC`,
      [to],
    );
  const lastMailTo = async (to: string): Promise<Mail> => {
    const [mail] = await mailsTo(to);
    if (!mail) throw new Error(`no mail to ${to}`);
    return mail;
  };
  const register = (email: string, extra: Record<string, string> = {}) =>
    http()
      .post('/api/auth/register')
      .send({ email, password: 'a long enough password', displayName: 'Nadia Rahman', ...extra });
  const login = (email: string, password = 'a long enough password') =>
    http().post('/api/auth/login').send({ email, password }).expect(200);

  beforeAll(async () => {
    t = await bootApp({ PUBLIC_URL: 'https://twinning.example.org' });
    await resetDatabase(t.dataSource);
  });
  afterAll(() => t.close());

  describe('registration and verification', () => {
    it('mails a verification link (in the chosen language and time zone) that verifies and signs in once', async () => {
      await register('nadia@example.test', { preferredLanguage: 'ar', timeZone: 'Asia/Kuala_Lumpur' }).expect(202);
      const mail = await lastMailTo('nadia@example.test');
      expect(mail).toMatchObject({ category: 'account.verify_email', status: 'captured' });
      expect(mail.subject).toBe('أكّد عنوان بريدك الإلكتروني في Twinning');
      expect(mail.html).toContain('dir="rtl"');
      expect(mail.text).toContain('(Asia/Kuala_Lumpur)');
      expect(mail.text).toContain('وصلتك هذه الرسالة'); // the footer says why
      const { url, token } = linkOf(mail);
      expect(`${url.origin}${url.pathname}`).toBe('https://twinning.example.org/verify-email');
      const [stored] = await t.dataSource.query(`SELECT token_hash FROM account_tokens WHERE purpose = 'verify_email'`);
      expect(stored.token_hash).not.toContain(token); // only the hash is kept

      const before = await login('nadia@example.test');
      expect(before.body.user.emailVerified).toBe(false);

      const verified = await http().post('/api/auth/verify-email').send({ token }).expect(200);
      expect(verified.body.user).toMatchObject({ email: 'nadia@example.test', emailVerified: true });
      expect(refreshCookie(verified)).toMatch(new RegExp(`^${REFRESH_COOKIE_NAME}=`));
      const me = await http().get('/api/me').set('Authorization', `Bearer ${verified.body.accessToken}`).expect(200);
      expect(me.body.emailVerified).toBe(true);

      const again = await http().post('/api/auth/verify-email').send({ token }).expect(400);
      expect(again.body.code).toBe('LINK_INVALID');
    });

    it('answers a second registration of the same address identically; its owner is told someone tried', async () => {
      const first = await register('twice@example.test');
      const second = await register('twice@example.test', { displayName: 'Someone else' });
      expect(second.status).toBe(first.status);
      expect(second.body).toEqual(first.body);
      expect(second.headers['set-cookie']).toBeUndefined();
      const mails = await mailsTo('twice@example.test');
      expect(mails.map((m) => m.category)).toEqual(['account.address_in_use', 'account.verify_email']);
      expect(mails[0].subject).toBe('Someone tried to use your address on Twinning');
      expect(mails[0].text).not.toContain('?token=');
    });

    it('refuses an expired verification link', async () => {
      await register('late@example.test').expect(202);
      const { token } = linkOf(await lastMailTo('late@example.test'));
      await t.dataSource.query(`UPDATE account_tokens SET expires_at = now() - interval '1 minute'`);
      const res = await http().post('/api/auth/verify-email').send({ token }).expect(400);
      expect(res.body.code).toBe('LINK_INVALID');
      const [row] = await t.dataSource.query(`SELECT email_verified_at FROM users WHERE email = 'late@example.test'`);
      expect(row.email_verified_at).toBeNull();
    });

    it('names the field of a malformed token', async () => {
      const res = await http().post('/api/auth/verify-email').send({ token: 'x' }).expect(400);
      expect(Object.keys(res.body.fields)).toEqual(['token']);
    });

    it('clears a bounce marker when the address is verified', async () => {
      await register('bounced@example.test').expect(202);
      await t.dataSource.query(
        `UPDATE users SET email_bouncing_at = now(), email_bounce_reason = '550 no such user' WHERE email = 'bounced@example.test'`,
      );
      const { token } = linkOf(await lastMailTo('bounced@example.test'));
      await http().post('/api/auth/verify-email').send({ token }).expect(200);
      const [row] = await t.dataSource.query(
        `SELECT email_bouncing_at, email_bounce_reason FROM users WHERE email = 'bounced@example.test'`,
      );
      expect(row).toEqual({ email_bouncing_at: null, email_bounce_reason: null });
    });

    it('resends a verification link to a signed-in unverified user, then asks them to wait', async () => {
      const user = await createUser(t, { verified: false });
      await http().post('/api/auth/resend-verification').set(user.auth).expect(202);
      expect((await lastMailTo(user.email)).category).toBe('account.verify_email');
      const limited = await http().post('/api/auth/resend-verification').set(user.auth).expect(429);
      expect(limited.body.retryAfterSeconds).toBeGreaterThan(0);
      const verified = await createUser(t);
      const already = await http().post('/api/auth/resend-verification').set(verified.auth).expect(409);
      expect(already.body.code).toBe('INVALID_STATE');
    });

    it('re-verifies a verified address that bounces: the link goes out despite the marker and lifts it', async () => {
      const user = await createUser(t);
      await t.dataSource.query(
        `UPDATE users SET email_bouncing_at = now(), email_bounce_reason = '552 mailbox full' WHERE id = $1`,
        [user.id],
      );
      await http().post('/api/auth/resend-verification').set(user.auth).expect(202);
      const mail = await lastMailTo(user.email);
      expect(mail.category).toBe('account.verify_email');
      expect(mail.status).not.toBe('suppressed');
      await http()
        .post('/api/auth/verify-email')
        .send({ token: linkOf(mail).token })
        .expect(200);
      const me = await http().get('/api/me').set(user.auth).expect(200);
      expect(me.body.emailStatus).toBe('verified');
    });
  });

  describe('EMAIL_NOT_VERIFIED', () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const gated: [string, 'post' | 'put', (ids: { forum: string }) => string][] = [
      ['start a thread', 'post', ({ forum }) => `/api/forums/${forum}/threads`],
      ['reply', 'post', () => `/api/threads/${id}/posts`],
      ['request to join a city', 'post', () => `/api/cities/${id}/join-requests`],
      ['register for a visit', 'put', () => `/api/visits/${id}/registration`],
      ['register for a workshop', 'put', () => `/api/workshops/${id}/registration`],
      ['propose a partnership', 'post', () => '/api/partnerships'],
      ['invite a city to a partnership', 'post', () => `/api/partnerships/${id}/invitations`],
    ];

    it.each(gated)('refuses an unverified user who tries to %s, and only them', async (_what, method, path) => {
      const forum = await themeForumId(t.dataSource, 'integration');
      const unverified = await createUser(t, { verified: false });
      const verified = await createUser(t);
      const refused = await http()[method](path({ forum })).set(unverified.auth).send({}).expect(403);
      expect(refused.body).toEqual({ code: 'EMAIL_NOT_VERIFIED', message: expect.any(String) });
      const passed = await http()[method](path({ forum })).set(verified.auth).send({});
      expect(passed.body.code).not.toBe('EMAIL_NOT_VERIFIED');
      expect([400, 404]).toContain(passed.status); // reached validation or the service
    });

    it('lets an unverified user read, and post once verified', async () => {
      const forum = await themeForumId(t.dataSource, 'integration');
      await register('reader@example.test').expect(202);
      const session = await login('reader@example.test');
      const auth = { Authorization: `Bearer ${session.body.accessToken}` };
      await http().get(`/api/forums/${forum}/threads`).set(auth).expect(200);
      const thread = { title: 'Language cafés for newcomers', body: 'What worked in your city?' };
      await http().post(`/api/forums/${forum}/threads`).set(auth).send(thread).expect(403);
      const { token } = linkOf(await lastMailTo('reader@example.test'));
      const verified = await http().post('/api/auth/verify-email').send({ token }).expect(200);
      await http()
        .post(`/api/forums/${forum}/threads`)
        .set('Authorization', `Bearer ${verified.body.accessToken}`)
        .send(thread)
        .expect(201);
    });
  });

  describe('forgot and reset password', () => {
    it('answers the same for an address with and without an account; mails only the account', async () => {
      const user = await createUser(t);
      const known = await http().post('/api/auth/forgot-password').send({ email: user.email });
      const unknown = await http().post('/api/auth/forgot-password').send({ email: 'nobody-here@example.test' });
      expect(known.status).toBe(202);
      expect(unknown.status).toBe(known.status);
      expect(unknown.body).toEqual(known.body);
      expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(known.headers).sort());
      expect((await lastMailTo(user.email)).category).toBe('account.reset_password');
      expect(await mailsTo('nobody-here@example.test')).toEqual([]);
    });

    it('sets the password once and signs out every session', async () => {
      const user = await createUser(t);
      const session = await login(user.email, FACTORY_PASSWORD);
      const cookie = refreshCookie(session);
      await http().post('/api/auth/forgot-password').send({ email: user.email.toUpperCase() }).expect(202);
      const { url, token } = linkOf(await lastMailTo(user.email));
      expect(url.pathname).toBe('/reset-password');

      const short = await http().post('/api/auth/reset-password').send({ token, password: 'short' }).expect(400);
      expect(Object.keys(short.body.fields)).toEqual(['password']);
      await http().post('/api/auth/reset-password').send({ token, password: 'a brand new password' }).expect(204);

      expect((await lastMailTo(user.email)).category).toBe('account.password_changed');
      const refresh = await http().post('/api/auth/refresh').set('Cookie', cookie).expect(401);
      expect(refresh.body.code).toBe('REFRESH_TOKEN_REUSED');
      const old = await http().get('/api/me').set('Authorization', `Bearer ${session.body.accessToken}`).expect(401);
      expect(old.body.code).toBe('UNAUTHENTICATED');
      const [{ live }] = await t.dataSource.query(
        `SELECT count(*)::int AS live FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL`,
        [user.id],
      );
      expect(live).toBe(0);
      await http().post('/api/auth/login').send({ email: user.email, password: FACTORY_PASSWORD }).expect(401);
      await login(user.email, 'a brand new password');

      const reused = await http().post('/api/auth/reset-password').send({ token, password: 'yet another password' });
      expect(reused.status).toBe(400);
      expect(reused.body.code).toBe('LINK_INVALID');
    });

    it('refuses an expired reset link', async () => {
      const user = await createUser(t);
      await http().post('/api/auth/forgot-password').send({ email: user.email }).expect(202);
      const { token } = linkOf(await lastMailTo(user.email));
      await t.dataSource.query(
        `UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [user.id],
      );
      const res = await http().post('/api/auth/reset-password').send({ token, password: 'a brand new password' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('LINK_INVALID');
    });
  });

  describe('profile', () => {
    it('changes the password and signs out the other sessions, keeping this one', async () => {
      const user = await createUser(t);
      const here = await login(user.email, FACTORY_PASSWORD);
      const there = await login(user.email, FACTORY_PASSWORD);
      const wrong = await http()
        .post('/api/me/password')
        .set('Authorization', `Bearer ${here.body.accessToken}`)
        .send({ currentPassword: 'not my password', newPassword: 'a brand new password' })
        .expect(400);
      expect(Object.keys(wrong.body.fields)).toEqual(['currentPassword']);

      const changed = await http()
        .post('/api/me/password')
        .set('Authorization', `Bearer ${here.body.accessToken}`)
        .send({ currentPassword: FACTORY_PASSWORD, newPassword: 'a brand new password' })
        .expect(200);
      await http().get('/api/me').set('Authorization', `Bearer ${changed.body.accessToken}`).expect(200);
      await http().get('/api/me').set('Authorization', `Bearer ${there.body.accessToken}`).expect(401);
      await http().post('/api/auth/refresh').set('Cookie', refreshCookie(there)).expect(401);
      await http().post('/api/auth/refresh').set('Cookie', refreshCookie(here)).expect(200);
      expect((await lastMailTo(user.email)).category).toBe('account.password_changed');
    });

    it('changes the address only once the new one is verified, and tells the old one', async () => {
      const user = await createUser(t);
      const res = await http()
        .post('/api/me/email')
        .set(user.auth)
        .send({ email: 'New.Address@Example.test', currentPassword: FACTORY_PASSWORD })
        .expect(202);
      expect(res.body).toEqual({ status: 'check_your_mail' });
      const me = await http().get('/api/me').set(user.auth).expect(200);
      expect(me.body).toMatchObject({ email: user.email, emailVerified: true });
      const confirm = await lastMailTo('new.address@example.test');
      expect(confirm.category).toBe('account.confirm_new_email');

      const verified = await http()
        .post('/api/auth/verify-email')
        .send({ token: linkOf(confirm).token })
        .expect(200);
      expect(verified.body.user).toMatchObject({ email: 'new.address@example.test', emailVerified: true });
      const told = await lastMailTo(user.email);
      expect(told.category).toBe('account.email_changed');
      expect(told.text).toContain('new.address@example.test');
    });

    it('answers the same for an address another account uses, and tells its owner', async () => {
      const user = await createUser(t);
      const other = await createUser(t);
      await http()
        .post('/api/me/email')
        .set(user.auth)
        .send({ email: other.email, currentPassword: FACTORY_PASSWORD })
        .expect(202);
      expect((await lastMailTo(other.email)).category).toBe('account.address_in_use');
      const bad = await http().post('/api/me/email').set(user.auth).send({ email: 'nope', currentPassword: '' });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['currentPassword', 'email']);
    });
  });

  describe('EMAIL_NOT_VERIFIED over sockets', () => {
    let live: TestApp;
    beforeAll(async () => {
      live = await bootApp({}, { listen: true });
    });
    afterAll(() => live.close());

    it('refuses entering a live workshop room (which registers) to an unverified user, not to a verified one', async () => {
      const facilitator = await createUser(live, { roles: ['facilitator'] });
      const workshop = await createWorkshop(live, { facilitator, status: 'live' });
      const unverified = await createUser(live, { verified: false });
      const verified = await createUser(live);
      const join = async (user: { token: string }) => {
        const socket = await connectRoom(live.url, user);
        try {
          return (await socket.timeout(5000).emitWithAck('workshop.join', { workshopId: workshop.id })) as {
            ok: boolean;
            error?: { code: string };
          };
        } finally {
          socket.close();
        }
      };
      const refused = await join(unverified);
      expect(refused).toMatchObject({ ok: false, error: { code: 'EMAIL_NOT_VERIFIED' } });
      const [{ n }] = await live.dataSource.query(
        `SELECT count(*)::int AS n FROM workshop_attendees WHERE workshop_id = $1 AND user_id = $2`,
        [workshop.id, unverified.id],
      );
      expect(n).toBe(0);
      expect(await join(verified)).toMatchObject({ ok: true });
    });
  });
});
