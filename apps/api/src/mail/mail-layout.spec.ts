import { renderMail } from './mail-layout';

describe('renderMail', () => {
  const content = {
    heading: 'Confirm <your> address',
    paragraphs: ['Hello "Amira" & welcome', 'Second line'],
    details: [['When', 'Monday 14 March, 09:00 (Asia/Kuala_Lumpur)']] as const,
    action: { label: 'Confirm', url: 'https://twinning.example.org/verify-email?token=a&b=1' },
    footer: 'You received this because someone registered with this address.',
    unsubscribe: { label: 'Turn these off', url: 'https://twinning.example.org/unsubscribe?t=x' },
  };

  it('writes both parts, escaping the text in HTML', () => {
    const { html, text } = renderMail({ lang: 'en', ...content });
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('Confirm &lt;your&gt; address');
    expect(html).toMatch(/<th scope="row" style="text-align:left;padding:4px 12px 4px 0;/);
    expect(html).toContain('Hello &quot;Amira&quot; &amp; welcome');
    expect(html).toContain('href="https://twinning.example.org/verify-email?token=a&amp;b=1"');
    expect(text).toContain('Confirm: https://twinning.example.org/verify-email?token=a&b=1');
    expect(text).toContain('When: Monday 14 March, 09:00 (Asia/Kuala_Lumpur)');
    expect(text).toContain('-- \nYou received this because someone registered with this address.');
    expect(text).toContain('Turn these off: https://twinning.example.org/unsubscribe?t=x');
  });

  it('writes Arabic right to left, in both parts', () => {
    const { html, text } = renderMail({ lang: 'ar', ...content, heading: 'أكّد عنوانك' });
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('text-align:right');
    // The space between a detail's name and its value is on the name's left, where the value is.
    expect(html).toMatch(/<th scope="row" style="text-align:right;padding:4px 0 4px 12px;/);
    expect(text.startsWith('\u200Fأكّد عنوانك')).toBe(true);
  });

  it('lets quoted text keep its own direction, and writes a note under the button in both parts', () => {
    const { html, text } = renderMail({
      lang: 'ar',
      ...content,
      quote: 'Thanks, see you in March!',
      note: 'ردّ على هذه الرسالة لتنشر جوابك في النقاش.',
      sections: [{ title: 'النقاش', items: [{ text: 'ردّ أحدهم', note: 'An English excerpt.' }] }],
    });
    expect(html).toContain('<blockquote dir="auto"');
    expect(html).toContain('<span dir="auto" style="color:#555">An English excerpt.</span>');
    expect(html.indexOf('ردّ على هذه الرسالة')).toBeGreaterThan(html.indexOf('>Confirm</a>'));
    expect(text).toContain(
      'Confirm: https://twinning.example.org/verify-email?token=a&b=1\n\nردّ على هذه الرسالة لتنشر جوابك في النقاش.\n',
    );
  });

  it('never links anything but http(s)', () => {
    const { html } = renderMail({ lang: 'en', ...content, action: { label: 'x', url: 'javascript:alert(1)' } });
    expect(html).not.toContain('javascript:');
  });
});
