import { MAIL_FRAME_TEXT, mailDirection, type MailLanguage } from '@twinning/contracts';

/** What a mail says, in the recipient's language; `renderMail` writes it as HTML and as plain text. */
export interface MailContent {
  lang: MailLanguage;
  /** The first line, shown by mail clients beside the subject. */
  preheader?: string;
  heading: string;
  /** Plain-text paragraphs (escaped in HTML). */
  paragraphs: readonly string[];
  /** Label/value lines (dates, places), shown as a small table. */
  details?: readonly (readonly [string, string])[];
  /** Quoted content, such as the first lines of a post. */
  quote?: string;
  action?: { label: string; url: string };
  /** A short line under the button, e.g. that replying to the mail answers in the thread. */
  note?: string;
  /** Further sections (a digest's groups): a title and lines, each optionally linked. */
  sections?: readonly { title: string; items: readonly { text: string; url?: string; note?: string }[] }[];
  /** Why the recipient got this mail. */
  footer: string;
  /** The link that turns this kind of mail off without signing in. */
  unsubscribe?: { label: string; url: string };
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);

/** Only http(s) links reach a mail. */
function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}

/** Both parts of a mail, in one frame: the recipient's language and direction, a footer saying why. */
export function renderMail(content: MailContent): { html: string; text: string } {
  return { html: renderHtml(content), text: renderText(content) };
}

function renderHtml(c: MailContent): string {
  const dir = mailDirection(c.lang);
  const align = dir === 'rtl' ? 'right' : 'left';
  const frame = MAIL_FRAME_TEXT[c.lang];
  const p = (text: string) =>
    `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(text).replace(/\n/g, '<br>')}</p>`;
  const parts: string[] = [];
  if (c.preheader) {
    parts.push(`<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(c.preheader)}</div>`);
  }
  parts.push(`<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(c.heading)}</h1>`);
  parts.push(...c.paragraphs.map(p));
  if (c.details?.length) {
    const rows = c.details
      .map(
        ([label, value]) =>
          `<tr><th scope="row" style="text-align:${align};padding:${dir === 'rtl' ? '4px 0 4px 12px' : '4px 12px 4px 0'};vertical-align:top;color:#555;font-weight:600">${escapeHtml(label)}</th>` +
          `<td style="padding:4px 0;vertical-align:top">${escapeHtml(value)}</td></tr>`,
      )
      .join('');
    parts.push(`<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${rows}</table>`);
  }
  if (c.quote) {
    const side = dir === 'rtl' ? 'right' : 'left';
    parts.push(
      // dir="auto": quoted words keep their own direction (an English post in an Arabic mail)
      `<blockquote dir="auto" style="margin:0 0 16px;padding:8px 12px;border-${side}:4px solid #c8d3e0;color:#333">${escapeHtml(c.quote).replace(/\n/g, '<br>')}</blockquote>`,
    );
  }
  if (c.action) {
    parts.push(
      `<p style="margin:24px 0"><a href="${escapeHtml(safeUrl(c.action.url))}" style="background:#1f5fa8;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(c.action.label)}</a></p>`,
    );
  }
  if (c.note)
    parts.push(`<p style="margin:0 0 16px;font-size:14px;color:#555;line-height:1.5">${escapeHtml(c.note)}</p>`);
  for (const section of c.sections ?? []) {
    const items = section.items
      .map((item) => {
        const text = item.url
          ? `<a href="${escapeHtml(safeUrl(item.url))}" style="color:#1f5fa8">${escapeHtml(item.text)}</a>`
          : escapeHtml(item.text);
        const note = item.note ? `<br><span dir="auto" style="color:#555">${escapeHtml(item.note)}</span>` : '';
        return `<li style="margin:0 0 8px">${text}${note}</li>`;
      })
      .join('');
    parts.push(
      `<h2 style="font-size:16px;margin:24px 0 8px">${escapeHtml(section.title)}</h2><ul style="padding-${align}:20px;margin:0">${items}</ul>`,
    );
  }
  const unsubscribe = c.unsubscribe
    ? ` <a href="${escapeHtml(safeUrl(c.unsubscribe.url))}" style="color:#555">${escapeHtml(c.unsubscribe.label)}</a>`
    : '';
  return (
    `<!doctype html><html lang="${c.lang}" dir="${dir}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(c.heading)}</title></head>` +
    `<body style="margin:0;background:#f3f5f8;font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#1b1f24">` +
    `<div dir="${dir}" style="max-width:600px;margin:0 auto;padding:24px;text-align:${align}">` +
    `<p style="margin:0 0 16px;font-weight:700;color:#1f5fa8">${escapeHtml(frame.product)}</p>` +
    `<div style="background:#fff;border-radius:8px;padding:24px">${parts.join('')}</div>` +
    `<p style="font-size:12px;color:#555;margin:16px 0 0;line-height:1.5">${escapeHtml(c.footer)}${unsubscribe}</p>` +
    `<p style="font-size:12px;color:#555;margin:8px 0 0">${escapeHtml(frame.product)} · ${escapeHtml(frame.tagline)}</p>` +
    `</div></body></html>`
  );
}

function renderText(c: MailContent): string {
  const lines: string[] = [];
  if (c.lang === 'ar') lines.push('\u200F'); // right-to-left mark: plain-text readers start on the right
  lines.push(c.heading, '');
  for (const paragraph of c.paragraphs) lines.push(paragraph, '');
  if (c.details?.length) {
    for (const [label, value] of c.details) lines.push(`${label}: ${value}`);
    lines.push('');
  }
  if (c.quote) {
    for (const line of c.quote.split('\n')) lines.push(`> ${line}`);
    lines.push('');
  }
  if (c.action) lines.push(`${c.action.label}: ${c.action.url}`, '');
  if (c.note) lines.push(c.note, '');
  for (const section of c.sections ?? []) {
    lines.push(section.title, '-'.repeat(Math.min(section.title.length, 60)));
    for (const item of section.items) {
      lines.push(`- ${item.text}${item.url ? `\n  ${item.url}` : ''}${item.note ? `\n  ${item.note}` : ''}`);
    }
    lines.push('');
  }
  lines.push('-- ', c.footer);
  if (c.unsubscribe) lines.push(`${c.unsubscribe.label}: ${c.unsubscribe.url}`);
  return lines.join('\n').replace(/^\u200F\n/, '\u200F');
}
