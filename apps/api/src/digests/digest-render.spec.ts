import type { WaitingForMeDto } from '@twinning/contracts';
import { firstLines } from '../waiting';
import { notificationLine, renderDigest, type DigestInput } from './digest-render';

const empty: WaitingForMeDto = {
  since: '2026-12-07T13:00:00.000Z',
  now: '2026-12-08T13:05:00.000Z',
  upcomingUntil: '2026-12-22T13:05:00.000Z',
  forums: [],
  visits: [],
  workshops: [],
  polls: [],
  decisions: { joinRequests: [], invitations: [] },
};

const input = (overrides: Partial<DigestInput> = {}): DigestInput => ({
  kind: 'daily',
  lang: 'en',
  timeZone: 'Asia/Kolkata',
  displayName: 'Asha',
  localDate: '2026-12-08',
  notifications: [
    {
      id: 'n1',
      kind: 'forum.reply',
      payload: {
        actor: { id: 'u', displayName: 'Ben' },
        thread: { id: 't1', title: 'Housing', forumId: 'f' },
        postId: 'p',
        seq: 4,
        excerpt: 'Not sure',
      },
      createdAt: '2026-12-07T20:00:00.000Z',
    },
  ],
  notificationCount: 3,
  waiting: empty,
  publicUrl: 'https://twinning.example.org',
  unsubscribeUrl: 'https://twinning.example.org/unsubscribe?token=tok.sig',
  ...overrides,
});

describe('renderDigest', () => {
  it('lists the new notifications, linked, and says how many more there are', () => {
    const mail = renderDigest(input());
    expect(mail.subject).toBe('Your Twinning digest for Tuesday, December 8');
    expect(mail.text).toContain(
      '- Ben replied in “Housing”\n  https://twinning.example.org/threads/t1?post=4\n  Not sure',
    );
    expect(mail.text).toContain('…and 2 more');
    expect(mail.text).toContain('Turn off the daily digest: https://twinning.example.org/unsubscribe?token=tok.sig');
  });

  it('writes sections per forum, upcoming (times in the reader’s zone), polls and decisions', () => {
    const mail = renderDigest(
      input({
        notificationCount: 1,
        waiting: {
          ...empty,
          forums: [
            {
              forumId: 'f1',
              kind: 'theme',
              theme: 'health',
              partnership: null,
              course: null,
              unreadThreads: 7,
              threads: [
                {
                  id: 't2',
                  title: 'Clinics',
                  lastPostedAt: '2026-12-08T01:00:00.000Z',
                  unreadCount: 2,
                  firstUnreadSeq: 3,
                  excerpt: 'Walk-in clinics',
                  author: { id: 'u2', displayName: 'Chen' },
                },
              ],
            },
          ],
          workshops: [
            {
              id: 'w1',
              title: 'Onboarding',
              status: 'scheduled',
              startsAt: '2026-12-09T09:30:00.000Z',
              endsAt: '2026-12-09T11:00:00.000Z',
              partnership: null,
              registered: true,
              facilitator: false,
            },
          ],
          polls: [
            {
              visitId: 'v1',
              title: 'Spring visit',
              partnership: { id: 'p1', title: 'Pune – Lyon' },
              hostCity: { id: 'c1', slug: 'lyon', name: 'Lyon' },
              options: 3,
            },
          ],
          decisions: {
            joinRequests: [
              {
                id: 'j1',
                city: { id: 'c2', slug: 'pune', name: 'Pune' },
                user: { id: 'u3', displayName: 'Dev' },
                createdAt: '2026-12-07T10:00:00.000Z',
              },
            ],
            invitations: [],
          },
        },
      }),
    );
    expect(mail.text).toContain('Public forum: Health\n');
    expect(mail.text).toContain('https://twinning.example.org/threads/t2?post=3');
    expect(mail.text).toContain('2 unread, first by Chen — Walk-in clinics');
    expect(mail.text).toContain('6 more unread threads');
    // 09:30Z is 15:00 in Kolkata
    expect(mail.text).toMatch(/Workshop “Onboarding”\n.*\n {2}Wed, Dec 9, 3:00\sPM GMT\+5:30/);
    expect(mail.text).toContain('Spring visit');
    expect(mail.text).toContain('Pune – Lyon · 3 date options');
    expect(mail.text).toContain('Dev asks to join Pune\n  https://twinning.example.org/join-requests');
  });

  it('writes the combined Monday digest in Arabic, right to left', () => {
    const mail = renderDigest(input({ kind: 'combined', lang: 'ar', localDate: '2026-12-14' }));
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.subject).toContain('مع ملخص الأسبوع');
    expect(mail.text).toContain('ردّ Ben في «Housing»');
  });

  it('isolates an excerpt inside an Arabic line, so an English one keeps its full stop at its end', () => {
    const forum = (excerpt: string) => ({
      ...empty,
      forums: [
        {
          forumId: 'f1',
          kind: 'theme' as const,
          theme: 'health' as const,
          partnership: null,
          course: null,
          unreadThreads: 1,
          threads: [
            {
              id: 't2',
              title: 'Clinics',
              lastPostedAt: '2026-12-08T01:00:00.000Z',
              unreadCount: 2,
              firstUnreadSeq: 3,
              excerpt,
              author: { id: 'u2', displayName: 'Chen' },
            },
          ],
        },
      ],
    });
    const arabic = renderDigest(input({ lang: 'ar', waiting: forum('Walk-in clinics.') }));
    expect(arabic.text).toContain(' — \u2068Walk-in clinics.\u2069');
    expect(arabic.html).toContain('\u2068Walk-in clinics.\u2069</span>');
    const english = renderDigest(input({ waiting: forum('Walk-in clinics.') }));
    expect(english.text).toContain('first by Chen — Walk-in clinics.\n');
  });
});

describe('notificationLine', () => {
  it('uses the shared sentence, and a plain line for a payload it cannot read', () => {
    const url = 'https://twinning.example.org';
    expect(
      notificationLine(
        {
          id: 'n',
          kind: 'visit.cancelled',
          payload: { actor: { id: 'a', displayName: 'Ana' }, visit: { id: 'v9', title: 'Lyon' }, reason: 'Strike' },
          createdAt: '2026-12-07T00:00:00.000Z',
        },
        'fr',
        url,
      ),
    ).toEqual({ text: 'Ana a annulé la visite d’étude « Lyon »', url: `${url}/visits/v9`, note: 'Strike' });
    expect(
      notificationLine(
        { id: 'n', kind: 'visit.cancelled', payload: {}, createdAt: '2026-12-07T00:00:00.000Z' },
        'es',
        url,
      ),
    ).toEqual({ text: 'Notificación', url: `${url}/notifications` });
  });
});

describe('firstLines', () => {
  it('keeps the post’s own first two non-empty lines, shortened', () => {
    expect(firstLines('> quoted\n\nSecond\nThird\nFourth')).toBe('Second Third');
    expect(firstLines('> only a quote')).toBe('only a quote');
    expect(firstLines('x'.repeat(300))).toHaveLength(200);
  });

  it('writes Markdown as plain text', () => {
    expect(
      firstLines(
        'Recognition is rarely the issue; *moving between employers* is.\n- a [one-page guide](https://example.org/g)',
      ),
    ).toBe('Recognition is rarely the issue; moving between employers is. a one-page guide');
    expect(firstLines('Use `drop-in` hours & **ask**')).toBe('Use drop-in hours & ask');
  });
});
