import type { CalendarFeedDto, VisitDto, WorkshopDto } from '@twinning/contracts';
import ICAL from 'ical.js';
import type { IncomingMessage } from 'node:http';
import type { Response } from 'supertest';
import { MailService } from '../src/mail';
import { RoomModerationService } from '../src/workshops/room-moderation.service';
import { createPartnershipForum, addMember, createCity, createUser, type TestUser } from './support/factories';
import { SmtpSink, waitFor } from './support/smtp-sink';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';
import { createDelegates, createVisit, createVisitWorld, http, move, type VisitWorld } from './support/visits';

const ORIGIN = 'https://twinning.example';
const ORGANIZER = 'calendar@twinning.example';

/** A mail as captured in `mail_messages`. */
interface CapturedMail {
  id: string;
  to_address: string;
  category: string;
  subject: string;
  html: string;
  text: string;
  calendar_method: 'REQUEST' | 'CANCEL' | null;
  calendar: string | null;
}

/** One iCalendar invitation read back with ical.js (an independent parser). */
interface Invitation {
  mail: CapturedMail;
  method: string;
  event: ICAL.Event;
  uid: string;
  sequence: number;
  status: string;
  organizer: string;
  attendees: { value: string; rsvp: string; partstat: string; cn: string | null }[];
  url: string;
  /** The unfolded content lines. */
  lines: string[];
}

function readInvitation(mail: CapturedMail): Invitation {
  if (!mail.calendar) throw new Error(`mail ${mail.subject} has no calendar part`);
  const root = new ICAL.Component(ICAL.parse(mail.calendar));
  const vevents = root.getAllSubcomponents('vevent');
  expect(vevents).toHaveLength(1); // one event per invitation
  const event = new ICAL.Event(vevents[0]);
  const attendees = vevents[0].getAllProperties('attendee').map((p) => ({
    value: String(p.getFirstValue()),
    rsvp: String(p.getParameter('rsvp')),
    partstat: String(p.getParameter('partstat')),
    cn: (p.getParameter('cn') as string | undefined) ?? null,
  }));
  return {
    mail,
    method: String(root.getFirstPropertyValue('method')),
    event,
    uid: event.uid,
    sequence: event.sequence,
    status: String(vevents[0].getFirstPropertyValue('status')),
    organizer: String(vevents[0].getFirstPropertyValue('organizer')),
    attendees,
    url: String(vevents[0].getFirstPropertyValue('url')),
    lines: mail.calendar.replace(/\r\n[ \t]/g, '').split('\r\n'),
  };
}

function textParser(res: Response, done: (err: Error | null, body: string) => void): void {
  const stream = res as unknown as IncomingMessage; // in Node, superagent hands parsers the raw response
  let data = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (data += chunk));
  stream.on('end', () => done(null, data));
}

/** Every URL the calendar holds points at the web client's pages: never a meeting link. */
function expectOnlyPageUrls(inv: Invitation, page: string): void {
  const urls = inv.mail.calendar?.replace(/\r\n[ \t]/g, '').match(/https?:\/\/[^\s\\;,"]+/g) ?? [];
  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) expect(url).toBe(page);
  expect(inv.url).toBe(page);
}

describe('calendar invitations by mail', () => {
  let t: TestApp;
  let w: VisitWorld;
  const api = () => http(t);

  beforeAll(async () => {
    t = await bootApp({ PUBLIC_URL: `${ORIGIN}/`, MAIL_FROM: `Twinning <${ORGANIZER}>` });
    await resetDatabase(t.dataSource);
    w = await createVisitWorld(t);
  });
  afterAll(() => t.close());

  /** Every invitation mailed to a user so far, oldest first. */
  async function invitationsOf(user: { id: string }): Promise<Invitation[]> {
    const rows: CapturedMail[] = await t.dataSource.query(
      `SELECT id, to_address, category, subject, html, text, calendar_method, calendar
         FROM mail_messages WHERE user_id = $1 AND calendar IS NOT NULL ORDER BY created_at, id`,
      [user.id],
    );
    return rows.map(readInvitation);
  }
  const lastOf = async (user: { id: string }) => (await invitationsOf(user)).at(-1) as Invitation;

  const setAccount = (user: { id: string }, language: string, timeZone: string) =>
    t.dataSource.query(`UPDATE users SET preferred_language = $2, time_zone = $3 WHERE id = $1`, [
      user.id,
      language,
      timeZone,
    ]);

  const register = (user: TestUser, visitId: string) =>
    api().put(`/api/visits/${visitId}/registration`).set(user.auth).send({}).expect(200);
  const unregister = (user: TestUser, visitId: string) =>
    api().delete(`/api/visits/${visitId}/registration`).set(user.auth).expect(204);

  const visitIcs = async (user: TestUser, visitId: string) =>
    (await api().get(`/api/visits/${visitId}/calendar.ics`).set(user.auth).buffer(true).parse(textParser).expect(200))
      .body as string;

  describe('study visits', () => {
    it('invites a delegate: METHOD:REQUEST, the export UID, ORGANIZER = MAIL_FROM, ATTENDEE with RSVP=FALSE, in their language', async () => {
      const visit = await createVisit(t, w, { title: 'Newcomer services', capacity: 5 });
      await move(t, w, visit.id, 'open');
      const [delegate] = await createDelegates(t, w, 1, 'Invited');
      await setAccount(delegate, 'fr', 'Asia/Kuala_Lumpur');
      await register(delegate, visit.id);

      const [inv, ...more] = await invitationsOf(delegate);
      expect(more).toHaveLength(0);
      expect(inv.mail.calendar_method).toBe('REQUEST');
      expect(inv.method).toBe('REQUEST');
      expect(inv.mail.category).toBe('calendar.visit');
      expect(inv.mail.to_address).toBe(delegate.email);

      // the same UID as the visit's .ics export, and SEQUENCE as the export shows it to this person
      const exported = new ICAL.Component(ICAL.parse(await visitIcs(delegate, visit.id)));
      const whole = exported.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c))[0];
      expect(inv.uid).toBe(`visit-${visit.id}@twinning`);
      expect(inv.uid).toBe(whole.uid);
      expect(inv.sequence).toBe(whole.sequence);
      expect(exported.getFirstPropertyValue('method')).toBe('PUBLISH');

      expect(inv.status).toBe('CONFIRMED');
      expect(inv.organizer).toBe(`mailto:${ORGANIZER}`);
      expect(inv.attendees).toEqual([
        { value: `mailto:${delegate.email}`, rsvp: 'FALSE', partstat: 'ACCEPTED', cn: delegate.displayName },
      ]);
      expect(inv.event.startDate.toString()).toBe('2027-03-14');
      expect(inv.event.endDate.toString()).toBe('2027-03-17'); // DTEND exclusive
      expect(inv.event.location).toBe(w.toronto.name);
      expectOnlyPageUrls(inv, `${ORIGIN}/visits/${visit.id}`);

      // the mail: French, what, when (with the host's zone), where, the link, in both parts
      expect(inv.mail.subject).toBe('Invitation : Newcomer services');
      for (const part of [inv.mail.html, inv.mail.text]) {
        expect(part).toContain('Newcomer services');
        expect(part).toContain('America/Toronto');
        expect(part).toContain('dimanche 14');
        expect(part).toContain(w.toronto.name);
        expect(part).toContain(`${ORIGIN}/visits/${visit.id}`);
      }
      expect(inv.mail.html).toContain('<html lang="fr" dir="ltr">');
    });

    it('waitlists as TENTATIVE, promotes with a CONFIRMED update, and cancels an unregistration, SEQUENCE rising each time', async () => {
      const visit = await createVisit(t, w, { title: 'One place only', capacity: 1 });
      await move(t, w, visit.id, 'open');
      const [first, second] = await createDelegates(t, w, 2, 'Queue');
      await setAccount(second, 'ar', 'Asia/Kuala_Lumpur');
      await register(first, visit.id);
      await register(second, visit.id);

      const waiting = await lastOf(second);
      expect([waiting.method, waiting.status]).toEqual(['REQUEST', 'TENTATIVE']);
      expect(waiting.attendees[0]).toMatchObject({ partstat: 'TENTATIVE', rsvp: 'FALSE' });
      expect(waiting.mail.html).toContain('<html lang="ar" dir="rtl">');
      const placed = await lastOf(first);
      expect(placed.status).toBe('CONFIRMED');

      await unregister(first, visit.id);
      const cancelled = await lastOf(first);
      expect([cancelled.mail.calendar_method, cancelled.method, cancelled.status]).toEqual([
        'CANCEL',
        'CANCEL',
        'CANCELLED',
      ]);
      expect(cancelled.uid).toBe(placed.uid);
      expect(cancelled.sequence).toBeGreaterThan(placed.sequence);
      expect(cancelled.mail.subject).toBe('Registration cancelled: One place only');

      const promoted = await lastOf(second);
      expect(promoted.mail.id).not.toBe(waiting.mail.id);
      expect([promoted.method, promoted.status, promoted.uid]).toEqual(['REQUEST', 'CONFIRMED', waiting.uid]);
      expect(promoted.attendees[0].partstat).toBe('ACCEPTED');
      expect(promoted.sequence).toBeGreaterThan(waiting.sequence);

      // registering again after a cancellation: a new invitation above the cancellation's SEQUENCE
      await api().patch(`/api/visits/${visit.id}`).set(w.coordinator.auth).send({ capacity: 2 }).expect(200);
      await register(first, visit.id);
      const again = await lastOf(first);
      expect([again.method, again.status]).toEqual(['REQUEST', 'CONFIRMED']);
      expect(again.sequence).toBeGreaterThan(cancelled.sequence);
    });

    it('sends a title change to every registrant in one batch, and cancels the visit for all of them', async () => {
      const visit = await createVisit(t, w, { title: 'Before the change', capacity: 2 });
      await move(t, w, visit.id, 'open');
      const delegates = await createDelegates(t, w, 3, 'Batch');
      for (const d of delegates) await register(d, visit.id); // two registered, one waitlisted
      const before = await Promise.all(delegates.map(lastOf));
      expect(before.map((i) => i.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'TENTATIVE']);

      const { queries } = await t.queries.measure(() =>
        api().patch(`/api/visits/${visit.id}`).set(w.coordinator.auth).send({ title: 'After the change' }).expect(200),
      );
      const updated = await Promise.all(delegates.map(lastOf));
      for (const [i, inv] of updated.entries()) {
        expect(inv.mail.id).not.toBe(before[i].mail.id);
        expect([inv.method, inv.uid, inv.event.summary]).toEqual(['REQUEST', before[i].uid, 'After the change']);
        expect(inv.sequence).toBeGreaterThan(before[i].sequence);
        expect(inv.status).toBe(before[i].status); // the waitlisted stays TENTATIVE
        expect(inv.mail.subject).toBe('Updated: After the change');
      }

      // the same change with one registrant costs exactly two mails fewer: one read for everyone
      const small = await createVisit(t, w, { title: 'Small before', capacity: 2 });
      await move(t, w, small.id, 'open');
      await register(delegates[0], small.id);
      const { queries: fewer } = await t.queries.measure(() =>
        api().patch(`/api/visits/${small.id}`).set(w.coordinator.auth).send({ title: 'Small after' }).expect(200),
      );
      // what writing one mail costs on its own (MailService.enqueue), whatever the mail module does
      const mails = t.app.get(MailService);
      const { queries: empty } = await t.queries.measure(() => t.dataSource.transaction(async () => undefined));
      const { queries: oneMail } = await t.queries.measure(() =>
        t.dataSource.transaction((manager) =>
          mails.enqueue(manager, {
            to: 'nobody@example.test',
            userId: null,
            category: 'test.count',
            subject: 'Count',
            html: '<p>x</p>',
            text: 'x',
          }),
        ),
      );
      expect(queries - fewer).toBe(2 * (oneMail - empty));

      await move(t, w, visit.id, 'cancelled', 'The host city asked to postpone');
      const cancelled = await Promise.all(delegates.map(lastOf));
      for (const [i, inv] of cancelled.entries()) {
        expect([inv.method, inv.status, inv.uid]).toEqual(['CANCEL', 'CANCELLED', updated[i].uid]);
        expect(inv.sequence).toBeGreaterThan(updated[i].sequence);
        expect(inv.mail.subject).toBe('Cancelled: After the change');
      }
    });

    it('invites nobody while the dates are polled, then everyone registered once they are picked', async () => {
      const visit: VisitDto = await createVisit(t, w, {
        title: 'Polled dates',
        dateOptions: [
          { startDate: '2027-06-07', endDate: '2027-06-09' },
          { startDate: '2027-06-14', endDate: '2027-06-16' },
        ],
      });
      await move(t, w, visit.id, 'open');
      const [delegate] = await createDelegates(t, w, 1, 'Poll');
      await register(delegate, visit.id);
      expect(await invitationsOf(delegate)).toHaveLength(0);

      await api()
        .post(`/api/visits/${visit.id}/pick`)
        .set(w.coordinator.auth)
        .send({ optionId: visit.dateOptions[1].id })
        .expect(200);
      const [inv] = await invitationsOf(delegate);
      expect([inv.method, inv.status, inv.event.startDate.toString()]).toEqual(['REQUEST', 'CONFIRMED', '2027-06-14']);
      expect(inv.mail.subject).toBe('Invitation: Polled dates');
    });
  });

  describe('workshops', () => {
    let facilitator: TestUser;
    let member: TestUser;
    let outsider: TestUser;
    let partnershipId: string;

    beforeAll(async () => {
      facilitator = await createUser(t, { roles: ['facilitator'], displayName: 'Fiona Facilitator' });
      await setAccount(facilitator, 'en', 'America/Toronto');
      member = await createUser(t, { displayName: 'Mei Member' });
      await setAccount(member, 'en', 'Asia/Kuala_Lumpur');
      outsider = await createUser(t, { displayName: 'Otto Outsider' });
      const a = await createCity(t.dataSource, { name: 'Montréal' });
      const b = await createCity(t.dataSource, { name: 'Valparaíso', countryCode: 'CL', region: 'north_america' });
      partnershipId = (await createPartnershipForum(t.dataSource, [a.id, b.id])).partnershipId;
      await addMember(t.dataSource, a.id, member.id, 'official');
      await addMember(t.dataSource, a.id, facilitator.id, 'official');
    });

    const createWorkshop = async (overrides: Record<string, unknown> = {}): Promise<WorkshopDto> =>
      (
        await api()
          .post('/api/workshops')
          .set(facilitator.auth)
          .send({
            title: 'Negotiation skills',
            description: 'We practise negotiation.',
            theme: 'employment',
            language: 'en',
            scope: 'partnership',
            partnershipId,
            startsAt: '2027-04-20T14:00:00.000Z',
            endsAt: '2027-04-20T15:30:00.000Z',
            ...overrides,
          })
          .expect(201)
      ).body;

    it('invites on registration, updates on a new time, cancels on unregistration', async () => {
      const workshop = await createWorkshop();
      await api().put(`/api/workshops/${workshop.id}/registration`).set(member.auth).expect(200);
      const invited = await lastOf(member);
      expect([invited.method, invited.status, invited.uid]).toEqual([
        'REQUEST',
        'CONFIRMED',
        `workshop-${workshop.id}@twinning`,
      ]);
      expect(invited.mail.category).toBe('calendar.workshop');
      expect(invited.organizer).toBe(`mailto:${ORGANIZER}`);
      expect(invited.attendees).toEqual([
        { value: `mailto:${member.email}`, rsvp: 'FALSE', partstat: 'ACCEPTED', cn: 'Mei Member' },
      ]);
      expect(invited.event.startDate.toJSDate().toISOString()).toBe('2027-04-20T14:00:00.000Z');
      expect(invited.event.endDate.toJSDate().toISOString()).toBe('2027-04-20T15:30:00.000Z');
      expect(invited.lines).toContain('DTSTART:20270420T140000Z');
      expectOnlyPageUrls(invited, `${ORIGIN}/workshops/${workshop.id}`);
      // when in the reader's zone (22:00 in Kuala Lumpur) and the host's (10:00 in Toronto)
      expect(invited.mail.text).toMatch(
        /When \(your time\): Tuesday, April 20, 2027, 10:00\s–\s11:30\sPM \(Asia\/Kuala_Lumpur\)/,
      );
      expect(invited.mail.text).toMatch(
        /When \(host's time\): Tuesday, April 20, 2027, 10:00\s–\s11:30\sAM \(America\/Toronto\)/,
      );
      expect(invited.mail.html).toContain('Asia/Kuala_Lumpur');

      const ics = (
        await api().get(`/api/workshops/${workshop.id}/calendar.ics`).set(member.auth).buffer(true).parse(textParser)
      ).body as string;
      const exported = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent') ?? undefined);
      expect([exported.uid, exported.sequence]).toEqual([invited.uid, invited.sequence]);

      await api()
        .patch(`/api/workshops/${workshop.id}`)
        .set(facilitator.auth)
        .send({ startsAt: '2027-04-21T14:00:00.000Z', endsAt: '2027-04-21T15:30:00.000Z' })
        .expect(200);
      const moved = await lastOf(member);
      expect([moved.method, moved.uid, moved.mail.subject]).toEqual([
        'REQUEST',
        invited.uid,
        'Updated: Negotiation skills',
      ]);
      expect(moved.sequence).toBeGreaterThan(invited.sequence);
      expect(moved.event.startDate.toJSDate().toISOString()).toBe('2027-04-21T14:00:00.000Z');

      // a changed capacity is no calendar change: no mail
      await api().patch(`/api/workshops/${workshop.id}`).set(facilitator.auth).send({ capacity: 40 }).expect(200);
      expect((await lastOf(member)).mail.id).toBe(moved.mail.id);

      await api().delete(`/api/workshops/${workshop.id}/registration`).set(member.auth).expect(200);
      const cancelled = await lastOf(member);
      expect([cancelled.method, cancelled.status, cancelled.uid]).toEqual(['CANCEL', 'CANCELLED', invited.uid]);
      expect(cancelled.attendees[0]).toMatchObject({ partstat: 'DECLINED', rsvp: 'FALSE' });
      expect(cancelled.sequence).toBeGreaterThan(moved.sequence);

      // unregistering twice sends nothing more; registering again sends a higher SEQUENCE
      await api().delete(`/api/workshops/${workshop.id}/registration`).set(member.auth).expect(200);
      expect((await lastOf(member)).mail.id).toBe(cancelled.mail.id);
      await api().put(`/api/workshops/${workshop.id}/registration`).set(member.auth).expect(200);
      const again = await lastOf(member);
      expect(again.method).toBe('REQUEST');
      expect(again.sequence).toBeGreaterThan(cancelled.sequence);
    });

    it('takes the workshop out of the calendar of a participant a facilitator removes', async () => {
      const workshop = await createWorkshop({ title: 'Removal workshop', scope: 'public', partnershipId: undefined });
      const removed = await createUser(t, { displayName: 'Rex Removed' });
      await api().put(`/api/workshops/${workshop.id}/registration`).set(removed.auth).expect(200);
      const invited = await lastOf(removed);
      await t.app.get(RoomModerationService).remove(
        {
          id: facilitator.id,
          email: facilitator.email,
          displayName: facilitator.displayName,
          roles: ['facilitator'],
          emailVerified: true,
        },
        workshop.id,
        removed.id,
        'Off-topic',
      );
      const cancelled = await lastOf(removed);
      expect([cancelled.method, cancelled.status, cancelled.uid]).toEqual(['CANCEL', 'CANCELLED', invited.uid]);
      expect(cancelled.sequence).toBeGreaterThan(invited.sequence);
    });

    it('serves calendar.ics to whoever sees the workshop page, 404 to others, and lists registered workshops in the feed', async () => {
      const workshop = await createWorkshop({ title: 'Feed workshop' });
      await api().get(`/api/workshops/${workshop.id}/calendar.ics`).set(outsider.auth).expect(404);
      await api().get(`/api/workshops/${workshop.id}/calendar.ics`).expect(401);
      const res = await api()
        .get(`/api/workshops/${workshop.id}/calendar.ics`)
        .set(member.auth)
        .buffer(true)
        .parse(textParser)
        .expect(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="workshop-${workshop.id}.ics"`);
      const root = new ICAL.Component(ICAL.parse(res.body as string));
      expect(root.getFirstPropertyValue('method')).toBe('PUBLISH');
      expect(root.getFirstSubcomponent('vevent')?.getFirstPropertyValue('uid')).toBe(
        `workshop-${workshop.id}@twinning`,
      );

      // the feed: a registered workshop next to a registered visit; not one left
      const visit = await createVisit(t, w, { title: 'Feed visit' });
      await move(t, w, visit.id, 'open');
      await addMember(t.dataSource, w.penang.id, member.id, 'official');
      await register(member, visit.id);
      await api().put(`/api/workshops/${workshop.id}/registration`).set(member.auth).expect(200);
      const left = await createWorkshop({ title: 'Left workshop' });
      await api().put(`/api/workshops/${left.id}/registration`).set(member.auth).expect(200);
      await api().delete(`/api/workshops/${left.id}/registration`).set(member.auth).expect(200);

      const feed: CalendarFeedDto = (await api().post('/api/me/calendar-feed').set(member.auth).expect(200)).body;
      const body = (
        await api()
          .get((feed.url as string).slice(ORIGIN.length))
          .buffer(true)
          .parse(textParser)
          .expect(200)
      ).body as string;
      const uids = new ICAL.Component(ICAL.parse(body))
        .getAllSubcomponents('vevent')
        .map((c) => c.getFirstPropertyValue('uid'));
      expect(uids).toEqual(expect.arrayContaining([`visit-${visit.id}@twinning`, `workshop-${workshop.id}@twinning`]));
      expect(uids).not.toContain(`workshop-${left.id}@twinning`);
    });
  });

  describe('hostile text', () => {
    it('escapes commas, semicolons and newlines, and a CRLF in a title or a name injects nothing', async () => {
      const title = 'Budget; review, "Q1"\r\nATTENDEE:mailto:evil@attacker.test\r\nMETHOD:PUBLISH\\n';
      const visit = await createVisit(t, w, { title, capacity: 3 });
      await move(t, w, visit.id, 'open');
      const delegate = await createUser(t, { displayName: 'Eve "x"; ROLE=CHAIR:mailto:evil@attacker.test\r\nX' });
      await addMember(t.dataSource, w.penang.id, delegate.id, 'official');
      await register(delegate, visit.id);

      const inv = await lastOf(delegate);
      expect(inv.method).toBe('REQUEST');
      expect(inv.event.summary).toBe(title.replace(/\r\n/g, '\n'));
      expect(inv.attendees).toHaveLength(1);
      expect(inv.attendees[0].value).toBe(`mailto:${delegate.email}`);
      expect(inv.attendees[0].cn).toBe('Eve x; ROLE=CHAIR:mailto:evil@attacker.testX');
      expect(inv.lines.filter((l) => l.startsWith('METHOD'))).toEqual(['METHOD:REQUEST']);
      expect(inv.lines.filter((l) => l.startsWith('ATTENDEE'))).toHaveLength(1);
      expect(
        inv.lines.some(
          (l) => l.includes('evil@attacker.test') && !l.startsWith('SUMMARY') && !l.startsWith('ATTENDEE;CN='),
        ),
      ).toBe(false);
      expect(inv.lines.find((l) => l.startsWith('SUMMARY:'))).toBe(
        'SUMMARY:Budget\\; review\\, "Q1"\\nATTENDEE:mailto:evil@attacker.test\\nMETHOD:PUBLISH\\\\n',
      );
      // raw CR or LF never appear inside a content line, and the subject stays one line
      expect(inv.mail.calendar?.split('\r\n').every((l) => !/[\r\n]/.test(l))).toBe(true);
      expect(inv.mail.subject).not.toMatch(/[\r\n]/);
    });
  });
});

/**
 * With SMTP_URL the invitation leaves through a real SMTP server (smtp-server, parsed with
 * mailparser) as a text/calendar part carrying its METHOD, next to the HTML and text parts.
 */
describe('calendar invitations over SMTP', () => {
  const sink = new SmtpSink();
  let t: TestApp;

  beforeAll(async () => {
    await sink.start();
    t = await bootApp({ PUBLIC_URL: `${ORIGIN}/`, MAIL_FROM: `Twinning <${ORGANIZER}>`, SMTP_URL: sink.url });
    await resetDatabase(t.dataSource);
  });
  afterAll(async () => {
    await t?.close();
    await sink.stop();
  });

  it('arrives as a text/calendar part with METHOD:REQUEST, then METHOD:CANCEL', async () => {
    const facilitator = await createUser(t, { roles: ['facilitator'], displayName: 'Fiona Facilitator' });
    const member = await createUser(t, { displayName: 'Sam Smtp' });
    const workshop: WorkshopDto = (
      await http(t)
        .post('/api/workshops')
        .set(facilitator.auth)
        .send({
          title: 'Over the wire',
          description: 'A workshop whose invitation travels by SMTP.',
          theme: 'employment',
          language: 'en',
          scope: 'public',
          startsAt: '2027-04-20T14:00:00.000Z',
          endsAt: '2027-04-20T15:30:00.000Z',
        })
        .expect(201)
    ).body;
    await http(t).put(`/api/workshops/${workshop.id}/registration`).set(member.auth).expect(200);
    const [received] = await waitFor(
      () => sink.to(member.email),
      (list) => list.length > 0,
    );
    const parsed = received.parsed;
    expect(parsed.subject).toBe('Invitation: Over the wire');
    expect(parsed.from?.value).toEqual([{ name: 'Twinning', address: ORGANIZER }]);
    expect(parsed.text).toContain(`${ORIGIN}/workshops/${workshop.id}`);
    expect(parsed.html).toContain('<html lang="en" dir="ltr">');
    expect(received.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const part = parsed.attachments.find((a) => a.contentType === 'text/calendar');
    const root = new ICAL.Component(ICAL.parse(part?.content.toString('utf8') ?? ''));
    expect(root.getFirstPropertyValue('method')).toBe('REQUEST');
    const event = root.getFirstSubcomponent('vevent') as ICAL.Component;
    expect(event.getFirstPropertyValue('uid')).toBe(`workshop-${workshop.id}@twinning`);
    expect(event.getFirstPropertyValue('organizer')).toBe(`mailto:${ORGANIZER}`);
    expect(event.getFirstProperty('attendee')?.getParameter('rsvp')).toBe('FALSE');

    await http(t).delete(`/api/workshops/${workshop.id}/registration`).set(member.auth).expect(200);
    const [, cancelled] = await waitFor(
      () => sink.to(member.email),
      (list) => list.length > 1,
    );
    expect(cancelled.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=CANCEL/i);
    const cancel = new ICAL.Component(
      ICAL.parse(
        cancelled.parsed.attachments.find((a) => a.contentType === 'text/calendar')?.content.toString('utf8') ?? '',
      ),
    );
    expect(cancel.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancel.getFirstSubcomponent('vevent')?.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});
