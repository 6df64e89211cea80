import type { QuestionStatus } from '@twinning/contracts';

/**
 * The Markdown transcript of a workshop, built from plain rows. Everything people wrote goes into
 * blockquotes line by line, and names and titles are escaped, so no text can add a heading, end a
 * section or pose as another speaker: the transcript's structure is the server's alone.
 */

export interface TranscriptHeader {
  title: string;
  theme: string;
  language: string;
  scope: string;
  partnershipTitle: string | null;
  startsAt: Date;
  endsAt: Date;
  openedAt: Date | null;
  endedAt: Date | null;
  facilitators: { displayName: string; handle: string }[];
}

export interface TranscriptMessage {
  seq: number;
  author_name: string;
  author_handle: string;
  body: string;
  created_at: Date;
  deleted_at: Date | null;
  pinned_at: Date | null;
}

export interface TranscriptQuestion {
  author_name: string;
  author_handle: string;
  body: string;
  votes: number;
  status: QuestionStatus;
  created_at: Date;
  answered_at: Date | null;
}

/** Markdown punctuation that could start emphasis, links, code, HTML or tables inside a line. */
const INLINE_SPECIAL = /[\\`*_[\]<>#|~!]/g;

/** One line of text that reads literally in Markdown: whitespace collapsed, punctuation escaped. */
export function inline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(INLINE_SPECIAL, (c) => `\\${c}`);
}

/** The text as a blockquote: every line quoted, so nothing in it can leave the quote. */
export function quote(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');
}

const utcDate = (d: Date) => d.toISOString().slice(0, 10);
const utcTime = (d: Date) => d.toISOString().slice(11, 19);
const utcMinute = (d: Date) => `${utcDate(d)} ${d.toISOString().slice(11, 16)} UTC`;
const utcSecond = (d: Date) => `${utcDate(d)} ${utcTime(d)} UTC`;
const speaker = (name: string, handle: string) => `**${inline(name)}** (@${inline(handle)})`;

export function transcriptHeader(h: TranscriptHeader): string {
  const scope =
    h.scope === 'partnership' && h.partnershipTitle !== null
      ? `partnership (${inline(h.partnershipTitle)})`
      : inline(h.scope);
  const facilitators = h.facilitators.map((f) => `${inline(f.displayName)} (@${inline(f.handle)})`).join(', ');
  return [
    `# ${inline(h.title)}`,
    '',
    `- Theme: ${inline(h.theme)}`,
    `- Language: ${inline(h.language)}`,
    `- Scope: ${scope}`,
    `- Scheduled: ${utcMinute(h.startsAt)} – ${utcMinute(h.endsAt)}`,
    `- Opened: ${h.openedAt ? utcSecond(h.openedAt) : 'not opened'}`,
    `- Ended: ${h.endedAt ? utcSecond(h.endedAt) : 'not ended'}`,
    `- Facilitators: ${facilitators || 'none'}`,
    '',
    '## Messages',
    '',
  ].join('\n');
}

/**
 * One message: the speaker line, then the body as a blockquote. A new UTC day starts with a
 * `### YYYY-MM-DD` line; `previous` is the message before (null for the first).
 */
export function transcriptMessage(m: TranscriptMessage, previous: TranscriptMessage | null): string {
  const day = utcDate(m.created_at);
  const parts: string[] = [];
  if (!previous || utcDate(previous.created_at) !== day) parts.push(`### ${day}`, '');
  const deleted = m.deleted_at !== null;
  const pinned = m.pinned_at !== null && !deleted;
  parts.push(
    `${speaker(m.author_name, m.author_handle)} · ${utcTime(m.created_at)} UTC${pinned ? ' · 📌 pinned' : ''}`,
  );
  parts.push('');
  parts.push(deleted ? '> *message removed by a facilitator*' : quote(m.body));
  parts.push('', '');
  return parts.join('\n');
}

export const NO_MESSAGES = '*No messages.*\n\n';

export const QUESTIONS_HEADING = '## Questions and answers\n\n';

export const NO_QUESTIONS = '*No questions.*\n';

export function transcriptQuestion(q: TranscriptQuestion): string {
  const votes = q.votes === 1 ? '1 vote' : `${q.votes} votes`;
  const status = q.status === 'answered' && q.answered_at ? `answered ${utcSecond(q.answered_at)}` : q.status;
  return `${speaker(q.author_name, q.author_handle)} · ${utcSecond(q.created_at)} · ${votes} · ${status}\n\n${quote(q.body)}\n\n`;
}

/** `<slug>-transcript.md`: ASCII letters and digits of the title, so the header needs no encoding. */
export function transcriptFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'workshop'}-transcript.md`;
}
