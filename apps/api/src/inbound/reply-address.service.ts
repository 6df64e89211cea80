import { createHash, createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ReplyTokensRepository } from './reply-tokens.repository';

/** 20 bytes of HMAC in lower-case base32: 32 characters, so `reply+<token>` is 38 of the 64 a local part may have. */
const TOKEN_BYTES = 20;
const TOKEN_RE = /^[a-z2-7]{32}$/;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/**
 * Per-user, per-thread reply addresses: `reply+<token>@REPLY_TO_DOMAIN`. The token is an HMAC of
 * (user, thread) under a key derived from the server secret, so it is the same in every mail about
 * the thread and cannot be guessed; the table keeps only its SHA-256. Lower-case base32, because
 * some mail servers change the case of local parts.
 */
@Injectable()
export class ReplyAddressService {
  private readonly key: Buffer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: ReplyTokensRepository,
  ) {
    this.key = createHmac('sha256', config.jwtSecret).update('twinning reply-by-email tokens v1').digest();
  }

  get enabled(): boolean {
    return this.config.mail.replyToDomain !== null;
  }

  /**
   * The address a notification mail about `threadId` to `userId` gives as Reply-To; null when reply
   * by email is off. Records the token in the caller's transaction (the mail's).
   */
  async replyAddressFor(manager: EntityManager, userId: string, threadId: string): Promise<string | null> {
    const domain = this.config.mail.replyToDomain;
    if (!domain) return null;
    const token = base32(
      createHmac('sha256', this.key).update(`${userId}:${threadId}`).digest().subarray(0, TOKEN_BYTES),
    );
    await this.tokens.upsert(manager, hashToken(token), userId, threadId);
    return `reply+${token}@${domain}`;
  }

  /** The token of a reply address on our domain, lower case; null for any other address. */
  tokenOf(address: string): string | null {
    const domain = this.config.mail.replyToDomain;
    if (!domain) return null;
    const match = /^reply\+([^@]+)@(.+)$/i.exec(address.trim());
    if (!match || match[2].toLowerCase() !== domain) return null;
    const token = match[1].toLowerCase();
    return TOKEN_RE.test(token) ? token : null;
  }

  /** Whether a reply address is one we handed out (the SMTP listener refuses others at RCPT). */
  async isKnown(address: string): Promise<boolean> {
    const token = this.tokenOf(address);
    return token !== null && (await this.tokens.exists(hashToken(token)));
  }
}

export const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();
