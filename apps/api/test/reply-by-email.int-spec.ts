import { createHash } from 'node:crypto';
import request from 'supertest';
import { POST_RATE_LIMIT } from '../src/forums/posts.service';
import { ReplyAddressService } from '../src/inbound';
import { RateLimitService } from '../src/rate-limit/rate-limit.service';
import { addMember, createCity, createPartnershipForum, createUser, type TestUser } from './support/factories';
import { bootInboundApp, inboundClient, rawSmtp } from './support/smtp-client';
import { bootApp, type TestApp } from './support/test-app';

const DOMAIN = 'reply.twinning.test';
const SECRET = 'inbound-webhook-secret-0123456789abcdef';
/** Above the 256 KB body limit of other routes, so the webhook's own limit is exercised. */
const MAX_BYTES = 320 * 1024;

describe('reply by email: SMTP listener and webhook', () => {
  let t: TestApp;
  let port: number;
  let alice: TestUser; // official of city A, in the partnership
  let carol: TestUser; // official of city B, in the partnership until she leaves
  let bob: TestUser; // official of city A, mentioned
  let cityB: { id: string };
  let forumId: string;
  let threadId: string;
  const http = () => request(t.app.getHttpServer());

  const smtp = () => inboundClient(port);
  async function addressFor(user: TestUser, thread = threadId): Promise<string> {
    const address = await t.app.get(ReplyAddressService).replyAddressFor(t.dataSource.manager, user.id, thread);
    if (!address) throw new Error('reply by email is off');
    return address;
  }
  const postsOf = async (thread = threadId): Promise<{ body: string; author_id: string }[]> =>
    t.dataSource.query(`SELECT body, author_id FROM posts WHERE thread_id = $1 ORDER BY seq`, [thread]);
  const refusals = async (user: TestUser): Promise<{ to_address: string; subject: string; text: string }[]> =>
    t.dataSource.query(
      `SELECT to_address, subject, text FROM mail_messages WHERE category = 'inbound.refused' AND user_id = $1
        ORDER BY created_at`,
      [user.id],
    );
  const refusalsTotal = async (): Promise<number> =>
    Number(
      (await t.dataSource.query(`SELECT count(*) FROM mail_messages WHERE category = 'inbound.refused'`))[0].count,
    );

  async function newThread(author: TestUser, title: string): Promise<string> {
    const res = await http()
      .post(`/api/forums/${forumId}/threads`)
      .set(author.auth)
      .send({ title, body: 'Could someone host our delegation in March?' })
      .expect(201);
    return res.body.id;
  }

  beforeAll(async () => {
    ({ t, port } = await bootInboundApp({ domain: DOMAIN, secret: SECRET, maxBytes: MAX_BYTES }));
    alice = await createUser(t);
    bob = await createUser(t);
    carol = await createUser(t);
    await t.dataSource.query(`UPDATE users SET email_verified_at = now()`);
    const cityA = await createCity(t.dataSource);
    cityB = await createCity(t.dataSource);
    await addMember(t.dataSource, cityA.id, alice.id);
    await addMember(t.dataSource, cityA.id, bob.id);
    await addMember(t.dataSource, cityB.id, carol.id);
    forumId = (await createPartnershipForum(t.dataSource, [cityA.id, cityB.id])).forumId;
    threadId = await newThread(bob, 'Hosting a delegation');
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    for (const user of [alice, bob, carol]) await t.app.get(RateLimitService).reset(POST_RATE_LIMIT, user.id);
  });

  it('hands out a stable, unguessable address per user and thread, and stores only its hash', async () => {
    const first = await addressFor(alice);
    expect(first).toMatch(new RegExp(`^reply\\+[a-z2-7]{32}@${DOMAIN.replace(/\./g, '\\.')}$`));
    expect(first.split('@')[0].length).toBeLessThanOrEqual(64);
    expect(await addressFor(alice)).toBe(first);
    expect(await addressFor(carol)).not.toBe(first);
    const rows: { token_hash: Buffer }[] = await t.dataSource.query(
      `SELECT token_hash FROM reply_tokens WHERE user_id = $1 AND thread_id = $2`,
      [alice.id, threadId],
    );
    expect(rows).toHaveLength(1);
    const token = /^reply\+([a-z2-7]+)@/.exec(first)?.[1] ?? '';
    expect(rows[0].token_hash.equals(createHash('sha256').update(token).digest())).toBe(true);
  });

  it('posts a reply sent over SMTP as the token owner, quote and signature stripped, mentions notified', async () => {
    const to = await addressFor(alice);
    const handle = (await t.dataSource.query(`SELECT handle FROM users WHERE id = $1`, [bob.id]))[0].handle;
    const info: { accepted: unknown[] } = await smtp().sendMail({
      from: `Alice <${alice.email.toUpperCase()}>`,
      to,
      subject: 'Re: Hosting a delegation',
      text: [
        `Yes, we can host you in the second week, @${handle}.`,
        '',
        '-- ',
        'Alice, Deputy Mayor',
        '',
        'On Mon, Dec 7, 2026 at 10:02 AM Twinning <no-reply@twinning.test> wrote:',
        '> Could someone host our delegation in March?',
      ].join('\n'),
    });
    expect(info.accepted).toEqual([to]);
    const posts = await postsOf();
    expect(posts).toHaveLength(2);
    expect(posts[1]).toEqual({ body: `Yes, we can host you in the second week, @${handle}.`, author_id: alice.id });
    const mentions = await t.dataSource.query(
      `SELECT 1 FROM notifications WHERE user_id = $1 AND kind = 'forum.mention' AND payload -> 'thread' ->> 'id' = $2`,
      [bob.id, threadId],
    );
    expect(mentions).toHaveLength(1);
    // The thread's page shows it, as the web does.
    const page = await http().get(`/api/threads/${threadId}/posts`).set(bob.auth).expect(200);
    expect(page.body.items[1].bodyHtml).toContain('second week');
  });

  it('refuses unknown recipients at RCPT with 550: another domain, another local part, a forged token', async () => {
    const forged = `reply+${'a'.repeat(32)}@${DOMAIN}`;
    for (const to of [forged, `postmaster@${DOMAIN}`, `reply+x@elsewhere.test`, `reply+short@${DOMAIN}`]) {
      await expect(smtp().sendMail({ from: alice.email, to, text: 'hello' })).rejects.toMatchObject({
        responseCode: 550,
      });
    }
    expect(await postsOf()).toHaveLength(2);
  });

  it('posts nothing for a sender who is not the owner and tells the owner, not the sender', async () => {
    const to = await addressFor(alice);
    await smtp().sendMail({ from: 'mallory@evil.test', to, text: 'Posting as Alice' });
    expect(await postsOf()).toHaveLength(2);
    const mails = await refusals(alice);
    expect(mails).toHaveLength(1);
    expect(mails[0].to_address).toBe(alice.email);
    expect(mails[0].text).toContain('not the one on your Twinning account');
    expect(mails[0].text).not.toContain('Hosting a delegation');
    expect(await t.dataSource.query(`SELECT 1 FROM mail_messages WHERE to_address = 'mallory@evil.test'`)).toHaveLength(
      0,
    );
    await t.dataSource.query(`UPDATE reply_tokens SET last_refusal_mailed_at = NULL`);
  });

  it('drops automatic mail without posting or answering', async () => {
    const to = await addressFor(alice);
    const before = await refusalsTotal();
    await smtp().sendMail({
      from: alice.email,
      to,
      subject: 'Automatic reply: Hosting a delegation',
      headers: { 'Auto-Submitted': 'auto-replied' },
      text: 'I am out of the office until Monday.',
    });
    await smtp().sendMail({ from: alice.email, to, headers: { Precedence: 'bulk' }, text: 'Newsletter' });
    // The null sender (MAIL FROM:<>), as bounces have it.
    await smtp().sendMail({ envelope: { from: '', to }, from: alice.email, to, text: 'Delivery report' });
    expect(await postsOf()).toHaveLength(2);
    expect(await refusalsTotal()).toBe(before);
  });

  it('posts nothing for an owner who lost access; one explanation per hour, in their language', async () => {
    const to = await addressFor(carol);
    await t.dataSource.query(`UPDATE users SET preferred_language = 'fr' WHERE id = $1`, [carol.id]);
    await t.dataSource.query(`DELETE FROM city_memberships WHERE user_id = $1 AND city_id = $2`, [carol.id, cityB.id]);
    await smtp().sendMail({ from: carol.email, to, text: 'Still here?' });
    await smtp().sendMail({ from: carol.email, to, text: 'Still here? (again)' });
    expect(await postsOf()).toHaveLength(2);
    let mails = await refusals(carol);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('Votre réponse par e-mail n’a pas été publiée');
    // The thread she can no longer open is not named.
    expect(mails[0].text).not.toContain('Hosting a delegation');
    // An hour later (moved back in the table, not waited for), she is told again.
    await t.dataSource.query(
      `UPDATE reply_tokens SET last_refusal_mailed_at = now() - interval '61 minutes' WHERE user_id = $1`,
      [carol.id],
    );
    await smtp().sendMail({ from: carol.email, to, text: 'Still here? (later)' });
    mails = await refusals(carol);
    expect(mails).toHaveLength(2);
    await addMember(t.dataSource, cityB.id, carol.id);
  });

  it('posts nothing to a locked thread and tells the owner why', async () => {
    const locked = await newThread(bob, 'A locked thread');
    const to = await addressFor(alice, locked);
    await t.dataSource.query(`UPDATE threads SET locked = true WHERE id = $1`, [locked]);
    const before = (await refusals(alice)).length;
    await smtp().sendMail({ from: alice.email, to, text: 'Late answer' });
    expect(await postsOf(locked)).toHaveLength(1);
    const mails = await refusals(alice);
    expect(mails).toHaveLength(before + 1);
    expect(mails[before].subject).toBe('Your reply to “A locked thread” was not posted');
    expect(mails[before].text).toContain('This discussion is locked');
    expect(mails[before].text).toContain('A locked thread');
  });

  it('posts nothing for an owner whose address is not verified (as on the web) and tells them why', async () => {
    const to = await addressFor(alice);
    await t.dataSource.query(`UPDATE users SET email_verified_at = NULL WHERE id = $1`, [alice.id]);
    try {
      const posts = (await postsOf()).length;
      const before = (await refusals(alice)).length;
      await smtp().sendMail({ from: alice.email, to, text: 'Sent before confirming my address' });
      expect(await postsOf()).toHaveLength(posts);
      expect(await refusals(alice)).toHaveLength(before + 1);
    } finally {
      await t.dataSource.query(`UPDATE users SET email_verified_at = now() WHERE id = $1`, [alice.id]);
    }
  });

  it('posts nothing while the owner is silenced, or when nothing is left after the quote', async () => {
    const to = await addressFor(bob);
    await t.dataSource.query(
      `INSERT INTO forum_silences (forum_id, user_id, until) VALUES ($1, $2, now() + interval '1 day')`,
      [forumId, bob.id],
    );
    const before = (await postsOf()).length;
    await smtp().sendMail({ from: bob.email, to, text: 'Silenced answer' });
    let mails = await refusals(bob);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain('silenced you');
    await t.dataSource.query(`DELETE FROM forum_silences WHERE user_id = $1`, [bob.id]);
    await t.dataSource.query(`UPDATE reply_tokens SET last_refusal_mailed_at = NULL`);
    await smtp().sendMail({
      from: bob.email,
      to,
      text: 'On Mon, Dec 7, 2026 at 10:02 AM Twinning <no-reply@twinning.test> wrote:\n> quoted only\n\nSent from my iPhone',
    });
    mails = await refusals(bob);
    expect(mails).toHaveLength(2);
    expect(mails[1].text).toContain('your reply was empty');
    expect(await postsOf()).toHaveLength(before);
  });

  it('refuses oversized mail with 552 (announced SIZE or not) and serves the next mail', async () => {
    const to = await addressFor(alice);
    const big = 'x'.repeat(MAX_BYTES + 1000);
    await expect(smtp().sendMail({ from: alice.email, to, text: big })).rejects.toMatchObject({ responseCode: 552 });
    // Without SIZE in MAIL FROM, the stream is counted.
    const replies = await rawSmtp(port, [
      'EHLO test\r\n',
      `MAIL FROM:<${alice.email}>\r\n`,
      `RCPT TO:<${to}>\r\n`,
      'DATA\r\n',
      `From: ${alice.email}\r\nTo: ${to}\r\nSubject: big\r\n\r\n${'y'.repeat(998)}\r\n`.repeat(400) + '.\r\n',
    ]);
    expect(replies[5]).toMatch(/^552 /m);
    await smtp().sendMail({ from: alice.email, to, text: 'A short one after the big ones.' });
    const posts = await postsOf();
    expect(posts[posts.length - 1].body).toBe('A short one after the big ones.');
  });

  it('answers malformed mail with an SMTP error, never a crash', async () => {
    const to = await addressFor(alice);
    const before = (await postsOf()).length;
    const replies = await rawSmtp(port, [
      'EHLO test\r\n',
      `MAIL FROM:<${alice.email}>\r\n`,
      `RCPT TO:<${to}>\r\n`,
      'DATA\r\n',
      Buffer.concat([Buffer.from([0, 1, 2, 0xff, 0xfe]), Buffer.from(' no header at all\r\n.\r\n')]),
    ]);
    expect(replies[5]).toMatch(/^550 /m);
    // A syntax error is answered too, and the next mail still goes through.
    const bad = await rawSmtp(port, ['EHLO test\r\n', 'MAIL FROM:not-an-address\r\n']);
    expect(bad[2]).toMatch(/^5\d\d /m);
    await smtp().sendMail({ from: alice.email, to, text: 'Still working.' });
    expect(await postsOf()).toHaveLength(before + 1);
  });

  describe('webhook', () => {
    const hook = () => http().post('/api/inbound/mail');

    it('needs the shared secret', async () => {
      await hook().send({ raw: 'x' }).expect(401);
      await hook().set('Authorization', 'Bearer wrong-secret-of-the-same-shape-0123').send({ raw: 'x' }).expect(401);
      await hook().set('Authorization', `Basic ${SECRET}`).send({ raw: 'x' }).expect(401);
    });

    it('posts an HTML-only reply (structured shape) as Markdown-safe text', async () => {
      const to = await addressFor(alice);
      const res = await hook()
        .set('Authorization', `Bearer ${SECRET}`)
        .send({
          to,
          from: `Alice <${alice.email}>`,
          headers: { Subject: 'Re: Hosting a delegation' },
          html:
            '<div>We <b>agree</b> &lt;script&gt; # not a heading<br>See <a href="https://lyon.example/plan">the plan</a></div>' +
            '<div class="gmail_quote">On Mon, Dec 7, 2026 Twinning wrote:<blockquote>old</blockquote></div>',
        })
        .expect(200);
      expect(res.body.status).toBe('posted');
      const posts = await postsOf();
      expect(posts[posts.length - 1].body).toBe(
        'We agree \\<script\\> # not a heading\nSee the plan (https://lyon.example/plan)',
      );
    });

    it('posts a raw RFC 822 reply with the quote stripped, and drops an auto-reply', async () => {
      const to = await addressFor(alice);
      const raw = [
        `From: Alice <${alice.email}>`,
        `To: ${to}`,
        'Subject: Re: Hosting a delegation',
        `Message-ID: <${Date.now()}.raw@lyon.example.org>`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Le programme suit demain.',
        '',
        'Le lun. 7 déc. 2026 à 10:02, Twinning <no-reply@twinning.test> a écrit :',
        '> Could someone host our delegation in March?',
      ].join('\r\n');
      const res = await hook().set('Authorization', `Bearer ${SECRET}`).send({ raw }).expect(200);
      expect(res.body.status).toBe('posted');
      const posts = await postsOf();
      expect(posts[posts.length - 1].body).toBe('Le programme suit demain.');
      // The provider delivers the same message again: it posts once.
      const again = await hook().set('Authorization', `Bearer ${SECRET}`).send({ raw }).expect(200);
      expect(again.body).toEqual({ status: 'dropped', reason: 'duplicate' });
      const auto = await hook()
        .set('Authorization', `Bearer ${SECRET}`)
        .send({ raw: `Auto-Submitted: auto-replied\r\n${raw}` })
        .expect(200);
      expect(auto.body).toEqual({ status: 'dropped', reason: 'automatic' });
      expect(await postsOf()).toHaveLength(posts.length);
    });

    it('takes a message larger than other routes accept, up to INBOUND_MAX_BYTES', async () => {
      const to = await addressFor(alice);
      const attachment = Buffer.alloc(200 * 1024, 7).toString('base64'); // ~273 KB of base64
      const raw = [
        `From: ${alice.email}`,
        `To: ${to}`,
        'Subject: Re: Hosting a delegation',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'The programme is attached.',
        '--b1',
        'Content-Type: application/pdf; name="programme.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        ...(attachment.match(/.{1,76}/g) ?? []),
        '--b1--',
        '',
      ].join('\r\n');
      expect(Buffer.byteLength(raw)).toBeGreaterThan(256 * 1024);
      const res = await hook().set('Authorization', `Bearer ${SECRET}`).send({ raw }).expect(200);
      expect(res.body.status).toBe('posted');
      const posts = await postsOf();
      expect(posts[posts.length - 1].body).toBe('The programme is attached.');
    });

    it('refuses malformed and oversized input', async () => {
      const auth = { Authorization: `Bearer ${SECRET}` };
      await hook().set(auth).send({ raw: '\u0000\u0001 no header' }).expect(400);
      await hook().set(auth).send({ text: 'no recipient' }).expect(400);
      await hook().set(auth).set('Content-Type', 'application/json').send('{"raw": ').expect(400);
      const res = await hook()
        .set(auth)
        .send({ raw: `From: ${alice.email}\r\n\r\n${'z'.repeat(MAX_BYTES + 1)}` })
        .expect(413);
      expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
      // Beyond what even JSON escaping explains, Fastify refuses the body before it is read whole.
      await hook()
        .set(auth)
        .send({ raw: 'z'.repeat(3 * MAX_BYTES) })
        .expect(413);
    });
  });
});

describe('reply by email switched off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootApp();
  });
  afterAll(() => t.close());

  it('hands out no address and has no webhook', async () => {
    expect(await t.app.get(ReplyAddressService).replyAddressFor(t.dataSource.manager, 'x', 'y')).toBeNull();
    await request(t.app.getHttpServer())
      .post('/api/inbound/mail')
      .set('Authorization', `Bearer ${SECRET}`)
      .send({ raw: 'x' })
      .expect(404);
  });
});
