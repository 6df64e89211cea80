import jwt from 'jsonwebtoken';
import request from 'supertest';
import { REFRESH_COOKIE_NAME } from '@twinning/contracts';
import { bootApp, resetDatabase, TEST_JWT_SECRET, type TestApp } from './support/test-app';
import { createUser, FACTORY_PASSWORD } from './support/factories';

function refreshCookie(res: request.Response): string {
  const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = raw.find((c) => c.startsWith(`${REFRESH_COOKIE_NAME}=`));
  if (!cookie) throw new Error(`no refresh cookie in ${JSON.stringify(raw)}`);
  return cookie.split(';')[0];
}

describe('accounts and sessions', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await bootApp();
    await resetDatabase(t.dataSource);
  });
  afterAll(() => t.close());

  describe('register', () => {
    it('creates an unverified account, answers 202 "check your mail" and opens no session', async () => {
      const res = await http()
        .post('/api/auth/register')
        .send({
          email: '  Ana.Souza@Example.org ',
          password: 'a long enough password',
          displayName: 'Ana Souza',
          preferredLanguage: 'fr',
          timeZone: 'America/Toronto',
        })
        .expect(202);
      expect(res.body).toEqual({ status: 'check_your_mail' });
      expect(res.headers['set-cookie']).toBeUndefined();
      const [row] = await t.dataSource.query(
        `SELECT password_hash, preferred_language, time_zone, email_verified_at FROM users WHERE email = 'ana.souza@example.org'`,
      );
      expect(row).toMatchObject({ preferred_language: 'fr', time_zone: 'America/Toronto', email_verified_at: null });
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
    });

    it('answers a second registration of the same email, whatever its case, exactly the same and creates nothing', async () => {
      const res = await http()
        .post('/api/auth/register')
        .send({ email: 'ANA.SOUZA@example.org', password: 'another long password', displayName: 'Impostor' })
        .expect(202);
      expect(res.body).toEqual({ status: 'check_your_mail' });
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM users WHERE email = 'ana.souza@example.org'`,
      );
      expect(n).toBe(1);
    });

    it('names every bad field, including unknown ones, and stores nothing', async () => {
      const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM users`);
      const res = await http()
        .post('/api/auth/register')
        .send({ email: 'not-an-email', password: 'short', displayName: '', role: 'admin', timeZone: 'Mars/Olympus' })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.fields).sort()).toEqual(['displayName', 'email', 'password', 'role', 'timeZone']);
      expect(res.body.fields.password.join(' ')).toMatch(/12 characters/);
      const after = await t.dataSource.query(`SELECT count(*)::int AS n FROM users`);
      expect(after[0].n).toBe(before[0].n);
    });

    it('refuses malformed JSON and other content types with a JSON error body', async () => {
      const bad = await http()
        .post('/api/auth/register')
        .set('Content-Type', 'application/json')
        .send('{"email":')
        .expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      const text = await http().post('/api/auth/register').set('Content-Type', 'text/plain').send('hello').expect(415);
      expect(text.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });
  });

  describe('login', () => {
    it('answers with an access token that opens /api/me', async () => {
      const user = await createUser(t);
      const res = await http()
        .post('/api/auth/login')
        .send({ email: user.email, password: FACTORY_PASSWORD })
        .expect(200);
      const me = await http().get('/api/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
      expect(me.body).toMatchObject({ id: user.id, email: user.email, roles: [] });
    });

    it('gives the same answer for a wrong password and an unknown email', async () => {
      const user = await createUser(t);
      const wrong = await http()
        .post('/api/auth/login')
        .send({ email: user.email, password: 'not the password!' })
        .expect(401);
      const unknown = await http()
        .post('/api/auth/login')
        .send({ email: 'nobody@example.test', password: 'not the password!' })
        .expect(401);
      expect(wrong.body).toEqual({ code: 'INVALID_CREDENTIALS', message: expect.any(String) });
      expect(unknown.body).toEqual(wrong.body);
      expect(wrong.headers['set-cookie']).toBeUndefined();
    });
  });

  describe('access tokens', () => {
    let userId: string;
    beforeAll(async () => {
      userId = (await createUser(t)).id;
    });
    const call = (token: string) => http().get('/api/me').set('Authorization', `Bearer ${token}`);
    const claims = () => ({ sub: userId, typ: 'access' });
    const opts = { issuer: 'twinning', audience: 'twinning-api' };

    it('rejects a missing token with 401 UNAUTHENTICATED', async () => {
      expect((await http().get('/api/me').expect(401)).body.code).toBe('UNAUTHENTICATED');
    });

    it('rejects an expired token with 401 TOKEN_EXPIRED', async () => {
      const token = jwt.sign({ ...claims(), exp: Math.floor(Date.now() / 1000) - 60 }, TEST_JWT_SECRET, opts);
      expect((await call(token).expect(401)).body.code).toBe('TOKEN_EXPIRED');
    });

    it('rejects a token signed with another secret', async () => {
      const token = jwt.sign(claims(), 'some-other-secret-of-sufficient-length-000000', { ...opts, expiresIn: 60 });
      expect((await call(token).expect(401)).body.code).toBe('UNAUTHENTICATED');
    });

    it('rejects an unsigned token (alg: none)', async () => {
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims(), iat: now, exp: now + 600, iss: 'twinning', aud: 'twinning-api' })}.`;
      expect((await call(token).expect(401)).body.code).toBe('UNAUTHENTICATED');
    });

    it('rejects a token for another audience or a token of a deleted user', async () => {
      const other = jwt.sign(claims(), TEST_JWT_SECRET, { issuer: 'twinning', audience: 'elsewhere', expiresIn: 60 });
      await call(other).expect(401);
      const ghost = await createUser(t);
      await t.dataSource.query(`DELETE FROM users WHERE id = $1`, [ghost.id]);
      expect((await call(ghost.token).expect(401)).body.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('refresh rotation', () => {
    it('rotates the refresh token; reusing a rotated token revokes the whole family', async () => {
      const user = await createUser(t);
      const login = await http()
        .post('/api/auth/login')
        .send({ email: user.email, password: FACTORY_PASSWORD })
        .expect(200);
      const first = refreshCookie(login);

      const r1 = await http().post('/api/auth/refresh').set('Cookie', first).expect(200);
      expect(r1.body.user.id).toBe(user.id);
      const second = refreshCookie(r1);
      expect(second).not.toBe(first);

      // An attacker replays the first (already rotated) token: refused, and the family is revoked…
      const replay = await http().post('/api/auth/refresh').set('Cookie', first).expect(401);
      expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');
      // …so the legitimate successor no longer works either.
      const after = await http().post('/api/auth/refresh').set('Cookie', second).expect(401);
      expect(after.body.code).toBe('REFRESH_TOKEN_REUSED');

      // Other sessions (another login) are unaffected.
      const other = await http()
        .post('/api/auth/login')
        .send({ email: user.email, password: FACTORY_PASSWORD })
        .expect(200);
      await http().post('/api/auth/refresh').set('Cookie', refreshCookie(other)).expect(200);
    });

    it('stores only a hash of the refresh token', async () => {
      const user = await createUser(t);
      const login = await http()
        .post('/api/auth/login')
        .send({ email: user.email, password: FACTORY_PASSWORD })
        .expect(200);
      const raw = refreshCookie(login).split('=')[1];
      const rows = await t.dataSource.query(`SELECT token_hash FROM refresh_tokens WHERE user_id = $1`, [user.id]);
      expect(rows).toHaveLength(1);
      expect(rows[0].token_hash).not.toContain(raw);
      expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('refuses a missing, unknown or expired refresh token', async () => {
      expect((await http().post('/api/auth/refresh').expect(401)).body.code).toBe('REFRESH_TOKEN_INVALID');
      await http().post('/api/auth/refresh').set('Cookie', `${REFRESH_COOKIE_NAME}=made-up`).expect(401);
      const user = await createUser(t);
      const login = await http()
        .post('/api/auth/login')
        .send({ email: user.email, password: FACTORY_PASSWORD })
        .expect(200);
      await t.dataSource.query(
        `UPDATE refresh_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = $1`,
        [user.id],
      );
      expect((await http().post('/api/auth/refresh').set('Cookie', refreshCookie(login)).expect(401)).body.code).toBe(
        'REFRESH_TOKEN_INVALID',
      );
    });

    it('refuses refresh from a foreign origin', async () => {
      const user = await createUser(t);
      const login = await http()
        .post('/api/auth/login')
        .send({ email: user.email, password: FACTORY_PASSWORD })
        .expect(200);
      const res = await http()
        .post('/api/auth/refresh')
        .set('Origin', 'https://evil.example')
        .set('Cookie', refreshCookie(login))
        .expect(403);
      expect(res.body.code).toBe('ORIGIN_NOT_ALLOWED');
    });

    it('logout revokes the session and clears the cookie', async () => {
      const user = await createUser(t);
      const login = await http()
        .post('/api/auth/login')
        .send({ email: user.email, password: FACTORY_PASSWORD })
        .expect(200);
      const cookie = refreshCookie(login);
      const out = await http().post('/api/auth/logout').set('Cookie', cookie).expect(204);
      expect(([] as string[]).concat(out.headers['set-cookie']).join(';')).toMatch(
        new RegExp(`${REFRESH_COOKIE_NAME}=;`),
      );
      await http().post('/api/auth/refresh').set('Cookie', cookie).expect(401);
    });
  });

  describe('profile', () => {
    it('updates display name, language and time zone, and validates them', async () => {
      const user = await createUser(t);
      const res = await http()
        .patch('/api/me')
        .set(user.auth)
        .send({ displayName: 'Nguyễn Thị Lan', preferredLanguage: 'ar', timeZone: 'Asia/Ho_Chi_Minh' })
        .expect(200);
      expect(res.body).toMatchObject({
        displayName: 'Nguyễn Thị Lan',
        preferredLanguage: 'ar',
        timeZone: 'Asia/Ho_Chi_Minh',
      });
      const bad = await http()
        .patch('/api/me')
        .set(user.auth)
        .send({ preferredLanguage: 'de', timeZone: 'Nowhere/City', role: 'admin' })
        .expect(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['preferredLanguage', 'role', 'timeZone']);
      const me = await http().get('/api/me').set(user.auth).expect(200);
      expect(me.body.roles).toEqual([]);
      expect(me.body.preferredLanguage).toBe('ar');
    });
  });
});

describe('rate limits on login and register', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootApp({
      AUTH_RATE_LIMIT_PER_ACCOUNT: '3',
      AUTH_RATE_LIMIT_PER_IP: '8',
      AUTH_RATE_LIMIT_WINDOW_SECONDS: '60',
    });
  });
  afterAll(() => t.close());
  const http = () => request(t.app.getHttpServer());

  it('limits attempts per account with 429 and Retry-After, even with the right password', async () => {
    const user = await createUser(t);
    for (let i = 0; i < 3; i++) {
      await http().post('/api/auth/login').send({ email: user.email, password: 'wrong password!!' }).expect(401);
    }
    const limited = await http()
      .post('/api/auth/login')
      .send({ email: user.email, password: FACTORY_PASSWORD })
      .expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('limits attempts per IP across accounts and on register', async () => {
    let status = 0;
    let attempts = 0;
    while (status !== 429 && attempts < 20) {
      attempts++;
      const res = await http()
        .post('/api/auth/register')
        .send({ email: `flood-${attempts}@example.test`, password: 'long enough password', displayName: 'Flood' });
      status = res.status;
    }
    expect(status).toBe(429);
    // 4 attempts were spent by the previous test from the same IP; 8 per IP in all.
    expect(attempts).toBeLessThanOrEqual(8);
    await http()
      .post('/api/auth/login')
      .send({ email: 'fresh@example.test', password: 'whatever password' })
      .expect(429);
  });
});
