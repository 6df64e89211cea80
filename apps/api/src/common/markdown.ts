import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * User content is markdown, rendered to HTML on the server and sanitised there, so every client
 * shows the same safe HTML. Two layers: markdown-it never passes raw HTML through (`html: false`)
 * and refuses dangerous link schemes; sanitize-html then keeps only an allowlist of tags and
 * attributes, drops every event handler and style, and forces `rel="noopener nofollow ugc"` on links.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });

const MENTION_RE = /(^|[^A-Za-z0-9_@/.])@([a-z0-9_]{2,32})(?![A-Za-z0-9_])/gi;

type MdToken = ReturnType<typeof md.parse>[number];

/** Wraps `@handle` in text (not code, not links) in a span when `env.mentions` knows the handle. */
md.core.ruler.push('mentions', (state) => {
  const known = (state.env as { mentions?: ReadonlySet<string> }).mentions;
  if (!known || known.size === 0) return;
  const text = (content: string): MdToken => Object.assign(new state.Token('text', '', 0), { content });
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: MdToken[] = [];
    let linkDepth = 0;
    for (const token of block.children) {
      if (token.type === 'link_open') linkDepth++;
      if (token.type === 'link_close') linkDepth--;
      if (token.type !== 'text' || linkDepth > 0 || !token.content.includes('@')) {
        out.push(token);
        continue;
      }
      let last = 0;
      for (const match of token.content.matchAll(MENTION_RE)) {
        const handle = match[2].toLowerCase();
        if (!known.has(handle)) continue;
        const at = (match.index ?? 0) + match[1].length;
        if (at > last) out.push(text(token.content.slice(last, at)));
        const open = new state.Token('mention_open', 'span', 1);
        open.attrSet('class', 'mention');
        open.attrSet('data-handle', handle);
        out.push(open, text(`@${match[2]}`), new state.Token('mention_close', 'span', -1));
        last = at + 1 + match[2].length;
      }
      if (last === 0) out.push(token);
      else if (last < token.content.length) out.push(text(token.content.slice(last)));
    }
    block.children = out;
  }
});

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'strong',
    'em',
    's',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'span',
  ],
  allowedAttributes: {
    a: ['href', 'rel', 'title'],
    ol: ['start'],
    th: ['style'],
    td: ['style'],
    span: ['class', 'data-handle'],
  },
  allowedClasses: { span: ['mention'] },
  allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    // Only absolute http(s), mailto, site-relative paths and fragments survive as link targets.
    a: (tagName, attribs) => {
      const { href, ...rest } = attribs;
      const safe = href !== undefined && /^(https?:\/\/|mailto:|\/(?!\/)|#)/i.test(href);
      return { tagName, attribs: { ...rest, ...(safe ? { href } : {}), rel: 'noopener nofollow ugc' } };
    },
  },
};

export interface RenderOptions {
  /** Lower-cased handles of users who exist; `@handle` of these is marked as a mention. */
  mentions?: ReadonlySet<string>;
}

/**
 * Text that markdown-it turns into one plain paragraph, unchanged: it starts with a letter (no list,
 * heading, quote or code block), is one line, ends without a space, and holds only letters, digits,
 * combining marks, spaces and punctuation to which neither Markdown nor HTML gives a meaning here
 * (none of * _ ~ ` [ ] < > & " \ / @ # | =). Whether it holds a link is asked of markdown-it's own linkifier.
 */
const PLAIN_TEXT = /^\p{L}[\p{L}\p{N}\p{M} ,.?!;:'()-]*(?<! )$/u;

/** True when `source` renders as `<p>source</p>`: no Markdown, no HTML to escape, no link. */
export function isPlainText(source: string): boolean {
  return PLAIN_TEXT.test(source) && !md.linkify.test(source);
}

export function renderMarkdown(source: string, opts: RenderOptions = {}): string {
  // Most chat messages are plain sentences: skip the parse and the sanitiser (same output, see the spec).
  if (isPlainText(source)) return `<p>${source}</p>`;
  return renderThroughMarkdownIt(source, opts);
}

/** The full path: markdown-it, then sanitize-html. Exported for the spec that checks the fast path against it. */
export function renderThroughMarkdownIt(source: string, opts: RenderOptions = {}): string {
  return sanitizeHtml(md.render(source, { mentions: opts.mentions }), SANITIZE).trim();
}

/** Handles mentioned in the text, lower-cased and unique, ignoring code spans, code blocks and links. */
export function extractMentions(source: string): string[] {
  const found = new Set<string>();
  for (const block of md.parse(source, {})) {
    if (block.type !== 'inline' || !block.children) continue;
    let linkDepth = 0;
    for (const token of block.children) {
      if (token.type === 'link_open') linkDepth++;
      if (token.type === 'link_close') linkDepth--;
      if (token.type !== 'text' || linkDepth > 0) continue;
      for (const match of token.content.matchAll(MENTION_RE)) found.add(match[2].toLowerCase());
    }
  }
  return [...found];
}

/**
 * Plain text of the markdown (for notification excerpts and CSV), collapsed and cut to `max` characters.
 * `skipQuotes`: leave out quoted passages (another post's words), unless nothing else is left.
 */
export function plainExcerpt(source: string, max = 140, opts: { skipQuotes?: boolean } = {}): string {
  const html = md.render(source);
  if (opts.skipQuotes) {
    const own = plainText(html, true);
    if (own !== '') return cut(own, max);
  }
  return cut(plainText(html, false), max);
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

function plainText(html: string, skipQuotes: boolean): string {
  // sanitize-html filters only the tags it keeps: keeping blockquote, the filter then drops each one whole
  const options: sanitizeHtml.IOptions = skipQuotes
    ? { allowedTags: ['blockquote'], allowedAttributes: {}, exclusiveFilter: (frame) => frame.tag === 'blockquote' }
    : { allowedTags: [], allowedAttributes: {} };
  return sanitizeHtml(html, options)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes text for HTML (search highlights build on it). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
