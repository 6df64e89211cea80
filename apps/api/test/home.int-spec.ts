import type { HomeDto, PublicOverviewDto } from '@twinning/contracts';
import { addMember, createUser } from './support/factories';
import { startThread } from './support/mail-users';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';
import { createVisit, createVisitWorld, http, move, type VisitWorld } from './support/visits';
import { createWorkshop } from './support/workshops';

/** A calendar date `days` from today in Toronto, "YYYY-MM-DD". */
function torontoDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

describe('the signed-in user’s home (GET /api/me/home)', () => {
  let t: TestApp;
  let w: VisitWorld;
  const homeOf = async (user: { auth: Record<string, string> }): Promise<HomeDto> =>
    (await http(t).get('/api/me/home').set(user.auth).expect(200)).body;

  beforeAll(async () => {
    t = await bootApp();
    await resetDatabase(t.dataSource);
    w = await createVisitWorld(t);
  });

  afterAll(() => t.close());

  it('answers 401 without a token', async () => {
    await http(t).get('/api/me/home').expect(401);
  });

  it('shows a coordinator the live workshop, the join request, what comes up and unread threads', async () => {
    const live = await createWorkshop(t, {
      facilitator: w.penangCoordinator,
      status: 'live',
      partnershipId: w.partnershipId,
      title: 'Live partnership workshop',
    });
    await createWorkshop(t, {
      facilitator: w.penangCoordinator,
      status: 'scheduled',
      partnershipId: w.partnershipId,
      title: 'Tomorrow’s workshop',
    });
    const applicant = await createUser(t, { displayName: 'Nora Applicant' });
    await addMember(t.dataSource, w.toronto.id, applicant.id, 'official', 'pending');
    const visit = await createVisit(t, w, {
      title: 'Visit in three weeks',
      dates: { startDate: torontoDate(21), endDate: torontoDate(22) },
    });
    await move(t, w, visit.id, 'open');
    const [{ id: forumId }] = await t.dataSource.query(`SELECT id FROM forums WHERE partnership_id = $1`, [
      w.partnershipId,
    ]);
    await startThread(t, w.penangOfficial, forumId, 'Housing pilot', 'Shall we compare notes?');

    const home = await homeOf(w.coordinator);
    expect(home.live).toEqual([
      expect.objectContaining({ id: live.id, title: 'Live partnership workshop', status: 'live' }),
    ]);
    expect(home.comingUp.workshops.map((x) => x.title)).toEqual(['Tomorrow’s workshop']);
    // 21 days ahead: beyond the waiting list's 14 days, inside the home's 30
    expect(home.comingUp.visits).toEqual([
      expect.objectContaining({ id: visit.id, startDate: torontoDate(21), myStatus: null }),
    ]);
    expect(home.waiting.joinRequests).toEqual([
      expect.objectContaining({ user: expect.objectContaining({ displayName: 'Nora Applicant' }) }),
    ]);
    expect(home.unread.flatMap((f) => f.threads.map((th) => th.title))).toContain('Housing pilot');
    expect(Date.parse(home.upcomingUntil) - Date.parse(home.now)).toBe(30 * 86_400_000);
  });

  it('shows an outsider none of another partnership’s items', async () => {
    const home = await homeOf(w.outsider);
    expect(home.live).toEqual([]);
    expect(home.comingUp).toEqual({ visits: [], workshops: [] });
    expect(home.waiting).toEqual({ joinRequests: [], invitations: [], polls: [], reports: { count: 0, items: [] } });
    expect(home.activity).toEqual([]);
    expect(home.unread.flatMap((f) => f.threads.map((th) => th.title))).not.toContain('Housing pilot');
  });

  it('lists live workshops the user may join without registering: public ones and their partnership’s', async () => {
    const stranger = await createUser(t, { displayName: 'Someone Else' });
    const publicLive = await createWorkshop(t, { facilitator: stranger, status: 'live', title: 'Open to all' });
    const partnershipLive = await createWorkshop(t, {
      facilitator: w.penangCoordinator,
      status: 'live',
      partnershipId: w.partnershipId,
      title: 'Partnership room open',
    });
    const removedFrom = await createWorkshop(t, { facilitator: stranger, status: 'live', title: 'Removed from it' });
    await t.dataSource.query(
      `INSERT INTO workshop_attendees (workshop_id, user_id, registered, removed_at) VALUES ($1, $2, false, now())`,
      [removedFrom.id, w.official.id],
    );

    const official = await homeOf(w.official);
    const titles = official.live.map((x) => x.title);
    expect(titles).toEqual(expect.arrayContaining(['Open to all', 'Partnership room open']));
    expect(titles).not.toContain('Removed from it');
    expect(official.live.find((x) => x.id === publicLive.id)).toMatchObject({ registered: false, facilitator: false });

    // the outsider may join the public one, not the partnership's
    const outsider = (await homeOf(w.outsider)).live.map((x) => x.id);
    expect(outsider).toContain(publicLive.id);
    expect(outsider).not.toContain(partnershipLive.id);
    expect(outsider).toContain(removedFrom.id);
  });

  it('offers the meeting link of a live workshop only to whom the workshop page shows it', async () => {
    const MEETING = 'https://meet.jit.si/home-live-meeting-test';
    const host = await createUser(t, { displayName: 'Hana Host', roles: ['facilitator'] });
    const admin = await createUser(t, { displayName: 'Adam Admin', roles: ['admin'] });
    const registered = await createUser(t, { displayName: 'Rita Registered' });
    const early = await createUser(t, { displayName: 'Eli Early' });
    const passerby = await createUser(t, { displayName: 'Paul Passerby' });
    const live = await createWorkshop(t, { facilitator: host, status: 'live', title: 'Live with a call' });
    // opened early: it starts in 30 minutes, so the link opens in 15
    const openedEarly = await createWorkshop(t, { facilitator: host, status: 'live', title: 'Opened early' });
    await t.dataSource.query(`UPDATE workshops SET meeting_url = $2 WHERE id = ANY($1::uuid[])`, [
      [live.id, openedEarly.id],
      MEETING,
    ]);
    await t.dataSource.query(
      `UPDATE workshops SET starts_at = now() + interval '30 minutes', ends_at = now() + interval '2 hours' WHERE id = $1`,
      [openedEarly.id],
    );
    await t.dataSource.query(`INSERT INTO workshop_attendees (workshop_id, user_id) VALUES ($1, $2), ($3, $4)`, [
      live.id,
      registered.id,
      openedEarly.id,
      early.id,
    ]);

    const meetingOf = async (user: { auth: Record<string, string> }, id: string) =>
      (await homeOf(user)).live.find((x) => x.id === id)?.meeting;
    const withLink = { provider: 'jitsi', url: MEETING, embed: false, opensAt: expect.any(String) };
    expect(await meetingOf(host, live.id)).toEqual(withLink);
    expect(await meetingOf(admin, live.id)).toEqual(withLink);
    expect(await meetingOf(registered, live.id)).toEqual(withLink);
    expect(await meetingOf(host, openedEarly.id)).toEqual(withLink);
    // registered, but more than 15 minutes before the start: the call is named, the link is not sent
    expect(await meetingOf(early, openedEarly.id)).toEqual({ ...withLink, url: null });
    expect(await meetingOf(passerby, live.id)).toEqual({ ...withLink, url: null });
    for (const user of [early, passerby, w.outsider]) {
      const raw = JSON.stringify((await http(t).get('/api/me/home').set(user.auth).expect(200)).body);
      expect(raw).not.toContain('home-live-meeting-test');
      expect(raw).not.toContain('meetingUrl');
    }
    // a live workshop without a meeting has none
    const plain = await createWorkshop(t, { facilitator: host, status: 'live', title: 'No call' });
    expect(await meetingOf(host, plain.id)).toBeNull();
    // leave the public landing's short list as the later tests expect it
    await t.dataSource.query(`DELETE FROM workshops WHERE id = ANY($1::uuid[])`, [[live.id, openedEarly.id, plain.id]]);
  });

  it('shows a coordinator the open reports in their partnership’s forum, and not an official', async () => {
    const [{ id: forumId }] = await t.dataSource.query(`SELECT id FROM forums WHERE partnership_id = $1`, [
      w.partnershipId,
    ]);
    const threadId = await startThread(t, w.penangOfficial, forumId, 'Reported thread', 'Something rude');
    const [{ id: postId }] = await t.dataSource.query(`SELECT id FROM posts WHERE thread_id = $1 AND seq = 1`, [
      threadId,
    ]);
    await http(t).post(`/api/posts/${postId}/flags`).set(w.official.auth).send({ reason: 'spam' }).expect(204);

    const coordinator = await homeOf(w.coordinator);
    expect(coordinator.waiting.reports.count).toBe(1);
    expect(coordinator.waiting.reports.items).toEqual([
      expect.objectContaining({
        reason: 'spam',
        postSeq: 1,
        thread: { id: threadId, title: 'Reported thread' },
        partnership: expect.objectContaining({ id: w.partnershipId }),
      }),
    ]);
    expect((await homeOf(w.admin)).waiting.reports.count).toBeGreaterThanOrEqual(1);
    expect((await homeOf(w.official)).waiting.reports).toEqual({ count: 0, items: [] });
    expect((await homeOf(w.outsider)).waiting.reports).toEqual({ count: 0, items: [] });
  });

  it('lists recent activity in the user’s partnerships, newest first, and none of others’', async () => {
    const newcomer = await createUser(t, { displayName: 'Nadia Newcomer' });
    await addMember(t.dataSource, w.penang.id, newcomer.id, 'official');
    await t.dataSource.query(`UPDATE city_memberships SET decided_at = now() WHERE user_id = $1`, [newcomer.id]);

    const { activity } = await homeOf(w.coordinator);
    expect(activity.length).toBeGreaterThan(0);
    expect(activity.length).toBeLessThanOrEqual(10);
    const ats = activity.map((a) => Date.parse(a.at));
    expect([...ats].sort((a, b) => b - a)).toEqual(ats);
    expect(activity).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'thread', thread: expect.objectContaining({ title: 'Reported thread' }) }),
        expect.objectContaining({
          kind: 'member',
          user: expect.objectContaining({ displayName: 'Nadia Newcomer' }),
          city: expect.objectContaining({ id: w.penang.id }),
          partnership: expect.objectContaining({ id: w.partnershipId }),
        }),
      ]),
    );
    expect(activity.every((a) => a.partnership.id === w.partnershipId)).toBe(true);
    expect((await homeOf(w.outsider)).activity).toEqual([]);
  });

  it('answers in the same number of queries whatever the user has waiting', async () => {
    const empty = await t.queries.measure(() => homeOf(w.outsider));
    for (let i = 0; i < 5; i++) {
      await createWorkshop(t, { facilitator: w.coordinator, status: 'scheduled', partnershipId: w.partnershipId });
      await createWorkshop(t, { facilitator: w.coordinator, status: 'live', partnershipId: w.partnershipId });
    }
    const full = await t.queries.measure(() => homeOf(w.coordinator));
    expect(full.result.live.length).toBeGreaterThan(5);
    // every block has something: live workshops, a join request, a report, unread threads, activity
    expect(full.result.waiting.reports.count).toBeGreaterThan(0);
    expect(full.result.waiting.joinRequests.length).toBeGreaterThan(0);
    expect(full.result.unread.length).toBeGreaterThan(0);
    expect(full.result.activity.length).toBeGreaterThan(0);
    expect(full.queries).toBe(empty.queries);
    expect(full.queries).toBeLessThanOrEqual(3);
  });

  it('gives anonymous visitors the cities taking part by region and the next public workshops only', async () => {
    const stranger = await createUser(t, { displayName: 'Public Facilitator' });
    await createWorkshop(t, { facilitator: stranger, status: 'scheduled', title: 'Open welcome session' });
    const res = await http(t).get('/api/public/overview').expect(200);
    const overview: PublicOverviewDto = res.body;
    expect(overview.cityCount).toBe(3);
    const byRegion = Object.fromEntries(overview.regions.map((r) => [r.region, r.cities.map((c) => c.name)]));
    expect(byRegion).toEqual({
      north_america: ['Toronto'],
      south_east_asia: ['George Town'],
      western_europe: ['Lisbon'],
    });
    const titles = overview.upcomingWorkshops.map((x) => x.title);
    expect(titles).toContain('Open welcome session');
    // partnership workshops are not public
    expect(titles).not.toContain('Tomorrow’s workshop');
    expect(titles).not.toContain('Partnership room open');
  });
});
