import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  fillTemplate,
  POST_BODY_MAX_LENGTH,
  REPLY_REFUSAL_TEXT,
  UI_LANGUAGES,
  type ReplyRefusalReason,
} from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PostsService } from '../forums';
import { MailService, renderMail } from '../mail';
import { isAutomatic, type InboundMessage } from './inbound-message';
import { hashToken, ReplyAddressService } from './reply-address.service';
import { escapeMarkdown, htmlToText } from './reply-html';
import { stripReply } from './reply-text';
import { ReplyTokensRepository, type ReplyTokenRow } from './reply-tokens.repository';

/** What became of an inbound mail. */
export type InboundOutcome =
  | { status: 'posted'; postId: string }
  | { status: 'dropped'; reason: 'automatic' | 'unknown_recipient' | 'duplicate' }
  | { status: 'refused'; reason: ReplyRefusalReason; ownerMailed: boolean };

/** How the forums service's refusals read to the person who replied by email. */
const REFUSALS: Partial<Record<string, ReplyRefusalReason>> = {
  [ErrorCode.NOT_FOUND]: 'no_access',
  [ErrorCode.FORBIDDEN]: 'read_only',
  [ErrorCode.THREAD_LOCKED]: 'locked',
  [ErrorCode.SILENCED]: 'silenced',
  [ErrorCode.RATE_LIMITED]: 'rate_limited',
  [ErrorCode.VALIDATION_FAILED]: 'too_long',
  EMAIL_NOT_VERIFIED: 'not_verified',
};

/** Refusals that come from the forums service after it found the owner may read the thread. */
const NAMES_THREAD = new Set<ReplyRefusalReason>(['read_only', 'locked', 'silenced']);

/**
 * Reply by email, whichever way the mail came: automatic mail is dropped without an answer, the
 * reply address names its owner and thread, the sender must be that owner's current address, the
 * quote and signature go, and the rest is posted AS the owner through the forums service, which
 * applies the same rules as the web (access, locks, silences, rate limits, mentions, notifications).
 * When nothing is posted, the owner (never the claimed sender) gets one mail saying why, at most
 * one per reply address and hour.
 */
@Injectable()
export class InboundMailService {
  private readonly logger = new Logger(InboundMailService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly addresses: ReplyAddressService,
    private readonly tokens: ReplyTokensRepository,
    private readonly posts: PostsService,
    private readonly mail: MailService,
  ) {}

  async receive(message: InboundMessage): Promise<InboundOutcome> {
    if (isAutomatic(message) || this.isOurOwn(message)) return this.log({ status: 'dropped', reason: 'automatic' });
    const found = await this.findToken(message.recipients);
    if (!found) return this.log({ status: 'dropped', reason: 'unknown_recipient' });
    const { hash, row } = found;
    const messageId = message.headers['message-id']?.trim().slice(0, 255) || null;
    // A sender that did not see our answer delivers again: the same message posts once.
    if (messageId !== null && messageId === row.last_message_id) {
      return this.log({ status: 'dropped', reason: 'duplicate' });
    }
    if (!message.from || message.from !== row.email.toLowerCase()) return this.refuse(hash, row, 'sender_mismatch');
    const body = replyBody(message);
    if (body === '') return this.refuse(hash, row, 'empty');
    if (body.length > POST_BODY_MAX_LENGTH) return this.refuse(hash, row, 'too_long');
    const author: AuthUser = {
      id: row.user_id,
      email: row.email,
      displayName: row.display_name,
      roles: row.roles,
      emailVerified: row.email_verified,
    };
    // Like posting on the web (@RequireVerifiedEmail): an address not verified yet cannot post.
    if (!author.emailVerified) return this.refuse(hash, row, REFUSALS[ErrorCode.EMAIL_NOT_VERIFIED] ?? 'not_verified');
    try {
      const post = await this.posts.create(author, row.thread_id, { body });
      await this.tokens.markUsed(hash, messageId);
      return this.log({ status: 'posted', postId: post.id });
    } catch (err) {
      const reason = err instanceof AppError ? REFUSALS[err.code] : undefined;
      if (!reason) throw err;
      return this.refuse(hash, row, reason);
    }
  }

  /**
   * Our own mail coming back (a loop: a reply address used as an account's address, a forwarding
   * rule), recognised by its sender even when a relay dropped Auto-Submitted: never answered.
   */
  private isOurOwn(message: InboundMessage): boolean {
    const from = message.from;
    if (!from) return false;
    const { fromAddress, replyToDomain } = this.config.mail;
    return from === fromAddress.toLowerCase() || (replyToDomain !== null && from.endsWith(`@${replyToDomain}`));
  }

  /** The first recipient that is a reply address we handed out. */
  private async findToken(recipients: string[]): Promise<{ hash: Buffer; row: ReplyTokenRow } | null> {
    for (const recipient of new Set(recipients)) {
      const token = this.addresses.tokenOf(recipient);
      if (!token) continue;
      const hash = hashToken(token);
      const row = await this.tokens.resolve(hash);
      if (row) return { hash, row };
    }
    return null;
  }

  /** Tells the owner why nothing was posted, unless they were told about this address in the last hour. */
  private async refuse(hash: Buffer, row: ReplyTokenRow, reason: ReplyRefusalReason): Promise<InboundOutcome> {
    const ownerMailed = await this.dataSource.transaction(async (manager) => {
      if (!(await this.tokens.claimRefusalMail(manager, hash))) return false;
      const lang = (UI_LANGUAGES as readonly string[]).includes(row.preferred_language) ? row.preferred_language : 'en';
      const text = REPLY_REFUSAL_TEXT[lang];
      // The thread is named only when the forums service said why (so the owner can still open it).
      const showThread = NAMES_THREAD.has(reason);
      const { html, text: plain } = renderMail({
        lang,
        heading: text.heading,
        paragraphs: [text.reasons[reason]],
        details: showThread ? [[text.threadLabel, row.thread_title]] : undefined,
        action: showThread
          ? { label: text.openThread, url: `${this.config.publicUrl}/threads/${row.thread_id}` }
          : undefined,
        footer: text.footer,
      });
      await this.mail.enqueue(manager, {
        to: row.email,
        userId: row.user_id,
        category: 'inbound.refused',
        subject: showThread ? fillTemplate(text.threadSubject, { thread: row.thread_title }, lang) : text.subject,
        html,
        text: plain,
        // RFC 3834: an automatic answer, so the recipient's autoresponder does not answer it.
        headers: { 'Auto-Submitted': 'auto-replied' },
      });
      return true;
    });
    return this.log({ status: 'refused', reason, ownerMailed });
  }

  private log(outcome: InboundOutcome): InboundOutcome {
    const detail = outcome.status === 'posted' ? `post ${outcome.postId}` : outcome.reason;
    this.logger.log(`Inbound mail ${outcome.status}: ${detail}`);
    return outcome;
  }
}

/**
 * The text to post: the text part without quote and signature, or for an HTML-only mail the HTML
 * converted to text, stripped the same way and escaped so it stays text in Markdown.
 */
export function replyBody(message: Pick<InboundMessage, 'text' | 'html'>): string {
  if (message.text !== null) return stripReply(message.text);
  if (message.html !== null) return escapeMarkdown(stripReply(htmlToText(message.html))).trim();
  return '';
}
