import {
  escapeHtml,
  extractMentions,
  isPlainText,
  plainExcerpt,
  renderMarkdown,
  renderThroughMarkdownIt,
} from './markdown';

describe('renderMarkdown', () => {
  it('renders markdown to HTML', () => {
    expect(renderMarkdown('**bold** and _em_\n\n- a\n- b')).toBe(
      '<p><strong>bold</strong> and <em>em</em></p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>',
    );
  });

  const ALLOWED_TAGS =
    /^(p|br|hr|strong|em|s|del|code|pre|blockquote|ul|ol|li|a|h[1-6]|table|thead|tbody|tr|th|td|span)$/;

  /** Every real tag in the output is allowlisted, has no event handler and links only to http(s)/mailto. */
  function expectSafe(html: string): void {
    for (const [tag, name] of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)) {
      expect(name.toLowerCase()).toMatch(ALLOWED_TAGS);
      expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
      expect(tag).not.toMatch(/\sstyle\s*=(?!"text-align)/i);
      for (const [, href] of tag.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^(https?:\/\/|mailto:|\/[^/]|#)/);
    }
  }

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](  javascript:alert(1))',
    '[x](java&#x09;script:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD4=)',
    '[x](vbscript:msgbox(1))',
    '<a href="https://e.org" onclick="x()">a</a>',
    '<svg><script>1</script></svg>',
    '<iframe src="https://evil"></iframe>',
    '![x](https://evil/x.png)',
    '<style>body{}</style>',
    '<div style="position:fixed">x</div>',
    '[a](//evil.example/path)',
    '<<script>script>alert(1)<</script>/script>',
    '`<script>` and ```\n<script>\n```',
  ])('neutralises hostile input %s', (input) => {
    const html = renderMarkdown(input);
    expectSafe(html);
    expect(html).not.toMatch(/<(script|img|iframe|svg|style|div)\b/i);
  });

  it('marks links safe for user content', () => {
    expect(renderMarkdown('[site](https://example.org) and https://auto.example')).toBe(
      '<p><a href="https://example.org" rel="noopener nofollow ugc">site</a> and ' +
        '<a href="https://auto.example" rel="noopener nofollow ugc">https://auto.example</a></p>',
    );
  });

  it('marks mentions of known handles, outside code and links', () => {
    const html = renderMarkdown('hi @Ana_b, @nobody and `@ana_b` [@ana_b](https://x.org) me@ana_b.org', {
      mentions: new Set(['ana_b']),
    });
    expect(html).toBe(
      '<p>hi <span class="mention" data-handle="ana_b">@Ana_b</span>, @nobody and <code>@ana_b</code> ' +
        '<a href="https://x.org" rel="noopener nofollow ugc">@ana_b</a> me@ana_b.org</p>',
    );
  });
});

describe('renderMarkdown plain-text fast path', () => {
  /** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
  function random(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  const corpus = [
    'Hello everyone',
    'Welcome to the workshop on inter-cultural dialogue!',
    "Let's start: who is here from Rotterdam?",
    'Bonjour à tous, je suis ravie (vraiment) de vous voir.',
    '¿Qué tal? Todo bien; gracias.',
    'مرحبا بكم في ورشة العمل',
    'Xin chào các bạn',
    '你好，世界',
    'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt. Lorem ipsum',
    'see example.com please',
    'visit www.example.org',
    'mail ana.b at example.com',
    'go to https',
    'Version v1.2 is out',
    'a  b',
    'ends with a space ',
    ' starts with a space',
    'e.g. this one',
    'localhost',
    'x',
    'Is it 3 - 2?',
    'A-',
    'A (b) c',
  ];

  it('gives exactly what markdown-it and the sanitiser give, on a corpus', () => {
    for (const text of corpus) expect(renderMarkdown(text)).toBe(renderThroughMarkdownIt(text));
    expect(isPlainText('Hello everyone')).toBe(true);
    expect(isPlainText('مرحبا بكم في ورشة العمل')).toBe(true);
    expect(isPlainText('ends with a space ')).toBe(false);
    expect(isPlainText('1. first')).toBe(false);
    expect(isPlainText('**bold**')).toBe(false);
  });

  it('gives exactly what markdown-it and the sanitiser give, on 20,000 random strings', () => {
    // The fast path's own alphabet and every character that could make it wrong.
    const alphabet = [
      ..."abcxyzABCXYZ0129éüñçاعب中ँ ,.?!;:'()-",
      ...'*_~`[]<>&"\\/@#|=+{}$%^\t\n\r\u00a0',
      'www.',
      '.com',
      'http://',
      'mailto:',
      'a.b.org',
      '1.',
      '1)',
      '- ',
      '> ',
      '    ',
    ];
    const next = random(20261129);
    let plain = 0;
    for (let i = 0; i < 20_000; i++) {
      const length = 1 + Math.floor(next() * 12);
      let text = '';
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(next() * alphabet.length)];
      if (isPlainText(text)) plain++;
      expect(renderMarkdown(text)).toBe(renderThroughMarkdownIt(text));
    }
    expect(plain).toBeGreaterThan(1_000); // the fast path was really exercised
  });
});

describe('extractMentions', () => {
  it('finds handles in text only, once each', () => {
    expect(
      extractMentions(
        '@Ana_b and @li, again @ana_b; `@code` a@b.org [@link](https://x)\n\n```\n@block\n```\n\n    @indented',
      ),
    ).toEqual(['ana_b', 'li']);
  });
});

describe('plainExcerpt', () => {
  it('strips markup and cuts long text', () => {
    expect(plainExcerpt('**Hello** <b>&</b> world', 100)).toBe('Hello <b>&</b> world');
    expect(plainExcerpt('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`);
  });

  it('can leave out quoted passages, unless the post is nothing but a quote', () => {
    const body = '> What did Toronto learn?\n> > nested\n\nThanks — **three things**:\n\n- a guide\n- drop-in hours';
    expect(plainExcerpt(body, 100, { skipQuotes: true })).toBe('Thanks — three things: a guide drop-in hours');
    expect(plainExcerpt(body, 100)).toBe('What did Toronto learn? nested Thanks — three things: a guide drop-in hours');
    expect(plainExcerpt('> only a quote', 100, { skipQuotes: true })).toBe('only a quote');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
