import request from 'supertest';
import { NotificationsService } from '../src/notifications';
import { addMember, createCity, createUser, type TestUser } from './support/factories';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Immediate mail through the real job queue, with no delay (MAIL_IMMEDIATE_DELAY_SECONDS=0). */
describe('notification mail through the job queue', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await bootApp({ MAIL_IMMEDIATE_DELAY_SECONDS: '0', PUBLIC_URL: 'https://twinning.example.org' });
    await resetDatabase(t.dataSource);
  });
  afterAll(() => t.close());

  /** An account whose address was never verified (accounts from before mail, or after an email change). */
  async function unverifiedUser() {
    const user = await createUser(t);
    await t.dataSource.query(`UPDATE users SET email_verified_at = NULL WHERE id = $1`, [user.id]);
    return user;
  }

  async function verifiedUser() {
    const user = await createUser(t);
    await t.dataSource.query(`UPDATE users SET email_verified_at = now() WHERE id = $1`, [user.id]);
    return user;
  }

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
    const [immediate, daily, unverified] = [await verifiedUser(), await verifiedUser(), await unverifiedUser()];
    await http()
      .put('/api/me/notification-settings')
      .set(daily.auth)
      .send({ settings: [{ kind: 'join_request.created', delivery: 'daily' }] })
      .expect(200);
    const city = await createCity(t.dataSource, { name: 'Penang' });
    for (const u of [immediate, daily, unverified]) await addMember(t.dataSource, city.id, u.id, 'coordinator');
    const applicant = await verifiedUser();
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
    const delegate = await verifiedUser();
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
});
