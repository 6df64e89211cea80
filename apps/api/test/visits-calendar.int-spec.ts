import type { AgendaItemDto, CalendarFeedDto, VisitDto } from '@twinning/contracts';
import ICAL from 'ical.js';
import type { IncomingMessage } from 'node:http';
import type { Response } from 'supertest';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';
import type { TestUser } from './support/factories';
import { createDelegates, createVisit, createVisitWorld, http, move, type VisitWorld } from './support/visits';

const ORIGIN = 'https://twinning.example';

interface ParsedCalendar {
  text: string;
  root: ICAL.Component;
  events: ICAL.Event[];
  byUid: Map<string, ICAL.Event>;
}

/**
 * Parses with ical.js, an independent implementation. ical.js has no time zone data of its own:
 * times with a TZID resolve only through the VTIMEZONE the file carries, registered here.
 */
function parse(text: string): ParsedCalendar {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of root.getAllSubcomponents('vtimezone')) {
    const zone = new ICAL.Timezone(vtimezone);
    ICAL.TimezoneService.register(zone);
  }
  const events = root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  return { text, root, events, byUid: new Map(events.map((e) => [e.uid, e])) };
}

/** The event with this UID, failing the test when it is missing. */
function eventOf(cal: ParsedCalendar, uid: string): ICAL.Event {
  const event = cal.byUid.get(uid);
  if (!event) throw new Error(`no event ${uid}`);
  return event;
}

const prop = (event: ICAL.Event, name: string) => event.component.getFirstPropertyValue(name);
const instant = (time: ICAL.Time) => time.toJSDate().toISOString();

describe('study visits: iCalendar exports and feeds', () => {
  let t: TestApp;
  let w: VisitWorld;
  const api = () => http(t);

  beforeAll(async () => {
    t = await bootApp({ PUBLIC_URL: `${ORIGIN}/` }, { listen: true });
    await resetDatabase(t.dataSource);
    w = await createVisitWorld(t);
  });
  afterEach(() => {
    for (const zone of ['America/Toronto', 'Asia/Kuala_Lumpur']) ICAL.TimezoneService.remove(zone);
  });
  afterAll(() => t.close());

  const ics = async (user: TestUser, id: string) => {
    const res = await api()
      .get(`/api/visits/${id}/calendar.ics`)
      .set(user.auth)
      .buffer(true)
      .parse(textParser)
      .expect(200);
    return res;
  };
  const addItem = async (id: string, body: object): Promise<VisitDto> =>
    (await api().post(`/api/visits/${id}/agenda`).set(w.coordinator.auth).send(body).expect(201)).body;

  /** A two-day Toronto visit over the spring-forward night, with a small agenda. */
  async function plannedVisit(title = 'Toronto, in spring; "newcomers"'): Promise<VisitDto> {
    const visit = await createVisit(t, w, {
      title,
      purpose: 'Learn how **Toronto** welcomes newcomers.\nSecond line.',
      dates: { startDate: '2027-03-14', endDate: '2027-03-15' },
    });
    await addItem(visit.id, { startsLocal: '2027-03-14T01:00', endsLocal: '2027-03-14T01:45', title: 'Night shelter' });
    await addItem(visit.id, { startsLocal: '2027-03-14T09:00', endsLocal: '2027-03-14T10:00', title: 'Breakfast' });
    return addItem(visit.id, {
      startsLocal: '2027-03-15T14:00',
      endsLocal: '2027-03-15T16:30',
      title: 'Job fair, with employers; Q&A',
      site: 'Metro Hall',
      address: '55 John St, Toronto',
      hostContact: 'Ana Silva',
      notes: 'Bring *business cards*.',
    });
  }

  it('exports a visit as RFC 5545 that ical.js reads back with the right instants', async () => {
    const visit = await plannedVisit();
    await move(t, w, visit.id, 'open');
    const res = await ics(w.official, visit.id);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="visit-${visit.id}.ics"`);
    const text: string = res.body;

    // CRLF everywhere, no physical line over 75 octets, folded lines start with a space
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines.every((l) => !l.includes('\n') && !l.includes('\r'))).toBe(true);
    expect(Math.max(...lines.map((l) => Buffer.byteLength(l, 'utf8')))).toBeLessThanOrEqual(75);
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(lines).toEqual(
      expect.arrayContaining([
        'METHOD:PUBLISH',
        'TZID:America/Toronto',
        'DTSTART;VALUE=DATE:20270314',
        'DTEND;VALUE=DATE:20270316',
      ]),
    );
    expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);
    expect(lines).toContain('DTSTART;TZID=America/Toronto:20270314T010000');
    // the VTIMEZONE carries the real changes of 2027: EST → EDT on 14 March at 02:00, back on 7 November
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toMatch(
      /BEGIN:DAYLIGHT\r\nDTSTART:20270314T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nEND:DAYLIGHT/,
    );
    expect(unfolded).toMatch(
      /BEGIN:STANDARD\r\nDTSTART:20271107T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nEND:STANDARD/,
    );
    // TEXT is escaped
    expect(unfolded).toContain('SUMMARY:Toronto\\, in spring\\; "newcomers"');

    expect(ICAL.TimezoneService.has('America/Toronto')).toBe(false);
    const cal = parse(text);
    expect(cal.root.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(cal.root.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.events).toHaveLength(4);
    const url = `${ORIGIN}/visits/${visit.id}`;

    const whole = eventOf(cal, `visit-${visit.id}@twinning`);
    expect(whole.summary).toBe('Toronto, in spring; "newcomers"');
    expect(whole.startDate.isDate).toBe(true);
    expect(whole.startDate.toString()).toBe('2027-03-14');
    expect(whole.endDate.toString()).toBe('2027-03-16'); // exclusive
    expect(whole.location).toBe('Toronto');
    expect(whole.description).toContain('Learn how Toronto welcomes newcomers.');
    expect(whole.description).toContain(url);
    expect(prop(whole, 'url')).toBe(url);
    expect(prop(whole, 'status')).toBe('TENTATIVE');
    expect(whole.sequence).toBe(4); // three agenda changes and the opening

    const agenda: AgendaItemDto[] = (await api().get(`/api/visits/${visit.id}`).set(w.official.auth).expect(200)).body
      .agenda;
    for (const item of agenda) {
      const event = eventOf(cal, `agenda-${item.id}@twinning`);
      expect(event.startDate.zone.tzid).toBe('America/Toronto');
      expect([instant(event.startDate), instant(event.endDate)]).toEqual([item.startsAt, item.endsAt]);
      expect(event.summary).toBe(`${item.title} (Toronto, in spring; "newcomers")`);
      expect(prop(event, 'url')).toBe(url);
      expect(event.sequence).toBe(4);
      expect(prop(event, 'status')).toBe('TENTATIVE');
    }
    // the DST-day items: 01:00 EST and 09:00 EDT
    const [night, breakfast, fair] = agenda;
    expect(instant(eventOf(cal, `agenda-${night.id}@twinning`).startDate)).toBe('2027-03-14T06:00:00.000Z');
    expect(instant(eventOf(cal, `agenda-${breakfast.id}@twinning`).startDate)).toBe('2027-03-14T13:00:00.000Z');
    const fairEvent = eventOf(cal, `agenda-${fair.id}@twinning`);
    expect(fairEvent.location).toBe('Metro Hall, 55 John St, Toronto');
    expect(fairEvent.description).toContain('Bring business cards.');
    expect(fairEvent.description).toContain('Host contact: Ana Silva');
    expect(instant(fairEvent.startDate)).toBe('2027-03-15T18:00:00.000Z');
  });

  it('keeps UIDs stable, bumps SEQUENCE on change and marks every event CANCELLED on cancellation', async () => {
    const visit = await plannedVisit('Stable UIDs');
    await move(t, w, visit.id, 'open');
    const first = parse((await ics(w.official, visit.id)).body);
    const second = parse((await ics(w.penangOfficial, visit.id)).body);
    expect([...second.byUid.keys()]).toEqual([...first.byUid.keys()]);
    const sequence = first.events[0].sequence;

    // an agenda change: same UIDs plus the new item, all with a higher SEQUENCE
    const changed = await addItem(visit.id, {
      startsLocal: '2027-03-15T18:00',
      endsLocal: '2027-03-15T19:00',
      title: 'Farewell',
    });
    const third = parse((await ics(w.official, visit.id)).body);
    expect([...third.byUid.keys()]).toEqual(expect.arrayContaining([...first.byUid.keys()]));
    expect(third.events).toHaveLength(first.events.length + 1);
    expect(third.events.every((e) => e.sequence === sequence + 1)).toBe(true);
    expect(changed.sequence).toBe(sequence + 1);

    await move(t, w, visit.id, 'confirmed');
    const confirmed = parse((await ics(w.official, visit.id)).body);
    expect(confirmed.events.map((e) => prop(e, 'status'))).toEqual(confirmed.events.map(() => 'CONFIRMED'));
    expect(confirmed.events[0].sequence).toBe(sequence + 2);

    await move(t, w, visit.id, 'cancelled', 'The host city asked to postpone');
    const cancelled = parse((await ics(w.official, visit.id)).body);
    expect([...cancelled.byUid.keys()].sort()).toEqual([...third.byUid.keys()].sort());
    expect(cancelled.events.map((e) => prop(e, 'status'))).toEqual(cancelled.events.map(() => 'CANCELLED'));
    expect(cancelled.events[0].sequence).toBe(sequence + 3);
  });

  it('exports only visits with dates, only to members, and writes twice-occurring wall times in UTC', async () => {
    const poll = await createVisit(t, w, {
      dateOptions: [
        { startDate: '2027-05-03', endDate: '2027-05-05' },
        { startDate: '2027-05-10', endDate: '2027-05-12' },
      ],
    });
    expect((await api().get(`/api/visits/${poll.id}/calendar.ics`).set(w.official.auth).expect(409)).body.code).toBe(
      'INVALID_STATE',
    );
    const visit = await createVisit(t, w, { dates: { startDate: '2027-11-07', endDate: '2027-11-07' } });
    await api().get(`/api/visits/${visit.id}/calendar.ics`).set(w.outsider.auth).expect(404);
    await api().get(`/api/visits/${visit.id}/calendar.ics`).expect(401);
    const withItem = await addItem(visit.id, {
      startsLocal: '2027-11-07T01:30',
      endsLocal: '2027-11-07T03:00',
      title: 'Overnight',
    });
    const res = await ics(w.official, visit.id);
    const unfolded = (res.body as string).replace(/\r\n /g, '');
    expect(unfolded).toContain('DTSTART:20271107T053000Z');
    expect(unfolded).toContain('DTEND;TZID=America/Toronto:20271107T030000');
    const event = eventOf(parse(res.body), `agenda-${withItem.agenda[0].id}@twinning`);
    expect([instant(event.startDate), instant(event.endDate)]).toEqual([
      withItem.agenda[0].startsAt,
      withItem.agenda[0].endsAt,
    ]);
  });

  it('marks the visit and its agenda TENTATIVE in a waitlisted delegate’s .ics, CONFIRMED for the registered', async () => {
    const visit = await plannedVisit('Waitlisted copy');
    await api().patch(`/api/visits/${visit.id}`).set(w.coordinator.auth).send({ capacity: 1 }).expect(200);
    await move(t, w, visit.id, 'open');
    const [first, second] = await createDelegates(t, w, 2, 'Ics');
    await api().put(`/api/visits/${visit.id}/registration`).set(first.auth).send({}).expect(200);
    const waitlisted = await api().put(`/api/visits/${visit.id}/registration`).set(second.auth).send({}).expect(200);
    expect(waitlisted.body.status).toBe('waitlisted');
    await move(t, w, visit.id, 'confirmed');

    const statuses = async (user: TestUser) => {
      const cal = parse((await ics(user, visit.id)).body);
      expect(cal.events).toHaveLength(4); // the visit and its three agenda items
      return cal.events.map((event) => prop(event, 'status'));
    };
    expect(await statuses(second)).toEqual(['TENTATIVE', 'TENTATIVE', 'TENTATIVE', 'TENTATIVE']);
    expect(await statuses(first)).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'CONFIRMED']);
    // a member who did not register sees the visit as it stands
    expect(await statuses(w.official)).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'CONFIRMED']);
    // once promoted (the first delegate leaves), the same file says CONFIRMED
    await api().delete(`/api/visits/${visit.id}/registration`).set(first.auth).expect(204);
    expect(await statuses(second)).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'CONFIRMED']);
  });

  describe('personal feed', () => {
    const feedPath = (url: string) => {
      expect(url.startsWith(`${ORIGIN}/api/calendar/`)).toBe(true);
      return url.slice(ORIGIN.length);
    };
    const fetchFeed = (path: string) => api().get(path).buffer(true).parse(textParser);

    it('creates, regenerates and revokes a secret feed of the visits one registered for', async () => {
      const [delegate] = await createDelegates(t, w, 1, 'Feed');
      const none: CalendarFeedDto = (await api().get('/api/me/calendar-feed').set(delegate.auth).expect(200)).body;
      expect(none).toEqual({ active: false, url: null, createdAt: null });

      // registered (confirmed visit), waitlisted (full visit), not registered, and cancelled registrations
      const confirmed = await plannedVisit('Feed: confirmed');
      await move(t, w, confirmed.id, 'open');
      await api().put(`/api/visits/${confirmed.id}/registration`).set(delegate.auth).send({}).expect(200);
      await move(t, w, confirmed.id, 'confirmed');
      const full = await createVisit(t, w, {
        title: 'Feed: full',
        capacity: 1,
        dates: { startDate: '2027-04-05', endDate: '2027-04-06' },
      });
      await move(t, w, full.id, 'open');
      await api().put(`/api/visits/${full.id}/registration`).set(w.official.auth).send({}).expect(200);
      await api().put(`/api/visits/${full.id}/registration`).set(delegate.auth).send({}).expect(200);
      const left = await createVisit(t, w, { title: 'Feed: left' });
      await move(t, w, left.id, 'open');
      await api().put(`/api/visits/${left.id}/registration`).set(delegate.auth).send({}).expect(200);
      await api().delete(`/api/visits/${left.id}/registration`).set(delegate.auth).expect(204);
      await createVisit(t, w, { title: 'Feed: not mine' });

      const created: CalendarFeedDto = (await api().post('/api/me/calendar-feed').set(delegate.auth).expect(200)).body;
      expect(created.active).toBe(true);
      expect(created.url).toMatch(/^https:\/\/twinning\.example\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      const path = feedPath(created.url ?? '');
      // the token is stored hashed: the URL is not shown again
      expect((await api().get('/api/me/calendar-feed').set(delegate.auth).expect(200)).body).toEqual({
        active: true,
        url: null,
        createdAt: created.createdAt,
      });
      const [{ hash }] = await t.dataSource.query(
        `SELECT encode(token_hash, 'hex') AS hash FROM calendar_feeds WHERE user_id = $1`,
        [delegate.id],
      );
      expect(created.url).not.toContain(hash);

      // no sign-in: the token is the key
      const res = await fetchFeed(path).expect(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const feed = parse(res.body);
      expect(feed.root.getFirstPropertyValue('x-wr-calname')).toBe('Twinning: my visits and workshops');
      const visitEvents = feed.events.filter((e) => e.uid.startsWith('visit-'));
      expect(visitEvents.map((e) => [e.summary, prop(e, 'status')])).toEqual([
        ['Feed: confirmed', 'CONFIRMED'],
        ['Feed: full', 'TENTATIVE'],
      ]);
      // the agenda comes along, with its time zone
      const agenda: AgendaItemDto[] = (await api().get(`/api/visits/${confirmed.id}`).set(delegate.auth).expect(200))
        .body.agenda;
      expect(feed.events).toHaveLength(2 + agenda.length);
      for (const item of agenda) {
        expect(instant(eventOf(feed, `agenda-${item.id}@twinning`).startDate)).toBe(item.startsAt);
      }

      // leaving the partnership takes its visits out of the feed
      await t.dataSource.query(`UPDATE city_memberships SET status = 'rejected' WHERE user_id = $1`, [delegate.id]);
      expect(parse((await fetchFeed(path).expect(200)).body).events).toHaveLength(0);
      await t.dataSource.query(`UPDATE city_memberships SET status = 'approved' WHERE user_id = $1`, [delegate.id]);

      // regenerating replaces the token: the old URL is dead at once
      const regenerated: CalendarFeedDto = (await api().post('/api/me/calendar-feed').set(delegate.auth).expect(200))
        .body;
      expect(regenerated.url).not.toBe(created.url);
      expect(JSON.parse((await fetchFeed(path).expect(404)).body).code).toBe('NOT_FOUND');
      await fetchFeed(feedPath(regenerated.url ?? '')).expect(200);

      // revoking deletes it
      await api().delete('/api/me/calendar-feed').set(delegate.auth).expect(204);
      await fetchFeed(feedPath(regenerated.url ?? '')).expect(404);
      expect((await api().get('/api/me/calendar-feed').set(delegate.auth).expect(200)).body.active).toBe(false);
      await fetchFeed('/api/calendar/not-a-token.ics').expect(404);
      await fetchFeed(`/api/calendar/${'A'.repeat(43)}.ics`).expect(404);
      await api().get('/api/me/calendar-feed').expect(401);
    });

    it('rate-limits feed requests per address', async () => {
      let status = 0;
      let tries = 0;
      while (status !== 429 && tries < 100) {
        status = (await fetchFeed(`/api/calendar/${'B'.repeat(43)}.ics`)).status;
        expect([404, 429]).toContain(status);
        tries++;
      }
      expect(status).toBe(429);
      expect(tries).toBeLessThanOrEqual(61);
    });
  });
});

/** Reads a non-JSON body as text (supertest only buffers text/* and JSON by itself). */
function textParser(res: Response, done: (err: Error | null, body: string) => void): void {
  const stream = res as unknown as IncomingMessage; // in Node, superagent hands parsers the raw response
  let data = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (data += chunk));
  stream.on('end', () => done(null, data));
}
