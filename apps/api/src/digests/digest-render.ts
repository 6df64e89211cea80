import {
  MAIL_DIGEST_TEXT,
  MAIL_FRAME_TEXT,
  mailDirection,
  notificationContent,
  type NotificationLike,
  type DigestKind,
  type DigestText,
  type MailLanguage,
  type WaitingForMeDto,
} from '@twinning/contracts';
import { renderMail, type MailContent } from '../mail';
import type { DigestNotification } from './digests.repository';

type Section = NonNullable<MailContent['sections']>[number];
type Item = Section['items'][number];

export interface DigestInput {
  kind: DigestKind;
  lang: MailLanguage;
  timeZone: string;
  displayName: string;
  /** The recipient's local date of the digest (YYYY-MM-DD). */
  localDate: string;
  notifications: readonly DigestNotification[];
  notificationCount: number;
  waiting: WaitingForMeDto;
  /** Where the web client is (links are built on it). */
  publicUrl: string;
  /** The footer's link: the unsubscribe page with this digest's signed token. */
  unsubscribeUrl: string;
}

export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
}

/**
 * One notification as a digest line: its sentence in the reader's language (the same as in the
 * app and in immediate mail), linked; the quoted post or reason below it.
 */
export function notificationLine(n: DigestNotification, lang: MailLanguage, publicUrl: string): Item {
  try {
    const content = notificationContent(lang, n as unknown as NotificationLike);
    return { text: content.text, url: `${publicUrl}${content.href}`, note: content.excerpt ?? undefined };
  } catch {
    // a payload from before its kind's current shape: still counted, linked to the list
    return { text: MAIL_DIGEST_TEXT[lang].otherKind, url: `${publicUrl}/notifications` };
  }
}

function formatDate(localDate: string, lang: MailLanguage, long = false): string {
  // a calendar date: formatted at noon UTC in UTC, so no zone can move it to another day
  return new Intl.DateTimeFormat(lang, {
    timeZone: 'UTC',
    ...(long ? { weekday: 'long' } : {}),
    day: 'numeric',
    month: long ? 'long' : 'short',
    ...(long ? {} : { year: 'numeric' }),
  }).format(new Date(`${localDate}T12:00:00Z`));
}

function formatInstant(iso: string, lang: MailLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/**
 * In right-to-left mail, a quotation (in whatever language it was written) set inside a sentence is
 * isolated (U+2068 … U+2069), so an English excerpt's full stop stays at its end.
 */
function isolate(text: string, lang: MailLanguage): string {
  return text && mailDirection(lang) === 'rtl' ? `\u2068${text}\u2069` : text;
}

function forumSections(input: DigestInput, t: DigestText): Section[] {
  return input.waiting.forums.map((forum) => {
    const title = forum.partnership
      ? t.partnershipForum(forum.partnership.title)
      : forum.course
        ? t.courseForum(forum.course.title)
        : t.publicForum(forum.theme ? t.themes[forum.theme] : '');
    const items: Item[] = forum.threads.map((thread) => ({
      text: thread.title,
      url: `${input.publicUrl}/threads/${encodeURIComponent(thread.id)}?post=${thread.firstUnreadSeq}`,
      note: [t.unreadPosts(thread.unreadCount, thread.author?.displayName ?? null), isolate(thread.excerpt, input.lang)]
        .filter(Boolean)
        .join(' — '),
    }));
    const hidden = forum.unreadThreads - forum.threads.length;
    if (hidden > 0) {
      items.push({
        text: t.moreThreads(hidden),
        url: `${input.publicUrl}/forums/${encodeURIComponent(forum.forumId)}`,
      });
    }
    return { title, items };
  });
}

function upcomingSection(input: DigestInput, t: DigestText): Section | null {
  const { lang, publicUrl, timeZone } = input;
  const entries: { at: string; item: Item }[] = [];
  for (const visit of input.waiting.visits) {
    const status =
      visit.myStatus === 'registered' ? t.visitRegistered : visit.myStatus === 'waitlisted' ? t.visitWaitlisted : null;
    entries.push({
      at: `${visit.startDate}T00:00`,
      item: {
        text: t.visitLine(visit.title, visit.hostCity.name),
        url: `${publicUrl}/visits/${encodeURIComponent(visit.id)}`,
        note: [t.visitDates(formatDate(visit.startDate, lang), formatDate(visit.endDate, lang)), status]
          .filter(Boolean)
          .join(' · '),
      },
    });
  }
  for (const workshop of input.waiting.workshops) {
    entries.push({
      at: workshop.startsAt,
      item: {
        text: t.workshopLine(workshop.title),
        url: `${publicUrl}/workshops/${encodeURIComponent(workshop.id)}`,
        note: workshop.status === 'live' ? t.workshopLive : formatInstant(workshop.startsAt, lang, timeZone),
      },
    });
  }
  if (entries.length === 0) return null;
  entries.sort((a, b) => a.at.localeCompare(b.at));
  return { title: t.upcoming, items: entries.map((e) => e.item) };
}

function decisionsSection(input: DigestInput, t: DigestText): Section | null {
  const { publicUrl } = input;
  const items: Item[] = [
    ...input.waiting.decisions.invitations.map((inv) => ({
      text: t.invitation(inv.partnership.title, inv.city.name),
      url: `${publicUrl}/partnerships/${encodeURIComponent(inv.partnership.id)}`,
      note: inv.fromCity ? t.invitedBy(inv.fromCity.name) : undefined,
    })),
    ...input.waiting.decisions.joinRequests.map((jr) => ({
      text: t.joinRequest(jr.user.displayName, jr.city.name),
      url: `${publicUrl}/join-requests`,
    })),
  ];
  return items.length ? { title: t.decisions, items } : null;
}

/** The digest mail: new notifications, then unread threads by forum, upcoming, polls and decisions. */
export function renderDigest(input: DigestInput): RenderedDigest {
  const t = MAIL_DIGEST_TEXT[input.lang];
  const { publicUrl } = input;
  const sections: Section[] = [];
  if (input.notifications.length) {
    const items = input.notifications.map((n) => notificationLine(n, input.lang, publicUrl));
    const more = input.notificationCount - input.notifications.length;
    if (more > 0) items.push({ text: t.more(more), url: `${publicUrl}/notifications` });
    sections.push({ title: t.notifications, items });
  }
  sections.push(...forumSections(input, t));
  const upcoming = upcomingSection(input, t);
  if (upcoming) sections.push(upcoming);
  if (input.waiting.polls.length) {
    sections.push({
      title: t.polls,
      items: input.waiting.polls.map((poll) => ({
        text: poll.title,
        url: `${publicUrl}/visits/${encodeURIComponent(poll.visitId)}`,
        note: t.pollNote(poll.partnership.title, poll.options),
      })),
    });
  }
  const decisions = decisionsSection(input, t);
  if (decisions) sections.push(decisions);
  const date = formatDate(input.localDate, input.lang, true);
  const { html, text } = renderMail({
    lang: input.lang,
    preheader: t.intro(input.displayName),
    heading: t.heading[input.kind],
    paragraphs: [t.intro(input.displayName)],
    action: { label: MAIL_FRAME_TEXT[input.lang].openLink, url: `${publicUrl}/` },
    sections,
    footer: t.footer[input.kind],
    // the page says which kinds this digest carries and turns them off when asked
    unsubscribe: { label: t.unsubscribe[input.kind], url: input.unsubscribeUrl },
  });
  return { subject: t.subject[input.kind](date), html, text };
}
