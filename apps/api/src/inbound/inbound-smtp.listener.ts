import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { InboundMailService } from './inbound-mail.service';
import { MalformedMailError, parseRawMail } from './inbound-message';
import { ReplyAddressService } from './reply-address.service';

/** Recipients one message may have: a reply goes to one reply address. */
const MAX_RECIPIENTS = 5;
/**
 * Open sessions per client address (of `maxClients` 100 in all): a client that opens many and keeps
 * them alive by sending a byte now and then (slowloris) holds only these, not the whole listener.
 * Mail relays deliver over a few connections; a refused one gets 421 and tries again later.
 */
export const INBOUND_SMTP_SESSIONS_PER_CLIENT = 10;

/** An SMTP reply with its code. */
function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * The built-in inbound SMTP listener (INBOUND_SMTP_PORT; off when unset): point the reply domain's
 * MX at it. It accepts only `reply+<token>@REPLY_TO_DOMAIN` for tokens we handed out (550 for any
 * other recipient), announces and enforces INBOUND_MAX_BYTES (552), answers unreadable mail with
 * 550 and a failure on our side with 451 (the sender retries), and hands each message to the
 * same service as the webhook. No AUTH, no STARTTLS: it is a receiving MX, not a relay.
 */
@Injectable()
export class InboundSmtpListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InboundSmtpListener.name);
  private server: SMTPServer | null = null;
  /** Open sessions (ids) by client address. */
  private readonly sessions = new Map<string, Set<string>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly addresses: ReplyAddressService,
    private readonly inbound: InboundMailService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config.mail.inboundSmtpPort;
    if (port === null) return;
    if (!this.config.mail.replyToDomain) {
      this.logger.warn('INBOUND_SMTP_PORT is set but REPLY_TO_DOMAIN is not: every recipient will be refused.');
    }
    const maxBytes = this.config.mail.inboundMaxBytes;
    const server = new SMTPServer({
      name: this.config.mail.replyToDomain ?? undefined,
      banner: 'Twinning reply by email',
      size: maxBytes,
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      disableReverseLookup: true,
      logger: false,
      maxClients: 100,
      socketTimeout: 60_000,
      // Shutting down waits this long for open sessions (main.ts gives the whole shutdown 20 s).
      closeTimeout: 5_000,
      onConnect: (session, callback) => {
        const open = this.sessions.get(session.remoteAddress) ?? new Set<string>();
        if (open.size >= INBOUND_SMTP_SESSIONS_PER_CLIENT) {
          return callback(smtpError(421, 'Too many connections from your address, try again later'));
        }
        open.add(session.id);
        this.sessions.set(session.remoteAddress, open);
        callback();
      },
      onClose: (session) => {
        const open = this.sessions.get(session.remoteAddress);
        if (open?.delete(session.id) && open.size === 0) this.sessions.delete(session.remoteAddress);
      },
      onRcptTo: (address, session, callback) => {
        this.checkRecipient(address.address, session).then(
          () => callback(),
          (err: Error) => callback(err),
        );
      },
      onData: (stream, session, callback) => {
        this.receive(stream, session, maxBytes).then(
          () => callback(),
          (err: Error) => callback(err),
        );
      },
    });
    server.on('error', (err) => this.logger.error(`Inbound SMTP: ${err.message}`));
    await new Promise<void>((resolve, reject) => {
      const failed = (err: Error) => reject(err);
      server.server.once('error', failed);
      server.listen(port, this.config.host, () => {
        server.server.off('error', failed);
        resolve();
      });
    });
    this.server = server;
    this.logger.log(`Inbound SMTP listening on ${this.config.host}:${port}`);
  }

  /** Where the listener listens (tests), or null when it is off. */
  address(): AddressInfo | null {
    const address = this.server?.server.address();
    return address && typeof address === 'object' ? address : null;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async checkRecipient(address: string, session: SMTPServerSession): Promise<void> {
    if (session.envelope.rcptTo.length >= MAX_RECIPIENTS) throw smtpError(452, 'Too many recipients');
    let known: boolean;
    try {
      known = await this.addresses.isKnown(address);
    } catch (err) {
      this.logger.error(`Inbound SMTP: checking a recipient failed: ${(err as Error).message}`);
      throw smtpError(451, 'Temporary failure, try again later');
    }
    if (!known) throw smtpError(550, 'No such recipient here');
  }

  private async receive(stream: SMTPServerDataStream, session: SMTPServerSession, maxBytes: number): Promise<void> {
    const source = await readLimited(stream, maxBytes);
    if (source === null) throw smtpError(552, `Message exceeds the maximum size of ${maxBytes} bytes`);
    const mailFrom = session.envelope.mailFrom;
    try {
      const message = await parseRawMail(source, {
        recipients: session.envelope.rcptTo.map((r) => r.address),
        returnPath: mailFrom === false ? null : mailFrom.address,
      });
      await this.inbound.receive(message);
    } catch (err) {
      if (err instanceof MalformedMailError) throw smtpError(550, 'Malformed message');
      this.logger.error(`Inbound SMTP: processing a message failed: ${(err as Error).message}`);
      throw smtpError(451, 'Temporary failure, try again later');
    }
  }
}

/** The whole message, or null when it went over the limit (the rest is read and thrown away). */
function readLimited(stream: SMTPServerDataStream, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    stream.once('error', reject);
    stream.once('end', () => resolve(stream.sizeExceeded || size > maxBytes ? null : Buffer.concat(chunks)));
  });
}
