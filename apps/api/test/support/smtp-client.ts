import { createServer, Socket } from 'node:net';
import nodemailer from 'nodemailer';
import { bootApp, resetDatabase, type TestApp } from './test-app';

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address !== 'object') throw new Error('no port');
  return address.port;
}

/**
 * A bare SMTP session over a socket, for what a well-behaved client never sends (a body over the
 * limit without announcing SIZE, a message without header): each step returns the server's reply.
 */
export async function rawSmtp(port: number, steps: (string | Buffer)[]): Promise<string[]> {
  const socket = new Socket();
  const replies: string[] = [];
  let buffer = '';
  let waiting: ((line: string) => void) | null = null;
  socket.on('data', (chunk) => {
    buffer += chunk.toString('utf8');
    // A complete reply ends with a line "NNN text" (no dash after the code).
    const match = /(?:^|\r\n)(\d{3}) [^\r\n]*\r\n$/.exec(buffer);
    if (match && waiting) {
      const reply = buffer;
      buffer = '';
      const resolve = waiting;
      waiting = null;
      resolve(reply);
    }
  });
  const next = () => new Promise<string>((resolve) => (waiting = resolve));
  const greeting = next();
  await new Promise<void>((resolve) => socket.connect(port, '127.0.0.1', resolve));
  replies.push(await greeting);
  for (const step of steps) {
    const reply = next();
    socket.write(step);
    replies.push(await reply);
  }
  socket.end();
  return replies;
}

/** Boots the app with reply by email on (inbound SMTP listener on a free port), on an emptied database. */
export async function bootInboundApp(opts: {
  domain: string;
  secret: string;
  maxBytes: number;
}): Promise<{ t: TestApp; port: number }> {
  const port = await freePort();
  const t = await bootApp({
    REPLY_TO_DOMAIN: opts.domain,
    INBOUND_SMTP_PORT: String(port),
    INBOUND_MAX_BYTES: String(opts.maxBytes),
    INBOUND_WEBHOOK_SECRET: opts.secret,
  });
  await resetDatabase(t.dataSource);
  return { t, port };
}

/** A well-behaved SMTP client of the inbound listener on `port` (plain text, no TLS). */
export const inboundClient = (port: number) =>
  nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
