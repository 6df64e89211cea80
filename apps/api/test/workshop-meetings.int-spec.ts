import type { CalendarFeedDto, Page, WorkshopDto, WorkshopSummaryDto } from '@twinning/contracts';
import type { IncomingMessage } from 'node:http';
import request, { type Response } from 'supertest';
import { Clock } from '../src/common/clock';
import { createUser, type TestUser } from './support/factories';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

const ORIGIN = 'https://twinning.example';
const MINUTE = 60_000;
const JITSI = 'https://meet.jit.si/twinning-test-meeting-room';

function textParser(res: Response, done: (err: Error | null, body: string) => void): void {
  const stream = res as unknown as IncomingMessage;
  let data = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (data += chunk));
  stream.on('end', () => done(null, data));
}

describe('workshop meetings: the link, who sees it when, and where it never goes', () => {
  let t: TestApp;
  let clock: Clock;
  const http = () => request(t.app.getHttpServer());
  let fac: TestUser;
  let admin: TestUser;
  let participant: TestUser;
  let other: TestUser;

  /** A fixed "now" for the whole suite; workshops are scheduled around it. */
  const NOW = new Date('2027-03-01T12:00:00.000Z');
  const at = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE).toISOString();

  beforeAll(async () => {
    t = await bootApp({ PUBLIC_URL: ORIGIN });
    await resetDatabase(t.dataSource);
    clock = t.app.get(Clock);
    fac = await createUser(t, { displayName: 'Fatima Facilitator', roles: ['facilitator'] });
    admin = await createUser(t, { displayName: 'Ada Admin', roles: ['admin'] });
    participant = await createUser(t, { displayName: 'Pia Participant' });
    other = await createUser(t, { displayName: 'Otto Other' });
  });
  beforeEach(() => clock.set(NOW));
  afterAll(async () => {
    clock.useSystemTime();
    await t.close();
  });

  const body = (overrides: Record<string, unknown> = {}) => ({
    title: 'Meeting workshop',
    description: 'Online.',
    theme: 'employment',
    language: 'en',
    scope: 'public',
    startsAt: at(60),
    endsAt: at(120),
    meetingUrl: JITSI,
    ...overrides,
  });

  async function create(overrides: Record<string, unknown> = {}): Promise<WorkshopDto> {
    const res = await http().post('/api/workshops').set(fac.auth).send(body(overrides));
    expect([res.status, res.body.code]).toEqual([201, undefined]);
    return res.body;
  }
  const get = async (user: TestUser, id: string): Promise<WorkshopDto> =>
    (await http().get(`/api/workshops/${id}`).set(user.auth).expect(200)).body;
  const register = (user: TestUser, id: string) =>
    http().put(`/api/workshops/${id}/registration`).set(user.auth).expect(200);

  describe('validation', () => {
    it.each([
      ['http://meet.jit.si/room', 'https://'],
      ['javascript:alert(1)', 'https://'],
      ['ftp://zoom.us/j/1', 'https://'],
      ['meet.jit.si/room', 'link'],
      ['https://user:secret@zoom.us/j/1', 'user name or password'],
      ['https://127.0.0.1/room', 'public host'],
      ['https://localhost/room', 'public host'],
      ['https://meet.jit.si/a room', 'spaces'],
      [`https://meet.jit.si/${'x'.repeat(500)}`, '500'],
      [42, 'link'],
    ])('refuses %j with 400 VALIDATION_FAILED naming meetingUrl', async (meetingUrl, words) => {
      const res = await http().post('/api/workshops').set(fac.auth).send(body({ meetingUrl }));
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(Object.keys(res.body.fields)).toEqual(['meetingUrl']);
      expect(res.body.fields.meetingUrl.join(' ')).toContain(words);
      expect(res.body.message).toBe('Invalid field: meetingUrl.');
    });

    it('refuses a bad link on edit too, and keeps the one it had', async () => {
      const w = await create();
      const res = await http()
        .patch(`/api/workshops/${w.id}`)
        .set(fac.auth)
        .send({ meetingUrl: 'http://zoom.us/j/123' });
      expect([res.status, res.body.code, Object.keys(res.body.fields)]).toEqual([
        400,
        'VALIDATION_FAILED',
        ['meetingUrl'],
      ]);
      expect((await get(fac, w.id)).meeting?.url).toBe(JITSI);
    });

    it('accepts Jitsi, BigBlueButton, Zoom, Teams and any other https host, and names the provider', async () => {
      const cases: [string, string][] = [
        [JITSI, 'jitsi'],
        ['https://bbb.city.example/b/ali-x7k-q2p', 'bbb'],
        ['https://video.city.example/rooms/abc-def/join', 'bbb'],
        ['https://us02web.zoom.us/j/85512345678?pwd=abc', 'zoom'],
        ['https://teams.microsoft.com/l/meetup-join/19%3ameeting_x', 'teams'],
        ['https://whereby.com/twinning', 'other'],
      ];
      for (const [url, provider] of cases) {
        const w = await create({ meetingUrl: `  ${url}  ` });
        expect(w.meeting).toEqual({ provider, url, opensAt: at(45), embed: false });
      }
    });

    it('sets, changes and removes the link on edit (null or an empty string removes it)', async () => {
      const w = await create({ meetingUrl: undefined });
      expect(w.meeting).toBeNull();
      const set = await http()
        .patch(`/api/workshops/${w.id}`)
        .set(fac.auth)
        .send({ meetingUrl: 'https://zoom.us/j/1' })
        .expect(200);
      expect(set.body.meeting).toMatchObject({ provider: 'zoom', url: 'https://zoom.us/j/1' });
      const kept = await http().patch(`/api/workshops/${w.id}`).set(fac.auth).send({ title: 'Renamed' }).expect(200);
      expect(kept.body.meeting.url).toBe('https://zoom.us/j/1');
      await http().patch(`/api/workshops/${w.id}`).set(fac.auth).send({ meetingUrl: '' }).expect(200);
      expect((await get(fac, w.id)).meeting).toBeNull();
      await http().patch(`/api/workshops/${w.id}`).set(fac.auth).send({ meetingUrl: JITSI }).expect(200);
      const removed = await http().patch(`/api/workshops/${w.id}`).set(fac.auth).send({ meetingUrl: null }).expect(200);
      expect(removed.body.meeting).toBeNull();
    });

    it('logs the link added, changed and removed with its provider, never the link itself', async () => {
      const w = await create({ meetingUrl: 'https://zoom.us/j/777' });
      const edit = (meetingUrl: unknown) =>
        http().patch(`/api/workshops/${w.id}`).set(fac.auth).send({ meetingUrl }).expect(200);
      await edit('https://zoom.us/j/777'); // the same link: nothing to log
      await http().patch(`/api/workshops/${w.id}`).set(fac.auth).send({ title: 'No link change' }).expect(200);
      await edit(JITSI);
      await edit('');
      await edit(null); // already none
      const log = await http().get(`/api/workshops/${w.id}/audit`).set(fac.auth).expect(200);
      const entries = [...log.body.items].reverse();
      expect(entries.map((e: { action: string; detail: unknown }) => [e.action, e.detail])).toEqual([
        ['meeting.added', { provider: 'zoom' }],
        ['meeting.changed', { provider: 'jitsi' }],
        ['meeting.removed', { provider: 'jitsi' }],
      ]);
      expect(entries.every((e: { actor: { id: string } }) => e.actor.id === fac.id)).toBe(true);
      expect(JSON.stringify(log.body)).not.toMatch(/zoom\.us|jit\.si|https:/);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM workshop_audit WHERE workshop_id = $1 AND detail::text ~ 'https|zoom\\.us|jit\\.si'`,
        [w.id],
      );
      expect(n).toBe(0);
    });

    it('keeps anything but https out of the column even when written directly', async () => {
      const w = await create();
      await expect(
        t.dataSource.query(`UPDATE workshops SET meeting_url = 'http://x.example' WHERE id = $1`, [w.id]),
      ).rejects.toThrow(/workshops_meeting_url_https/);
    });
  });

  describe('visibility', () => {
    it('shows the link to registered participants from 15 minutes before the start until the end; never to others', async () => {
      const w = await create({ startsAt: at(60), endsAt: at(120) });
      await register(participant, w.id);

      // an hour before: nobody but the facilitators
      expect((await get(participant, w.id)).meeting).toEqual({
        provider: 'jitsi',
        url: null,
        opensAt: at(45),
        embed: false,
      });
      expect((await get(other, w.id)).meeting?.url).toBeNull();
      expect((await get(fac, w.id)).meeting?.url).toBe(JITSI);
      expect((await get(admin, w.id)).meeting?.url).toBe(JITSI);

      // 16 minutes before: still closed; 15 minutes before: open to the registered participant
      clock.set(at(44));
      expect((await get(participant, w.id)).meeting?.url).toBeNull();
      clock.set(at(45));
      expect((await get(participant, w.id)).meeting?.url).toBe(JITSI);
      expect((await get(other, w.id)).meeting?.url).toBeNull();

      // registering inside the window answers with the link at once
      const registered: WorkshopDto = (await register(other, w.id)).body;
      expect(registered.meeting?.url).toBe(JITSI);
      await http().delete(`/api/workshops/${w.id}/registration`).set(other.auth).expect(200);
      expect((await get(other, w.id)).meeting?.url).toBeNull();

      // past the scheduled end of a room never opened: closed again (facilitators still see it)
      clock.set(at(120));
      expect((await get(participant, w.id)).meeting?.url).toBeNull();
      expect((await get(fac, w.id)).meeting?.url).toBe(JITSI);
    });

    it('stays open while the room is live past its scheduled end, and closes when the workshop ends', async () => {
      const w = await create({ startsAt: at(-60), endsAt: at(-5) });
      await register(participant, w.id);
      expect((await get(participant, w.id)).meeting?.url).toBeNull();
      await http().post(`/api/workshops/${w.id}/open`).set(fac.auth).expect(200);
      expect((await get(participant, w.id)).meeting?.url).toBe(JITSI);
      await http().post(`/api/workshops/${w.id}/end`).set(fac.auth).expect(200);
      expect((await get(participant, w.id)).meeting?.url).toBeNull();
      expect((await get(fac, w.id)).meeting?.url).toBe(JITSI);
    });

    it('hides the link from a participant a facilitator removed', async () => {
      const w = await create({ startsAt: at(5), endsAt: at(65) });
      await register(participant, w.id);
      expect((await get(participant, w.id)).meeting?.url).toBe(JITSI);
      await t.dataSource.query(
        `UPDATE workshop_attendees SET removed_at = now() WHERE workshop_id = $1 AND user_id = $2`,
        [w.id, participant.id],
      );
      expect((await get(participant, w.id)).meeting?.url).toBeNull();
    });

    it('never puts the link in the list, for anyone', async () => {
      const w = await create({ startsAt: at(5), endsAt: at(65) });
      await register(participant, w.id);
      for (const user of [fac, participant, other]) {
        const res = await http().get('/api/workshops?when=upcoming&limit=100').set(user.auth).expect(200);
        const page = res.body as Page<WorkshopSummaryDto>;
        expect(page.items.map((i) => i.id)).toContain(w.id);
        expect(JSON.stringify(res.body)).not.toContain('meet.jit.si');
        expect(page.items.every((i) => !('meeting' in i))).toBe(true);
      }
    });
  });

  describe('calendars and mail carry the page, never the meeting link', () => {
    it('leaves the link out of calendar.ics, the invitation mail and the feed', async () => {
      clock.useSystemTime();
      const startsAt = new Date(Date.now() + 10 * MINUTE).toISOString();
      const endsAt = new Date(Date.now() + 70 * MINUTE).toISOString();
      const w = await create({ startsAt, endsAt, title: 'Calendar meeting' });
      const reader = await createUser(t, { displayName: 'Cal Reader' });
      const registered: WorkshopDto = (await register(reader, w.id)).body;
      expect(registered.meeting?.url).toBe(JITSI); // the reader may join: the page shows it

      const page = `${ORIGIN}/workshops/${w.id}`;
      const ics = (
        await http()
          .get(`/api/workshops/${w.id}/calendar.ics`)
          .set(reader.auth)
          .buffer(true)
          .parse(textParser)
          .expect(200)
      ).body as string;
      expect(ics.replace(/\r\n[ \t]/g, '')).toContain(`URL:${page}`);
      expect(ics).not.toContain('jit.si');

      const mails: { subject: string; html: string; text: string; calendar: string | null }[] =
        await t.dataSource.query(`SELECT subject, html, text, calendar FROM mail_messages WHERE user_id = $1`, [
          reader.id,
        ]);
      expect(mails.length).toBeGreaterThan(0);
      for (const mail of mails) {
        expect(mail.calendar?.replace(/\r\n[ \t]/g, '')).toContain(page);
        expect(mail.text).toContain(page);
        for (const part of [mail.subject, mail.html, mail.text, mail.calendar ?? '']) {
          expect(part).not.toContain('jit.si');
        }
      }

      const feed: CalendarFeedDto = (await http().post('/api/me/calendar-feed').set(reader.auth).expect(200)).body;
      const feedBody = (
        await http()
          .get((feed.url as string).slice(ORIGIN.length))
          .buffer(true)
          .parse(textParser)
          .expect(200)
      ).body as string;
      expect(feedBody).toContain(`workshop-${w.id}@twinning`);
      expect(feedBody).not.toContain('jit.si');
    });
  });

  describe('content security policy', () => {
    const frameSrc = (csp: string) =>
      csp
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith('frame-src'));

    it('allows no framed origin without MEETING_EMBED_ORIGINS', async () => {
      const res = await http().get('/api/health').expect(200);
      const csp = res.headers['content-security-policy'] as string;
      expect(frameSrc(csp)).toBeUndefined(); // frames fall back to default-src 'self'
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain('jit.si');
    });

    it('allows exactly the MEETING_EMBED_ORIGINS in frame-src, and marks their meetings embeddable', async () => {
      const embedded = await bootApp({
        PUBLIC_URL: ORIGIN,
        MEETING_EMBED_ORIGINS: 'https://meet.city.example, https://jitsi.other.example:8443/',
      });
      try {
        const res = await request(embedded.app.getHttpServer()).get('/api/health').expect(200);
        const csp = res.headers['content-security-policy'] as string;
        expect(frameSrc(csp)).toBe('frame-src https://meet.city.example https://jitsi.other.example:8443');
        // nothing else changed: the same directives as without it, plus frame-src
        const base = (await http().get('/api/health')).headers['content-security-policy'] as string;
        expect(
          csp
            .split(';')
            .filter((d) => !d.trim().startsWith('frame-src'))
            .join(';'),
        ).toBe(base);

        const created = await request(embedded.app.getHttpServer())
          .post('/api/workshops')
          .set(fac.auth)
          .send(body({ meetingUrl: 'https://meet.city.example/twinning-room' }))
          .expect(201);
        expect(created.body.meeting).toMatchObject({ provider: 'jitsi', embed: true });
        const zoom = await request(embedded.app.getHttpServer())
          .post('/api/workshops')
          .set(fac.auth)
          .send(body({ meetingUrl: 'https://zoom.us/j/1' }))
          .expect(201);
        expect(zoom.body.meeting).toMatchObject({ provider: 'zoom', embed: false });
      } finally {
        await embedded.close();
      }
    });
  });
});
