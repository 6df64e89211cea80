import request from 'supertest';
import { ReplyAddressService } from '../src/inbound';
import { INBOUND_SMTP_SESSIONS_PER_CLIENT } from '../src/inbound/inbound-smtp.listener';
import { addMember, createCity, createPartnershipForum, createUser, type TestUser } from './support/factories';
import { bootInboundApp, inboundClient, rawSmtp } from './support/smtp-client';
import type { TestApp } from './support/test-app';

const DOMAIN = 'reply.hostile.test';
const SECRET = 'inbound-webhook-secret-hostile-0123456789';
const MAX_BYTES = 64 * 1024;

/** Reply by email against hostile senders and clients: the listener and the webhook keep serving. */
describe('reply by email under hostile input', () => {
  let t: TestApp;
  let port: number;
  let alice: TestUser;
  let threadId: string;
  let to: string;
  /** Reply addresses of Alice for other threads (distinct recipients). */
  const others: string[] = [];
  const http = () => request(t.app.getHttpServer());
  const smtp = () => inboundClient(port);
  const posts = async (): Promise<string[]> =>
    (await t.dataSource.query(`SELECT body FROM posts WHERE thread_id = $1 ORDER BY seq`, [threadId])).map(
      (r: { body: string }) => r.body,
    );
  const refusals = async (): Promise<number> =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM mail_messages WHERE category = 'inbound.refused'`))[0].n;
  /** The listener still posts a normal reply. */
  const stillServes = async (text: string) => {
    await smtp().sendMail({ from: alice.email, to, text });
    expect((await posts()).at(-1)).toBe(text);
  };

  beforeAll(async () => {
    ({ t, port } = await bootInboundApp({ domain: DOMAIN, secret: SECRET, maxBytes: MAX_BYTES }));
    alice = await createUser(t);
    const bob = await createUser(t);
    const cityA = await createCity(t.dataSource);
    const cityB = await createCity(t.dataSource);
    await addMember(t.dataSource, cityA.id, alice.id);
    await addMember(t.dataSource, cityB.id, bob.id);
    const forumId = (await createPartnershipForum(t.dataSource, [cityA.id, cityB.id])).forumId;
    const res = await http()
      .post(`/api/forums/${forumId}/threads`)
      .set(bob.auth)
      .send({ title: 'Hosting', body: 'Who hosts?' })
      .expect(201);
    threadId = res.body.id;
    for (let i = 0; i < 6; i++) {
      const other = await http()
        .post(`/api/forums/${forumId}/threads`)
        .set(i % 2 ? bob.auth : alice.auth)
        .send({ title: `Thread ${i}`, body: 'More.' })
        .expect(201);
      others.push(
        (await t.app.get(ReplyAddressService).replyAddressFor(t.dataSource.manager, alice.id, other.body.id)) as string,
      );
    }
    to = (await t.app.get(ReplyAddressService).replyAddressFor(t.dataSource.manager, alice.id, threadId)) as string;
  });
  afterAll(() => t.close());

  describe('webhook', () => {
    it('refuses a client without the secret before reading its body (no parse, no size error)', async () => {
      const hook = () => http().post('/api/inbound/mail');
      const malformed = await hook().set('Content-Type', 'application/json').send('{"raw": not json');
      expect([malformed.status, malformed.body.code]).toEqual([401, 'UNAUTHENTICATED']);
      const huge = await hook()
        .set('Authorization', 'Bearer wrong')
        .send({ raw: 'x'.repeat(3 * MAX_BYTES) });
      expect([huge.status, huge.body.code]).toEqual([401, 'UNAUTHENTICATED']);
      const unsupported = await hook().set('Content-Type', 'application/xml').send('<mail/>');
      expect(unsupported.status).toBe(401);
      // with the secret, the body is read and judged as before
      const parsed = await hook()
        .set('Authorization', `Bearer ${SECRET}`)
        .set('Content-Type', 'application/json')
        .send('{"raw": not json');
      expect(parsed.status).toBe(400);
    });
  });

  describe('SMTP listener', () => {
    it('drops our own mail coming back (a loop) even without Auto-Submitted, and answers nobody', async () => {
      const before = { posts: (await posts()).length, refusals: await refusals() };
      for (const from of [t.config.mail.fromAddress, `reply+abc@${DOMAIN}`]) {
        await smtp().sendMail({ from, to, subject: 'New reply in Hosting', text: 'Bob wrote: who hosts?' });
      }
      expect((await posts()).length).toBe(before.posts);
      expect(await refusals()).toBe(before.refusals);
    });

    it('trusts the reply address and From, not the envelope: a forged From with the token posts (see README)', async () => {
      // What we rely on, pinned down: SPF, DKIM and DMARC are not checked here; the token is the secret.
      await smtp().sendMail({
        envelope: { from: 'someone@elsewhere.test', to: [to] },
        from: alice.email,
        to,
        text: 'Posted by whoever knows the reply address.',
      });
      expect((await posts()).at(-1)).toBe('Posted by whoever knows the reply address.');
      // without the token, the same forgery reaches nothing
      const other = `reply+${'A'.repeat(20)}@${DOMAIN}`;
      await expect(smtp().sendMail({ from: alice.email, to: other, text: 'No.' })).rejects.toMatchObject({
        responseCode: 550,
      });
    });

    it('survives a client that disconnects in the middle of DATA', async () => {
      const { Socket } = await import('node:net');
      const socket = new Socket();
      await new Promise<void>((resolve) => socket.connect(port, '127.0.0.1', resolve));
      socket.write(`EHLO x\r\nMAIL FROM:<${alice.email}>\r\nRCPT TO:<${to}>\r\nDATA\r\n`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      socket.write(`From: ${alice.email}\r\nTo: ${to}\r\nSubject: half\r\n\r\nhalf a mess`);
      socket.destroy();
      await stillServes('After a client hung up mid-message.');
      expect(await posts()).not.toContain('half a mess');
    });

    it('reads a reply in a legacy charset and survives deeply nested multiparts', async () => {
      const latin1 = Buffer.concat([
        Buffer.from(
          `From: ${alice.email}\r\nTo: ${to}\r\nSubject: Re\r\nMIME-Version: 1.0\r\n` +
            'Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n',
        ),
        Buffer.from('Très bien, à bientôt', 'latin1'),
        Buffer.from('\r\n.\r\n'),
      ]);
      const replies = await rawSmtp(port, [
        'EHLO x\r\n',
        `MAIL FROM:<${alice.email}>\r\n`,
        `RCPT TO:<${to}>\r\n`,
        'DATA\r\n',
        latin1,
      ]);
      expect(replies[5]).toMatch(/^250 /m);
      expect((await posts()).at(-1)).toBe('Très bien, à bientôt');

      const depth = 300;
      let body = 'Content-Type: text/plain\r\n\r\ndeep inside\r\n';
      for (let i = 0; i < depth; i++) {
        body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}--b${i}--\r\n`;
      }
      const nested = `From: ${alice.email}\r\nTo: ${to}\r\nSubject: nested\r\nMIME-Version: 1.0\r\n${body}.\r\n`;
      const answer = await rawSmtp(port, [
        'EHLO x\r\n',
        `MAIL FROM:<${alice.email}>\r\n`,
        `RCPT TO:<${to}>\r\n`,
        'DATA\r\n',
        nested,
      ]);
      expect(answer[5]).toMatch(/^(250|5\d\d) /m);
      await stillServes('After a deeply nested message.');
    });

    it('answers huge headers and too many recipients with SMTP errors, then serves the next mail', async () => {
      const header = `X-Filler: ${'a'.repeat(900)}\r\n`.repeat(Math.ceil((2 * MAX_BYTES) / 912));
      const replies = await rawSmtp(port, [
        'EHLO x\r\n',
        `MAIL FROM:<${alice.email}>\r\n`,
        `RCPT TO:<${to}>\r\n`,
        'DATA\r\n',
        `From: ${alice.email}\r\nTo: ${to}\r\n${header}\r\nhi\r\n.\r\n`,
      ]);
      expect(replies[5]).toMatch(/^552 /m);
      const many = await rawSmtp(port, [
        'EHLO x\r\n',
        `MAIL FROM:<${alice.email}>\r\n`,
        ...others.map((address) => `RCPT TO:<${address}>\r\n`),
      ]);
      expect(many.slice(3).some((r) => /^452 /m.test(r))).toBe(true);
      await stillServes('After the flood of headers and recipients.');
    });

    it('holds a slowloris client to a few sessions: the next gets 421, and others are still served', async () => {
      const { Socket } = await import('node:net');
      const greeting = (socket: InstanceType<typeof Socket>) =>
        new Promise<string>((resolve) => socket.once('data', (chunk) => resolve(chunk.toString('utf8'))));
      const open: InstanceType<typeof Socket>[] = [];
      try {
        for (let i = 0; i < INBOUND_SMTP_SESSIONS_PER_CLIENT; i++) {
          const socket = new Socket();
          const first = greeting(socket);
          socket.connect(port, '127.0.0.1');
          open.push(socket);
          expect(await first).toMatch(/^220 /);
          socket.write('EHLO slow\r\n');
        }
        const extra = new Socket();
        const refused = greeting(extra);
        extra.connect(port, '127.0.0.1');
        open.push(extra);
        expect(await refused).toMatch(/^421 /);
        // the slots come back when the sessions close
        for (const socket of open) socket.destroy();
        open.length = 0;
        await new Promise((resolve) => setTimeout(resolve, 200));
        await stillServes('After the slow clients left.');
      } finally {
        for (const socket of open) socket.destroy();
      }
    });
  });
});
