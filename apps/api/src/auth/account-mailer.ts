import { Inject, Injectable } from '@nestjs/common';
import { ACCOUNT_MAIL_TEXT, type AccountMailKind, type UiLanguage } from '@twinning/contracts';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MailService, renderMail } from '../mail';

/** Who an account mail goes to: the account, and the address (the account's own, or a new or old one). */
export interface AccountRecipient {
  userId: string;
  to: string;
  displayName: string;
  preferredLanguage: UiLanguage;
  timeZone: string;
}

/** Account mail that concerns the address itself goes out even when the address is marked as bouncing. */
const EVEN_IF_BOUNCING: ReadonlySet<AccountMailKind> = new Set(['verify_email', 'confirm_new_email', 'reset_password']);

/** Where each mail's button leads (a token is appended when the mail carries one). */
const PATHS: Partial<Record<AccountMailKind, string>> = {
  verify_email: '/verify-email',
  confirm_new_email: '/verify-email',
  reset_password: '/reset-password',
  address_in_use: '/forgot-password',
  password_changed: '/forgot-password',
};

/**
 * Mails anyone can make us send to an address (someone registers it, asks for its password reset,
 * or moves their account to it): at most this many of each kind per address and hour, whatever the
 * number of IPs or accounts asking, so the form cannot be used to flood a mailbox or spoil the
 * sender's reputation. Beyond it nothing is sent, and the answer stays the same.
 */
export const UNSOLICITED_MAIL_PER_HOUR = 5;

/**
 * Writes the account mails (texts in libs/contracts/src/mail-account.ts) in the recipient's language,
 * dates in their time zone, inside the caller's transaction.
 */
@Injectable()
export class AccountMailer {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
  ) {}

  /** Whether `kind` went to `recipient.to` UNSOLICITED_MAIL_PER_HOUR times in the last hour (then send nothing). */
  async capped(manager: EntityManager, kind: AccountMailKind, recipient: Pick<AccountRecipient, 'userId' | 'to'>) {
    const [{ n }]: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM mail_messages
        WHERE user_id = $1 AND category = $2 AND to_address = lower($3) AND created_at > now() - interval '1 hour'`,
      [recipient.userId, `account.${kind}`, recipient.to],
    );
    return n >= UNSOLICITED_MAIL_PER_HOUR;
  }

  async send(
    manager: EntityManager,
    kind: AccountMailKind,
    recipient: AccountRecipient,
    extra: { token?: string; expiresAt?: Date; at?: Date; oldEmail?: string; newEmail?: string } = {},
  ): Promise<void> {
    const lang = recipient.preferredLanguage;
    const when = (date: Date | undefined) => (date ? formatInZone(date, lang, recipient.timeZone) : undefined);
    const text = ACCOUNT_MAIL_TEXT[lang][kind]({
      name: recipient.displayName,
      expiresAt: when(extra.expiresAt),
      at: when(extra.at),
      oldEmail: extra.oldEmail,
      newEmail: extra.newEmail,
    });
    const path = PATHS[kind];
    const url =
      path && `${this.config.publicUrl}${path}${extra.token ? `?token=${encodeURIComponent(extra.token)}` : ''}`;
    const { html, text: plain } = renderMail({
      lang,
      preheader: text.paragraphs[0],
      heading: text.heading,
      paragraphs: text.paragraphs,
      details: text.details,
      action: url && text.action ? { label: text.action, url } : undefined,
      footer: text.footer,
    });
    await this.mail.enqueue(manager, {
      to: recipient.to,
      userId: recipient.userId,
      category: `account.${kind}`,
      subject: text.subject,
      html,
      text: plain,
      headers: { 'Auto-Submitted': 'auto-generated' },
      evenIfBouncing: EVEN_IF_BOUNCING.has(kind),
    });
  }
}

/** A date as the recipient reads it: their language, their time zone (named, so there is no doubt). */
export function formatInZone(date: Date, lang: UiLanguage, timeZone: string): string {
  const formatted = new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(date);
  return `${formatted} (${timeZone})`;
}
