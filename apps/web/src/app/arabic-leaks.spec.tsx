import { NOTIFICATION_KINDS, type MeDto } from '@twinning/contracts';
import { screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { installDialogPolyfill } from '../test/dialog-polyfill';
import {
  makeAgendaItem,
  makeAuditEntry,
  makeAuth,
  makeDateOption,
  makeFlag,
  makeMe,
  makeNotification,
  makePartnershipDetail,
  makeRosterEntry,
  makeTrainingMatch,
  makeTrainingMatches,
  makeTrainingOffer,
  makeTrainingRequest,
  makeVisit,
} from '../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../test/test-utils';
import { makeWorkshop, makeWorkshopAuditEntry } from '../test/workshop-fixtures';

/**
 * Renders key pages in Arabic and looks for Latin-script words that came from the interface rather than from
 * the data: every word of every API answer is allowed (names, titles, cities), and so are a few proper names.
 * Anything else written in Latin letters is English the interface forgot to translate.
 */
const ALLOWED = new Set(
  ['Twinning', 'UTC', 'GMT', 'CSV', 'iCalendar', 'ics', 'Markdown', 'English', 'Français', 'Español', 'https'].map(
    (w) => w.toLowerCase(),
  ),
);

function wordsOf(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string')
    for (const word of value.match(/[A-Za-z\u00C0-\u024F]+/g) ?? []) into.add(word.toLowerCase());
  else if (Array.isArray(value)) for (const item of value) wordsOf(item, into);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) wordsOf(item, into);
  return into;
}

/** Visible text and the attributes a screen reader says, of the whole document. */
function spokenText(): string {
  const parts: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? '');
  for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description]')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
      const value = el.getAttribute(name);
      if (value) parts.push(value);
    }
  }
  return parts.join('\n');
}

/** Serves `routes` (pathname → JSON), remembering every word it sent. */
function serve(me: MeDto, routes: Record<string, unknown>) {
  const served = new Set<string>();
  const all: Record<string, unknown> = { '/api/auth/refresh': makeAuth(me), ...routes };
  stubFetch(({ url }) => {
    const body = all[url.pathname];
    if (body === undefined) return apiError(404, 'NOT_FOUND');
    wordsOf(body, served);
    return jsonResponse(body);
  });
  return served;
}

/** "AS" for Ana Souza: an avatar's initials, made of the first letters of words the API sent. */
function isInitials(word: string, served: Set<string>): boolean {
  if (word.length > 3 || word !== word.toUpperCase()) return false;
  const initials = new Set([...served].map((w) => w.charAt(0)));
  return [...word.toLowerCase()].every((letter) => initials.has(letter));
}

function leaks(served: Set<string>): string[] {
  const found = new Set<string>();
  for (const word of spokenText().match(/[A-Za-z\u00C0-\u024F]{2,}/g) ?? []) {
    const lower = word.toLowerCase();
    if (!served.has(lower) && !ALLOWED.has(lower) && !isInitials(word, served)) found.add(word);
  }
  return [...found].sort();
}

beforeAll(() => installDialogPolyfill());

describe('no English left in Arabic pages', () => {
  it('notices English that the data did not bring (the check itself)', async () => {
    const served = serve(makeMe(), {
      '/api/notifications/unread-count': { count: 0 },
      '/api/notifications': { items: [], nextCursor: null },
    });
    renderApp({ path: '/notifications', initialLanguage: 'en' });
    await screen.findByRole('heading', { level: 1, name: 'Notifications' });
    expect(leaks(served)).toEqual(expect.arrayContaining(['Notifications']));
  });

  it('notifications: every kind, with its dates', async () => {
    const served = serve(makeMe({ preferredLanguage: 'ar' }), {
      '/api/notifications/unread-count': { count: 2 },
      '/api/notifications': {
        items: NOTIFICATION_KINDS.map((kind) => makeNotification(kind)),
        nextCursor: null,
      },
    });
    renderApp({ path: '/notifications', initialLanguage: 'ar' });
    await screen.findByRole('list', { name: 'إشعاراتك' });
    expect(leaks(served)).toEqual([]);
  });

  it('moderation audit log, with post and flag entries', async () => {
    const served = serve(makeMe({ roles: ['admin'], preferredLanguage: 'ar' }), {
      '/api/moderation/audit': {
        items: [
          makeAuditEntry({
            target: {
              type: 'post',
              id: 'post-1',
              label: '#3 in “Bikes” by Ana Souza',
              post: { seq: 3, threadTitle: 'Bikes', authorName: 'Ana Souza' },
            },
          }),
          makeAuditEntry({
            id: 'audit-2',
            action: 'flag.uphold',
            target: {
              type: 'flag',
              id: 'flag-1',
              label: 'spam flag on #3 in “Bikes”',
              post: { seq: 3, threadTitle: 'Bikes', authorName: null },
              flagReason: 'spam',
            },
            reason: 'Flagged as spam',
            reasonFlagged: 'spam',
          }),
        ].map((entry) => ({
          ...entry,
          // the label is English by design; the page must not show it when the parts are given
          target: { ...entry.target, label: '' },
        })),
        nextCursor: null,
      },
    });
    renderApp({ path: '/moderation/audit', initialLanguage: 'ar' });
    await screen.findByRole('table');
    expect(leaks(served)).toEqual([]);
  });

  it('moderation queue', async () => {
    const served = serve(makeMe({ roles: ['admin'], preferredLanguage: 'ar' }), {
      '/api/moderation/flags': { items: [makeFlag()], nextCursor: null },
    });
    renderApp({ path: '/moderation', initialLanguage: 'ar' });
    await screen.findByRole('heading', { level: 1 });
    await screen.findAllByRole('article').catch(() => null);
    expect(leaks(served)).toEqual([]);
  });

  it('workshop page for a facilitator, with its audit', async () => {
    const li = makeMe({ id: 'user-li', displayName: 'Li Wei', roles: ['facilitator'], preferredLanguage: 'ar' });
    const served = serve(li, {
      '/api/workshops/workshop-1': makeWorkshop({
        viewer: { registered: false, facilitator: true, removed: false },
      } as never),
      '/api/workshops/workshop-1/audit': {
        items: [
          makeWorkshopAuditEntry(),
          makeWorkshopAuditEntry({ id: 'a2', action: 'room.slow_mode', detail: { seconds: 30 } } as never),
        ],
        nextCursor: null,
      },
    });
    renderApp({ path: '/workshops/workshop-1', initialLanguage: 'ar' });
    await screen.findByRole('heading', { level: 1 });
    await screen.findByText(/العمل|ورشة/, { selector: 'h2' }).catch(() => null);
    expect(leaks(served)).toEqual([]);
  });

  it('visit page with a date poll, agenda and roster', async () => {
    const li = makeMe({
      id: 'user-li',
      displayName: 'Li Wei',
      preferredLanguage: 'ar',
      cities: [{ cityId: 'city-toronto', citySlug: 'toronto', cityName: 'Toronto', role: 'coordinator' }],
    });
    const served = serve(li, {
      '/api/visits/visit-1': makeVisit({
        pollOpen: true,
        dateOptions: [makeDateOption()],
        agenda: [makeAgendaItem()],
        viewer: { ...makeVisit().viewer, coordinator: true },
      } as never),
      '/api/visits/visit-1/roster': { items: [makeRosterEntry()], nextCursor: null },
    });
    renderApp({ path: '/visits/visit-1', initialLanguage: 'ar' });
    await screen.findByRole('heading', { level: 1 });
    await screen.findAllByRole('time').catch(() => null);
    expect(leaks(served)).toEqual([]);
  });

  it('partnership page', async () => {
    const ana = makeMe({
      preferredLanguage: 'ar',
      cities: [{ cityId: 'city-toronto', citySlug: 'toronto', cityName: 'Toronto', role: 'coordinator' }],
    });
    const served = serve(ana, {
      '/api/partnerships/partnership-1': makePartnershipDetail(),
      '/api/partnerships/partnership-1/activity': { items: [], nextCursor: null },
    });
    renderApp({ path: '/partnerships/partnership-1', initialLanguage: 'ar' });
    await screen.findByRole('heading', { level: 1, name: 'Toronto – Penang' });
    expect(leaks(served)).toEqual([]);
  });

  it('training request page for a requester, with offers, matches and history', async () => {
    const ana = makeMe({
      preferredLanguage: 'ar',
      cities: [{ cityId: 'city-toronto', citySlug: 'toronto', cityName: 'Toronto', role: 'coordinator' }],
    });
    const served = serve(ana, {
      '/api/training/requests/training-1': makeTrainingRequest({
        offers: [
          makeTrainingOffer(),
          makeTrainingOffer({ id: 'offer-2', city: { id: 'city-rotterdam', slug: 'rotterdam', name: 'Rotterdam' } }),
        ],
      }),
      '/api/training/requests/training-1/matches': makeTrainingMatches([
        makeTrainingMatch(),
        makeTrainingMatch({
          kind: 'facilitator',
          city: null,
          user: { id: 'user-lucia', displayName: 'Lucía Fernández' },
          reasons: { ...makeTrainingMatch().reasons, profiles: null, evaluations: { answers: 7, average: 4.2 } },
        }),
      ]),
    });
    renderApp({ path: '/training/training-1', initialLanguage: 'ar' });
    await screen.findByRole('heading', { level: 1, name: 'Mediation for front desks' });
    await screen.findAllByText('الدرجة 45 من 100', {}, { timeout: 5000 });
    expect(leaks(served)).toEqual([]);
  });
});
