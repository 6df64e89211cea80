import {
  NOTIFICATION_MAIL_TEXT,
  UI_LANGUAGES,
  fillTemplate,
  notificationContent,
  notificationSentence,
  type NotificationKind,
  type NotificationLike,
  type UiLanguage,
} from '@twinning/contracts';
import { unsubscribeLinks, type MailContent } from '../mail';

/** Who a notification mail goes to, as the mail job reads them. */
export interface MailRecipient {
  id: string;
  email: string;
  language: string;
  timeZone: string;
}

/** A stored notification the job gathered for one mail. */
export type MailedNotification = NotificationLike & { id: string };

/** What a notification mail says, and the headers that go with it. */
export interface NotificationMail {
  kind: NotificationKind;
  subject: string;
  content: MailContent;
  headers: Record<string, string>;
  replyTo?: string;
}

export const mailLanguage = (value: string): UiLanguage =>
  (UI_LANGUAGES as readonly string[]).includes(value) ? (value as UiLanguage) : 'en';

/**
 * The headers of a mail about a forum thread: each mail refers to one made-up root Message-ID of
 * the thread, so mail clients show a thread's mails together. The one place thread mail's headers
 * are built (reply by email adds its Reply-To here).
 */
export function threadMailHeaders(
  threadId: string,
  domain: string,
  replyAddress: string | null,
): { headers: Record<string, string>; replyTo?: string } {
  const root = `<thread-${threadId}@${domain}>`;
  return { headers: { References: root, 'In-Reply-To': root }, ...(replyAddress ? { replyTo: replyAddress } : {}) };
}

/** A date and time in the reader's language and time zone, naming the zone. */
function formatInstant(iso: string, lang: UiLanguage, timeZone: string): string {
  try {
    const text = new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(
      new Date(iso),
    );
    return `${text} (${timeZone})`;
  } catch {
    return `${new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso))} (UTC)`;
  }
}

/**
 * Writes the mail for one notification, or for several of one thread (collapsed into one mail),
 * in the recipient's language and time zone. `items` are oldest first.
 */
export function buildNotificationMail(opts: {
  recipient: MailRecipient;
  items: readonly MailedNotification[];
  publicUrl: string;
  unsubscribeToken: (kind: NotificationKind) => string;
  mailDomain: string;
  /** Reply by email: the reader's address for the thread (thread mail only), or null when off. */
  replyAddress?: string | null;
}): NotificationMail {
  const { recipient, items, publicUrl } = opts;
  const lang = mailLanguage(recipient.language);
  const text = NOTIFICATION_MAIL_TEXT[lang];
  // A mention outranks a reply: the mail is filed under the most personal kind it holds.
  const kind = items.some((n) => n.kind === 'forum.mention') ? 'forum.mention' : items[0].kind;
  const first = items[0];
  const last = items[items.length - 1];
  const kindText = text.kinds[kind];
  const link = (href: string) => `${publicUrl}${href}`;
  const token = opts.unsubscribeToken(kind);
  const unsubscribe = unsubscribeLinks(publicUrl, token);
  const footer = fillTemplate(
    text.footer,
    { kind: kindText.label, settingsUrl: `${publicUrl}/profile#email-notifications` },
    lang,
  );
  const headers: Record<string, string> = {
    ...unsubscribe.headers,
    'Auto-Submitted': 'auto-generated',
  };
  const thread = first.kind === 'forum.reply' || first.kind === 'forum.mention' ? first.payload.thread : null;
  const extras = thread ? threadMailHeaders(thread.id, opts.mailDomain, opts.replyAddress ?? null) : { headers: {} };
  Object.assign(headers, extras.headers);

  const base = {
    lang,
    footer,
    unsubscribe: { label: text.unsubscribe, url: unsubscribe.pageUrl },
    // with a personal Reply-To, say so under the button, as GitHub and Discourse do
    ...(extras.replyTo ? { note: text.replyByMail } : {}),
  };
  if (items.length > 1 && thread) {
    // the thread's title as of the latest post (it may have been renamed meanwhile)
    const title =
      last.kind === 'forum.reply' || last.kind === 'forum.mention' ? last.payload.thread.title : thread.title;
    const entries = items.map((n) => notificationContent(lang, n));
    return {
      kind,
      subject: fillTemplate(text.threadSubject, { count: items.length, thread: title }, lang),
      headers,
      replyTo: extras.replyTo,
      content: {
        ...base,
        preheader: entries[entries.length - 1].text,
        heading: fillTemplate(text.threadHeading, { thread: title }, lang),
        paragraphs: [],
        sections: [
          {
            title,
            items: entries.map((e) => ({ text: e.text, url: link(e.href), note: e.excerpt ?? undefined })),
          },
        ],
        action: { label: kindText.action, url: link(entries[0].href) },
      },
    };
  }

  const content = notificationContent(lang, first);
  const { vars } = notificationSentence(first, lang);
  const details: [string, string][] = [];
  if (first.kind === 'workshop.facilitator_added') {
    details.push([text.startsAt, formatInstant(first.payload.startsAt, lang, recipient.timeZone)]);
  }
  return {
    kind,
    subject: fillTemplate(kindText.subject, vars, lang),
    headers,
    replyTo: extras.replyTo,
    content: {
      ...base,
      preheader: content.text,
      heading: content.text,
      paragraphs: [],
      details,
      quote: content.excerpt ?? undefined,
      action: { label: kindText.action, url: link(content.href) },
    },
  };
}
