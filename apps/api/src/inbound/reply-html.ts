import sanitizeHtml from 'sanitize-html';

/**
 * HTML-only replies become plain text: paragraphs and line breaks kept, links written as
 * "label (url)", everything else (styles, scripts, images, attributes) gone, and the quoted message
 * that mail clients wrap in `<blockquote>` or a `gmail_quote`-like container removed. The text then
 * goes through `stripReply` (Outlook's quoted header block is plain text after conversion) and
 * `escapeMarkdown`, so nothing in the mail becomes Markdown or HTML markup in the post.
 */
export function htmlToText(html: string): string {
  const clean = sanitizeHtml(html, SANITIZE);
  return tokensToText(clean);
}

const BLOCKS = ['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'pre', 'ul', 'ol', 'table', 'hr'];
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'pre', 'hr']);

/** Class names and ids of the containers in which mail clients put the quoted message. */
const QUOTE_CLASSES = [
  'gmail_quote',
  'gmail_extra',
  'yahoo_quoted',
  'moz-cite-prefix',
  'protonmail_quote',
  'zmail_extra',
  'OutlookMessageHeader',
];

function isQuoteContainer(tag: string, attribs: Record<string, string>): boolean {
  if (tag === 'blockquote') return true;
  const classes = (attribs.class ?? '').split(/\s+/);
  return (
    QUOTE_CLASSES.some((name) => classes.includes(name)) || attribs.id === 'mail-editor-reference-message-container'
  );
}

/** Set by transformTags on quote containers (sanitize-html's filter sees the original tag name). */
const QUOTE_MARK = 'data-twinning-quote';

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [...BLOCKS, 'a', 'br', 'blockquote', 'td', 'th'],
  allowedAttributes: { a: ['href'], blockquote: [QUOTE_MARK] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'template', 'svg', 'math'],
  // Quote containers are marked, and the filter below drops them with their content.
  transformTags: {
    '*': (tagName, attribs) =>
      isQuoteContainer(tagName, attribs)
        ? { tagName: 'blockquote', attribs: { [QUOTE_MARK]: '' } }
        : { tagName, attribs },
  },
  exclusiveFilter: (frame) => frame.tag === 'blockquote' || QUOTE_MARK in frame.attribs,
};

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const decode = (text: string): string => text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/** Walks sanitize-html's normalized output (known tags, only `href` on links, text escaped). */
function tokensToText(clean: string): string {
  let out = '';
  let pre = 0;
  const links: { href: string | null; start: number }[] = [];
  const breakLine = (blank: boolean) => {
    out = out.replace(/[ \t]+$/, '');
    if (out === '') return;
    const want = blank ? '\n\n' : '\n';
    const trailing = /\n*$/.exec(out)?.[0].length ?? 0;
    if (trailing < want.length) out += want.slice(trailing);
  };
  for (const part of clean.split(/(<[^>]*>)/)) {
    const tag = /^<(\/?)([a-z0-9]+)(?:\s+href="([^"]*)")?\s*\/?>$/i.exec(part);
    if (!tag) {
      let text = decode(part).replace(/[\u00a0\u2007\u202f]/g, ' ');
      if (!pre) text = text.replace(/\s+/g, ' ');
      if (!pre && (out === '' || out.endsWith('\n') || out.endsWith(' '))) text = text.replace(/^ /, '');
      out += text;
      continue;
    }
    const [, closing, rawName, href] = tag;
    const name = rawName.toLowerCase();
    if (name === 'br') {
      out = out.replace(/[ \t]+$/, '') + '\n';
    } else if (name === 'a') {
      if (!closing) links.push({ href: href === undefined ? null : decode(href), start: out.length });
      else {
        const link = links.pop();
        if (link?.href) out += linkSuffix(out.slice(link.start).trim(), link.href);
      }
    } else if (name === 'td' || name === 'th') {
      if (closing && !out.endsWith(' ') && !out.endsWith('\n')) out += ' ';
    } else if (name === 'li') {
      breakLine(false);
      if (!closing) out += '• ';
    } else if (BLOCKS.includes(name)) {
      if (name === 'pre') pre += closing ? -1 : 1;
      breakLine(PARAGRAPHS.has(name));
    }
  }
  return out
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** " (url)" after a link's label, unless the label already is the address. */
function linkSuffix(label: string, href: string): string {
  const shown = href.replace(/^mailto:/i, '');
  if (label === '') return shown;
  const bare = (s: string) => s.replace(/^(?:https?:\/\/|mailto:)/i, '').replace(/\/$/, '');
  return bare(label) === bare(shown) ? '' : ` (${shown})`;
}

/**
 * Backslash-escapes what Markdown would turn into markup: emphasis, code, links and images, HTML
 * and autolinks, entities, strikethrough, tables, and at the start of a line headings, quotes,
 * lists, setext underlines and indented code. `_` inside a word stays (it is no emphasis there, and
 * `@first_last` must still name the same person); `@mentions` and bare URLs stay as they are.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split('\n')
    .map((raw) => {
      const line = raw.replace(/^[ \t]+/, '');
      // Addresses stay verbatim: the linkifier reads the source, so a backslash would land in the link.
      const escaped = line
        .split(URL_RE)
        .map((part, i) => (i % 2 === 1 ? part : escapeInline(part)))
        .join('');
      return escaped.replace(/^([#+=-])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
    })
    .join('\n');
}

/** http(s) addresses made only of characters that are no Markdown markup. */
const URL_RE = /(https?:\/\/[A-Za-z0-9\-._:/?#@!$&'()+,;=%]+)/;

const escapeInline = (text: string): string =>
  text
    .replace(/[\\`*[\]<>~|&{}]/g, (c) => `\\${c}`)
    .replace(/(^|[^\p{L}\p{N}])_|_(?=$|[^\p{L}\p{N}])/gu, (m) => m.replace('_', '\\_'));
