import type { HomeDto } from '@twinning/contracts';
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
    expect(home.waiting).toEqual({ joinRequests: [], invitations: [], polls: [] });
    expect(home.unread.flatMap((f) => f.threads.map((th) => th.title))).not.toContain('Housing pilot');
  });

  it('answers in the same number of queries whatever the user has waiting', async () => {
    const empty = await t.queries.measure(() => homeOf(w.outsider));
    for (let i = 0; i < 5; i++) {
      await createWorkshop(t, { facilitator: w.coordinator, status: 'scheduled', partnershipId: w.partnershipId });
      await createWorkshop(t, { facilitator: w.coordinator, status: 'live', partnershipId: w.partnershipId });
    }
    const full = await t.queries.measure(() => homeOf(w.coordinator));
    expect(full.result.live.length).toBeGreaterThan(5);
    expect(full.queries).toBe(empty.queries);
    expect(full.queries).toBeLessThanOrEqual(3);
  });
});
