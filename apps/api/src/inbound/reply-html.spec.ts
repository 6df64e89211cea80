import { renderMarkdown } from '../common/markdown';
import { replyBody } from './inbound-mail.service';
import { escapeMarkdown, htmlToText } from './reply-html';

const htmlReply = (html: string) => replyBody({ text: null, html });

describe('htmlToText', () => {
  it('keeps paragraphs, line breaks and links as text, and drops a Gmail quote', () => {
    const gmail =
      '<div dir="ltr"><div>Yes, we can host the delegation.</div><div>Line two<br>Line three</div>' +
      '<p>See <a href="https://lyon.example.org/plan?a=1&amp;b=2">the plan</a> and https://example.org.</p></div>' +
      '<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Dec 7, 2026 at 10:02 AM Twinning ' +
      '&lt;no-reply@twinning.example.org&gt; wrote:<br></div><blockquote class="gmail_quote">Jonas replied</blockquote></div>';
    expect(htmlToText(gmail)).toBe(
      'Yes, we can host the delegation.\nLine two\nLine three\n\nSee the plan (https://lyon.example.org/plan?a=1&b=2) and https://example.org.',
    );
  });

  it('leaves Outlook’s quoted header block as text for the stripper, which cuts there', () => {
    const outlook =
      '<html><head><style>p{color:red}</style><title>x</title></head><body>' +
      '<div style="font-family:Calibri">Agreed, see you on Monday.</div>' +
      '<hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri">' +
      '<b>From:</b> Twinning &lt;no-reply@twinning.example.org&gt;<br><b>Sent:</b> Monday, December 7, 2026 10:02<br>' +
      '<b>To:</b> Amira Haddad<br><b>Subject:</b> New reply</font><div>&nbsp;</div></div>' +
      '<div>Jonas Weber replied: could someone host us?</div></body></html>';
    expect(htmlReply(outlook)).toBe('Agreed, see you on Monday.');
  });

  it('drops Apple Mail and Thunderbird quotes', () => {
    expect(
      htmlToText(
        '<div>Fine.</div><div><br><blockquote type="cite"><div>On 7 Dec 2026 Twinning wrote:</div>quoted</blockquote></div>',
      ),
    ).toBe('Fine.');
    expect(htmlToText('<p>Fine.</p><div class="moz-cite-prefix">On 07/12/2026 Jonas wrote:<br></div>')).toBe('Fine.');
  });

  it('writes list items with a bullet that is no Markdown', () => {
    expect(htmlToText('<ul><li>housing</li><li>language classes</li></ul>')).toBe('• housing\n• language classes');
  });
});

describe('HTML-only replies against hostile content', () => {
  it('never lets script, style, event handlers or dangerous links through', () => {
    const body = htmlReply(
      '<p onclick="alert(1)">Hello<script>alert(1)</script><style>*{}</style></p>' +
        '<a href="javascript:alert(1)">click</a> <a href="data:text/html,x">data</a><img src=x onerror=alert(1)>' +
        '<iframe src="https://evil.example"></iframe><svg><text>svg text</text></svg>',
    );
    expect(body).toBe('Hello\n\nclick data');
    const html = renderMarkdown(body);
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<iframe|<img/i);
  });

  it('turns text that looks like markup into text: entities, tags, Markdown links, images, emphasis, headings', () => {
    const body = htmlReply(
      '<div>&lt;img src=x onerror=alert(1)&gt; [click](javascript:alert(1)) ![i](https://t.example/p.png)</div>' +
        '<div># Heading</div><div>&gt; not a quote</div><div>**bold** _em_ `code` ~~s~~ &amp;amp; |a|b|</div>' +
        '<div>1. not a list</div><div>- not a list</div><div>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;indented</div><div>===</div>',
    );
    const html = renderMarkdown(body);
    expect(html).not.toMatch(/<(img|h1|blockquote|strong|em|code|s|del|ol|ul|li|pre|table|h2)\b/i);
    // The only link is the bare address the linkifier found; the Markdown link and image stay text.
    expect(html.match(/<a /g)).toHaveLength(1);
    expect(html).toContain('<a href="https://t.example/p.png"');
    // A line starting with ">" reads as a quoted line and goes with the quote.
    expect(html).not.toContain('not a quote');
    for (const literal of [
      '&lt;img src=x onerror=alert(1)&gt;',
      '[click](javascript:alert(1))',
      '![i](',
      '# Heading',
      '**bold** _em_ `code` ~~s~~ &amp;amp; |a|b|',
      '1. not a list',
      '- not a list',
      'indented',
      '===',
    ]) {
      expect(html).toContain(literal);
    }
  });

  it('keeps mentions and links working: @first_last and bare URLs', () => {
    const body = htmlReply('<p>@amira_haddad see https://example.org/a_b?x=1&amp;y=2</p>');
    expect(body).toBe('@amira_haddad see https://example.org/a_b?x=1&y=2');
    const html = renderMarkdown(body, { mentions: new Set(['amira_haddad']) });
    expect(html).toContain('data-handle="amira_haddad"');
    expect(html).toContain('href="https://example.org/a_b?x=1&amp;y=2"');
  });

  it('survives deeply nested and broken HTML', () => {
    const deep = '<div>'.repeat(5000) + 'deep' + '</div>'.repeat(10);
    expect(htmlReply(deep)).toBe('deep');
    expect(htmlReply('<p>unclosed <b>bold <a href="https://x.example">link')).toBe(
      'unclosed bold link (https://x.example)',
    );
  });
});

describe('escapeMarkdown', () => {
  it('escapes line starts and inline markup, leaving words alone', () => {
    expect(escapeMarkdown('# a\n+ b\n2) c\n  * d\nsnake_case and _x_')).toBe(
      '\\# a\n\\+ b\n2\\) c\n\\* d\nsnake_case and \\_x\\_',
    );
  });
});
