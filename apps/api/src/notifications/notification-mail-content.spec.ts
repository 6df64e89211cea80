import { buildNotificationMail, type MailedNotification } from './notification-mail-content';

const post = (
  id: string,
  seq: number,
  excerpt: string,
  kind: 'forum.reply' | 'forum.mention' = 'forum.reply',
): MailedNotification => ({
  id,
  kind,
  payload: {
    actor: { id: 'u-li', displayName: 'Li Wei' },
    thread: { id: 't-1', title: 'Language cafés', forumId: 'f-1' },
    postId: `p-${seq}`,
    seq,
    excerpt,
  },
});

const build = (items: MailedNotification[], language = 'en', replyAddress: string | null = null) =>
  buildNotificationMail({
    replyAddress,
    recipient: { id: 'u-ana', email: 'ana@example.test', language, timeZone: 'America/Toronto' },
    items,
    publicUrl: 'https://twinning.example.org',
    unsubscribeToken: (kind) => `token-${kind}`,
    mailDomain: 'twinning.example.org',
  });

describe('buildNotificationMail', () => {
  it('gives chosen visit dates as the host’s days, in the reader’s language', () => {
    const chosen = {
      id: 'n-9',
      kind: 'visit.date_chosen',
      payload: {
        actor: { id: 'u-li', displayName: 'Li Wei' },
        visit: { id: 'v-1', title: 'Newcomer services' },
        startDate: '2027-03-07',
        endDate: '2027-03-09',
      },
    } as MailedNotification;
    const plain = (text: string) => text.replace(/[\u2009\u202f]/g, ' ');
    expect(plain(build([chosen], 'fr').content.heading ?? '')).toBe(
      'Li Wei a fixé les dates de « Newcomer services » : dim. 7 – mar. 9 mars 2027',
    );
    expect(plain(build([chosen], 'en').content.heading ?? '')).toBe(
      'Li Wei chose the dates of “Newcomer services”: Sun, March 7 – Tue, March 9, 2027',
    );
  });

  it('writes one notification with its subject, action, quote, footer and one-click unsubscribe', () => {
    const mail = build([post('n-1', 4, 'We meet on Thursdays')]);
    expect(mail.subject).toBe('New reply in “Language cafés”');
    expect(mail.content.heading).toBe('Li Wei replied in “Language cafés”');
    expect(mail.content.quote).toBe('We meet on Thursdays');
    expect(mail.content.action).toEqual({
      label: 'Read the reply',
      url: 'https://twinning.example.org/threads/t-1?post=4',
    });
    expect(mail.content.footer).toBe(
      'You got this mail because “Replies in threads you watch” notifications reach you immediately. Change how they reach you in your profile: https://twinning.example.org/profile#email-notifications',
    );
    expect(mail.content.unsubscribe?.url).toBe('https://twinning.example.org/unsubscribe?token=token-forum.reply');
    expect(mail.headers).toMatchObject({
      'List-Unsubscribe': '<https://twinning.example.org/api/unsubscribe?token=token-forum.reply>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      References: '<thread-t-1@twinning.example.org>',
      'In-Reply-To': '<thread-t-1@twinning.example.org>',
    });
  });

  it('collapses a thread’s posts into one mail, filed under a mention when it holds one, in Arabic', () => {
    const mention = post('n-2', 5, '@ana what do you think?', 'forum.mention');
    const mail = build([post('n-1', 4, 'First'), mention], 'ar');
    expect(mail.kind).toBe('forum.mention');
    expect(mail.subject).toBe(`${new Intl.NumberFormat('ar').format(2)} مشاركات جديدة في «Language cafés»`);
    expect(mail.content.sections?.[0].items.map((i) => i.note)).toEqual(['First', '@ana what do you think?']);
    expect(mail.content.action?.url).toBe('https://twinning.example.org/threads/t-1?post=4');
    expect(mail.content.lang).toBe('ar');
  });

  it('says under the button that replying to the mail answers in the thread, only when it carries a Reply-To', () => {
    const reply = 'reply+abc@reply.twinning.example.org';
    const mail = build([post('n-1', 4, 'We meet on Thursdays')], 'en', reply);
    expect(mail.replyTo).toBe(reply);
    expect(mail.content.note).toBe('Reply to this mail to post your answer in the discussion.');
    const arabic = build([post('n-1', 4, 'First'), post('n-2', 5, 'Second')], 'ar', reply);
    expect(arabic.content.note).toBe('ردّ على هذه الرسالة لتنشر جوابك في النقاش.');
    const off = build([post('n-1', 4, 'We meet on Thursdays')]);
    expect(off.replyTo).toBeUndefined();
    expect(off.content.note).toBeUndefined();
  });

  it('falls back to English for an unknown language', () => {
    expect(build([post('n-1', 4, '')], 'xx').content.lang).toBe('en');
  });
});
