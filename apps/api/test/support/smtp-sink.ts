import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope's recipients (RCPT TO). */
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

type SmtpError = Error & { responseCode: number };

function smtpError(code: number, message: string): SmtpError {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * A real SMTP server on loopback for tests (smtp-server, no TLS, no auth), keeping every accepted
 * mail parsed with mailparser. It can refuse whole connections with 421 (a server that is busy or
 * restarting), refuse chosen recipients with 550, be stopped and started again on the same port.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** Recipients refused permanently at RCPT TO. */
  readonly refuse = new Set<string>();
  /** How many of the next connections are answered 421. */
  busyConnections = 0;
  private server: SMTPServer | null = null;
  private port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      logger: false,
      // stopping drops open (pooled) client connections at once, like a server going down
      closeTimeout: 100,
      onConnect: (_session, callback) => {
        if (this.busyConnections > 0) {
          this.busyConnections--;
          return callback(smtpError(421, 'Service not available, try again later'));
        }
        callback();
      },
      onRcptTo: (address, _session, callback) => {
        if (this.refuse.has(address.address.toLowerCase())) {
          return callback(smtpError(550, 'No such user here'));
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw)
            .then((parsed) => {
              this.received.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), raw, parsed });
              callback();
            })
            .catch((error: Error) => callback(error));
        });
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening; the port stays this sink's, for `start()` again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Mails received for one address. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(address.toLowerCase()));
  }
}

/** Polls until `done` holds (or fails with the last value after `timeoutMs`). */
export async function waitFor<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean | Promise<boolean>,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (await done(value)) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
