import { Clock } from '../src/common/clock';
import { DIGEST_PRUNE_QUEUE, DIGEST_TICK_CRON, DIGEST_TICK_QUEUE, DigestsService } from '../src/digests';
import { JOBS_SCHEMA, JobsService } from '../src/jobs';
import { addMember, createCity, createPartnershipForum, themeForumId, type TestUser } from './support/factories';
import { createMailUser, insertNotification, mailsTo } from './support/mail-users';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

/**
 * Digests tick through `runDueDigests` with the app's Clock set to chosen instants. Tuesday
 * 8 December 2026 and Monday 14 December 2026 (Toronto UTC−5, Kuala Lumpur UTC+8, India +05:30,
 * Nepal +05:45 in December).
 */
describe('daily and weekly digests', () => {
  let t: TestApp;
  let second: TestApp;

  const tick = (at: string, app: TestApp = t) => {
    app.app.get(Clock).set(at);
    return app.app.get(DigestsService).runDueDigests();
  };
  const reply = (user: TestUser, title: string, at: string, opts: { read?: boolean } = {}) =>
    insertNotification(
      t,
      user.id,
      'forum.reply',
      {
        actor: { id: user.id, displayName: 'Someone Else' },
        thread: { id: '00000000-0000-4000-8000-000000000001', title, forumId: '00000000-0000-4000-8000-000000000002' },
        postId: '00000000-0000-4000-8000-000000000003',
        seq: 2,
        excerpt: 'A reply',
      },
      at,
      opts,
    );
  const visitOpened = (user: TestUser, title: string, at: string) =>
    insertNotification(
      t,
      user.id,
      'visit.opened',
      {
        actor: { id: user.id, displayName: 'Coordinator' },
        visit: { id: '00000000-0000-4000-8000-000000000004', title },
        partnership: { id: '00000000-0000-4000-8000-000000000005', title: 'A partnership' },
        hostCity: { id: '00000000-0000-4000-8000-000000000006', slug: 'toronto', name: 'Toronto' },
        startDate: null,
        endDate: null,
      },
      at,
    );

  beforeAll(async () => {
    t = await bootApp();
    second = await bootApp();
  });

  beforeEach(async () => {
    await resetDatabase(t.dataSource);
  });

  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('goes out at 08:00 in each user’s zone: Toronto and Kuala Lumpur are different instants', async () => {
    const toronto = await createMailUser(t, { timeZone: 'America/Toronto', displayName: 'Tom Toronto' });
    const penang = await createMailUser(t, { timeZone: 'Asia/Kuala_Lumpur', lang: 'fr', displayName: 'Pia Penang' });
    await reply(toronto, 'Toronto thread', '2026-12-07T20:00:00Z');
    await reply(penang, 'Penang thread', '2026-12-07T20:00:00Z');

    // 00:05Z = 08:05 in Kuala Lumpur, 19:05 the day before in Toronto
    expect(await tick('2026-12-08T00:05:00Z')).toEqual({ due: 1, sent: 1 });
    expect(await mailsTo(t, toronto.email)).toEqual([]);
    const [penangMail] = await mailsTo(t, penang.email);
    expect(penangMail).toMatchObject({ category: 'digest.daily', status: 'captured' });
    expect(penangMail.subject).toBe('Votre résumé Twinning du mardi 8 décembre');
    expect(penangMail.text).toContain('Someone Else a répondu dans « Penang thread »');
    expect(penangMail.html).toContain('<html lang="fr" dir="ltr">');
    expect(penangMail.text).toContain(`Ne plus recevoir le résumé quotidien: ${t.config.publicUrl}/unsubscribe?token=`);

    // 12:55Z: 07:55 in Toronto, too early; 13:05Z: 08:05
    expect(await tick('2026-12-08T12:55:00Z')).toEqual({ due: 0, sent: 0 });
    expect(await tick('2026-12-08T13:05:00Z')).toEqual({ due: 1, sent: 1 });
    const torontoMails = await mailsTo(t, toronto.email);
    expect(torontoMails).toHaveLength(1);
    expect(torontoMails[0].subject).toBe('Your Twinning digest for Tuesday, December 8');
    expect(torontoMails[0].text).toContain('Someone Else replied in “Toronto thread”');
    expect(torontoMails[0].text).not.toContain('Penang thread');
    expect(await mailsTo(t, penang.email)).toHaveLength(1);
  });

  it('handles India (+05:30) and Nepal (+05:45); a late tick inside the window sends, a tick after it does not repeat', async () => {
    const india = await createMailUser(t, { timeZone: 'Asia/Kolkata', lang: 'ar' });
    const nepal = await createMailUser(t, { timeZone: 'Asia/Kathmandu' });
    await reply(india, 'India thread', '2026-12-07T20:00:00Z');
    await reply(nepal, 'Nepal thread', '2026-12-07T20:00:00Z');

    // 02:29Z = 08:14 in Kathmandu (the 08:15 tick was missed), 07:59 in Kolkata
    expect(await tick('2026-12-08T02:29:00Z')).toEqual({ due: 1, sent: 1 });
    expect(await mailsTo(t, nepal.email)).toHaveLength(1);
    expect(await mailsTo(t, india.email)).toHaveLength(0);
    // 02:31Z = 08:01 in Kolkata; 08:16 in Kathmandu, where nothing is due any more
    expect(await tick('2026-12-08T02:31:00Z')).toEqual({ due: 1, sent: 1 });
    const [indiaMail] = await mailsTo(t, india.email);
    expect(indiaMail.html).toContain('<html lang="ar" dir="rtl">');
    expect(indiaMail.text).toContain('India thread');
    expect(await tick('2026-12-08T02:40:00Z')).toEqual({ due: 0, sent: 0 });
    expect(await mailsTo(t, nepal.email)).toHaveLength(1);
    expect(await mailsTo(t, india.email)).toHaveLength(1);
  });

  it('on Mondays sends one mail with the daily and the weekly kinds; weekly kinds wait for Monday', async () => {
    const both = await createMailUser(t, { timeZone: 'America/Toronto' });
    const weeklyOnly = await createMailUser(t, { timeZone: 'America/Toronto' });
    await visitOpened(weeklyOnly, 'Weekly visit', '2026-12-09T15:00:00Z');
    await visitOpened(both, 'Weekly visit for both', '2026-12-09T15:00:00Z');
    // Thursday 10 December: nothing daily for either, and the weekly kinds wait
    expect(await tick('2026-12-10T13:05:00Z')).toEqual({ due: 2, sent: 0 });
    await reply(both, 'Daily thread', '2026-12-13T22:00:00Z');

    expect(await tick('2026-12-14T13:05:00Z')).toEqual({ due: 2, sent: 2 });
    const bothMails = await mailsTo(t, both.email);
    expect(bothMails).toHaveLength(1);
    expect(bothMails[0].category).toBe('digest.combined');
    expect(bothMails[0].text).toContain('Someone Else replied in “Daily thread”');
    expect(bothMails[0].text).toContain(
      'Coordinator opened registration for the study visit “Weekly visit for both” to Toronto',
    );
    const weeklyMails = await mailsTo(t, weeklyOnly.email);
    expect(weeklyMails.map((m) => m.category)).toEqual(['digest.weekly']);
    expect(weeklyMails[0].subject).toBe('Your weekly Twinning digest, Monday, December 14');
  });

  it('sends nothing without a notification since the previous digest (or only read ones)', async () => {
    const user = await createMailUser(t, { timeZone: 'America/Toronto' });
    await reply(user, 'First thread', '2026-12-07T20:00:00Z');
    expect(await tick('2026-12-08T13:01:00Z')).toEqual({ due: 1, sent: 1 });
    // Wednesday: the Tuesday notification was in Tuesday's digest; a read one does not count
    await reply(user, 'Read already', '2026-12-08T20:00:00Z', { read: true });
    expect(await tick('2026-12-09T13:01:00Z')).toEqual({ due: 1, sent: 0 });
    expect(await mailsTo(t, user.email)).toHaveLength(1);
    // Thursday: something new since Wednesday's (empty) digest
    await reply(user, 'Second thread', '2026-12-09T20:00:00Z');
    expect(await tick('2026-12-10T13:01:00Z')).toEqual({ due: 1, sent: 1 });
    const mails = await mailsTo(t, user.email);
    expect(mails).toHaveLength(2);
    expect(mails[1].text).toContain('Second thread');
    expect(mails[1].text).not.toContain('First thread');
  });

  it('leaves out a reply the reader has read in the thread since', async () => {
    const user = await createMailUser(t, { timeZone: 'America/Toronto' });
    const forumId = await themeForumId(t.dataSource, 'health');
    const [thread] = await t.dataSource.query(
      `INSERT INTO threads (forum_id, author_id, title, last_seq, post_count) VALUES ($1, $2, 'Read it', 2, 2) RETURNING id`,
      [forumId, user.id],
    );
    await insertNotification(
      t,
      user.id,
      'forum.reply',
      {
        actor: { id: user.id, displayName: 'Someone Else' },
        thread: { id: thread.id, title: 'Read it', forumId },
        postId: '00000000-0000-4000-8000-000000000003',
        seq: 2,
        excerpt: 'A reply',
      },
      '2026-12-07T20:00:00Z',
    );
    await t.dataSource.query(`INSERT INTO thread_reads (user_id, thread_id, last_read_seq) VALUES ($1, $2, 2)`, [
      user.id,
      thread.id,
    ]);
    expect(await tick('2026-12-08T13:05:00Z')).toEqual({ due: 1, sent: 0 });
    expect(await mailsTo(t, user.email)).toEqual([]);
  });

  it('two instances ticking at the same instant send one digest per user', async () => {
    const users: TestUser[] = [];
    for (let i = 0; i < 12; i++) {
      const user = await createMailUser(t, { timeZone: 'America/Toronto' });
      await reply(user, `Thread ${i}`, '2026-12-07T20:00:00Z');
      users.push(user);
    }
    const [a, b] = await Promise.all([tick('2026-12-08T13:05:00Z', t), tick('2026-12-08T13:05:00Z', second)]);
    expect(a.sent + b.sent).toBe(12);
    for (const user of users) expect(await mailsTo(t, user.email)).toHaveLength(1);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM mail_messages`);
    expect(count).toBe(12);
    // and again a few minutes later, on both
    const [c, d] = await Promise.all([tick('2026-12-08T13:10:00Z', t), tick('2026-12-08T13:10:00Z', second)]);
    expect(c.sent + d.sent).toBe(0);
  });

  it('respects settings and addresses: off, immediately, unverified and bouncing get no digest', async () => {
    const off = await createMailUser(t, { timeZone: 'America/Toronto' });
    const immediate = await createMailUser(t, { timeZone: 'America/Toronto' });
    const daily = await createMailUser(t, { timeZone: 'America/Toronto' });
    const unverified = await createMailUser(t, { timeZone: 'America/Toronto', verified: false });
    const bouncing = await createMailUser(t, { timeZone: 'America/Toronto', bouncing: true });
    await t.dataSource.query(
      `INSERT INTO notification_settings (user_id, kind, delivery)
       VALUES ($1, 'forum.reply', 'off'), ($2, 'forum.reply', 'immediately'), ($3, 'visit.opened', 'daily')`,
      [off.id, immediate.id, daily.id],
    );
    for (const user of [off, immediate, unverified, bouncing]) await reply(user, 'Quiet', '2026-12-07T20:00:00Z');
    await visitOpened(daily, 'Made daily', '2026-12-07T20:00:00Z');
    expect(await tick('2026-12-08T13:05:00Z')).toEqual({ due: 3, sent: 1 });
    for (const user of [off, immediate, unverified, bouncing]) expect(await mailsTo(t, user.email)).toEqual([]);
    expect((await mailsTo(t, daily.email))[0].text).toContain('Made daily');
  });

  it('groups unread threads by forum, never one of another partnership’s private forum', async () => {
    const toronto = await createCity(t.dataSource, { name: 'Toronto' });
    const penang = await createCity(t.dataSource, { name: 'George Town', timeZone: 'Asia/Kuala_Lumpur' });
    const lisbon = await createCity(t.dataSource, { name: 'Lisbon', timeZone: 'Europe/Lisbon' });
    const own = await createPartnershipForum(t.dataSource, [toronto.id, penang.id], { title: 'Toronto – George Town' });
    const other = await createPartnershipForum(t.dataSource, [lisbon.id], { title: 'Lisbon alone' });
    const reader = await createMailUser(t, { timeZone: 'America/Toronto', displayName: 'Rita Reader' });
    const author = await createMailUser(t, { timeZone: 'Asia/Kuala_Lumpur', displayName: 'Amir Author' });
    const stranger = await createMailUser(t, { timeZone: 'Europe/Lisbon' });
    await addMember(t.dataSource, toronto.id, reader.id);
    await addMember(t.dataSource, penang.id, author.id);
    await addMember(t.dataSource, lisbon.id, stranger.id);
    const post = async (forumId: string, by: TestUser, title: string, body: string) => {
      const [thread] = await t.dataSource.query(
        `INSERT INTO threads (forum_id, author_id, title, last_seq, post_count, last_posted_at)
         VALUES ($1, $2, $3, 1, 1, '2026-12-07T22:00:00Z') RETURNING id`,
        [forumId, by.id, title],
      );
      await t.dataSource.query(
        `INSERT INTO posts (thread_id, seq, author_id, body, body_html, created_at)
         VALUES ($1, 1, $2, $3, $3, '2026-12-07T22:00:00Z')`,
        [thread.id, by.id, body],
      );
    };
    await post(own.forumId, author, 'Shared housing pilot', 'We started a pilot.\nMore below.');
    await post(other.forumId, stranger, 'Lisbon private matter', 'Not for Toronto.');
    await reply(reader, 'Something new', '2026-12-07T21:00:00Z');

    await tick('2026-12-08T13:05:00Z');
    const [mail] = await mailsTo(t, reader.email);
    expect(mail.text).toContain('Partnership forum: Toronto – George Town');
    expect(mail.text).toContain('Shared housing pilot');
    expect(mail.text).toContain('We started a pilot. More below.');
    expect(mail.text).toContain('1 unread, first by Amir Author');
    expect(mail.text).not.toContain('Lisbon private matter');
    expect(mail.html).not.toContain('Lisbon private matter');
  });

  it('ticks through the job queue: the cron is scheduled once, and a tick job sends the due digests', async () => {
    const scheduled = await bootApp({ DIGEST_SCHEDULE: 'true', JOBS_POLLING_INTERVAL_SECONDS: '0.5' });
    try {
      const schedules: { cron: string }[] = await t.dataSource.query(
        `SELECT cron FROM ${JOBS_SCHEMA}.schedule WHERE name = $1`,
        [DIGEST_TICK_QUEUE],
      );
      expect(schedules).toEqual([{ cron: DIGEST_TICK_CRON }]);
      const user = await createMailUser(t, { timeZone: 'America/Toronto' });
      await reply(user, 'Queued tick', '2026-12-07T20:00:00Z');
      scheduled.app.get(Clock).set('2026-12-08T13:10:00Z');
      await scheduled.app.get(JobsService).send(null, DIGEST_TICK_QUEUE, {});
      let mails = await mailsTo(t, user.email);
      for (let i = 0; i < 100 && mails.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        mails = await mailsTo(t, user.email);
      }
      expect(mails.map((m) => m.category)).toEqual(['digest.daily']);
    } finally {
      await scheduled.close();
      // no later suite should see this cron fire
      await t.dataSource.query(`DELETE FROM ${JOBS_SCHEMA}.schedule WHERE name = ANY($1)`, [
        [DIGEST_TICK_QUEUE, DIGEST_PRUNE_QUEUE],
      ]);
    }
  });

  it('prunes old periods but keeps the latest daily and weekly ones', async () => {
    const user = await createMailUser(t, { timeZone: 'America/Toronto' });
    await t.dataSource.query(
      `INSERT INTO digest_runs (user_id, period_key, daily, weekly, window_end, created_at)
       SELECT $1, d::date::text, true, extract(isodow FROM d) = 1, d + interval '13 hours', d + interval '13 hours'
         FROM generate_series('2026-10-01'::timestamptz, '2026-10-31'::timestamptz, interval '1 day') d`,
      [user.id],
    );
    t.app.get(Clock).set('2026-12-20T12:00:00Z');
    expect(await t.app.get(DigestsService).prune()).toBe(29);
    const left: { period_key: string; weekly: boolean }[] = await t.dataSource.query(
      `SELECT period_key, weekly FROM digest_runs WHERE user_id = $1 ORDER BY period_key`,
      [user.id],
    );
    // Monday 26 October was the last weekly period, Saturday 31 October the last one
    expect(left).toEqual([
      { period_key: '2026-10-26', weekly: true },
      { period_key: '2026-10-31', weekly: false },
    ]);
    // the next digest counts weekly kinds from the kept Monday
    await visitOpened(user, 'Since October', '2026-10-27T12:00:00Z');
    expect(await tick('2026-12-21T13:05:00Z')).toEqual({ due: 1, sent: 1 });
  });
});
