import type { UiLanguage } from '@twinning/contracts';
import request from 'supertest';
import { createUser, type TestUser } from './factories';
import type { TestApp } from './test-app';

/** A user with a verified address in a time zone and language (what the digests need). */
export async function createMailUser(
  t: TestApp,
  opts: { timeZone?: string; lang?: UiLanguage; displayName?: string; verified?: boolean; bouncing?: boolean } = {},
): Promise<TestUser> {
  const user = await createUser(t, opts.displayName ? { displayName: opts.displayName } : {});
  await t.dataSource.query(
    `UPDATE users SET time_zone = $2, preferred_language = $3,
            email_verified_at = CASE WHEN $4 THEN now() END, email_bouncing_at = CASE WHEN $5 THEN now() END
      WHERE id = $1`,
    [user.id, opts.timeZone ?? 'UTC', opts.lang ?? 'en', opts.verified ?? true, opts.bouncing ?? false],
  );
  return user;
}

/** A stored notification, created at the given instant. */
export async function insertNotification(
  t: TestApp,
  userId: string,
  kind: string,
  payload: Record<string, unknown>,
  createdAt: string,
  opts: { read?: boolean } = {},
): Promise<string> {
  const [row] = await t.dataSource.query(
    `INSERT INTO notifications (user_id, kind, payload, created_at, read_at)
     VALUES ($1, $2, $3::jsonb, $4, CASE WHEN $5 THEN $4::timestamptz END) RETURNING id`,
    [userId, kind, JSON.stringify(payload), createdAt, opts.read ?? false],
  );
  return row.id;
}

export interface CapturedMail {
  id: string;
  category: string;
  subject: string;
  html: string;
  text: string;
  status: string;
  headers: Record<string, string>;
}

/** The mail captured for an address, oldest first. */
export async function mailsTo(t: TestApp, email: string): Promise<CapturedMail[]> {
  return t.dataSource.query(
    `SELECT id, category, subject, html, text, status, headers FROM mail_messages WHERE to_address = $1 ORDER BY created_at, id`,
    [email.toLowerCase()],
  );
}

/** Starts a thread through the API; answers its id. */
export async function startThread(t: TestApp, user: TestUser, forumId: string, title: string, body: string) {
  const res = await request(t.app.getHttpServer())
    .post(`/api/forums/${forumId}/threads`)
    .set(user.auth)
    .send({ title, body });
  if (res.status !== 201) throw new Error(`startThread: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** Sets how a user gets mail for one notification kind, through the API. */
export async function setDelivery(t: TestApp, user: TestUser, kind: string, delivery: string): Promise<void> {
  await request(t.app.getHttpServer())
    .put('/api/me/notification-settings')
    .set(user.auth)
    .send({ settings: [{ kind, delivery }] })
    .expect(200);
}
