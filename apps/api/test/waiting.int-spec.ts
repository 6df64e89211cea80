import type { WaitingForMeDto } from '@twinning/contracts';
import { WaitingService } from '../src/waiting';
import { addMember, createCity, createPartnershipForum, createUser, themeForumId } from './support/factories';
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

describe('what waits for this user (GET /api/me/waiting)', () => {
  let t: TestApp;
  let w: VisitWorld;
  let ownForumId: string;
  let otherForumId: string;
  let otherPartnershipId: string;
  let madridOfficial: Awaited<ReturnType<typeof createUser>>;
  const api = () => http(t);
  const waitingOf = async (user: { auth: Record<string, string> }): Promise<WaitingForMeDto> =>
    (await api().get('/api/me/waiting').set(user.auth).expect(200)).body;
  const threadTitles = (dto: WaitingForMeDto) => dto.forums.flatMap((f) => f.threads.map((th) => th.title));

  beforeAll(async () => {
    t = await bootApp();
    await resetDatabase(t.dataSource);
    w = await createVisitWorld(t);
    [{ id: ownForumId }] = await t.dataSource.query(`SELECT id FROM forums WHERE partnership_id = $1`, [
      w.partnershipId,
    ]);
    const madrid = await createCity(t.dataSource, { name: 'Madrid', countryCode: 'ES', region: 'western_europe' });
    const other = await createPartnershipForum(t.dataSource, [w.lisbon.id, madrid.id], { title: 'Lisbon – Madrid' });
    otherForumId = other.forumId;
    otherPartnershipId = other.partnershipId;
    madridOfficial = await createUser(t, { displayName: 'Marta Official' });
    await addMember(t.dataSource, madrid.id, madridOfficial.id);
  });

  afterAll(() => t.close());

  it('answers 401 without a token', async () => {
    await api().get('/api/me/waiting').expect(401);
  });

  it('lists unread threads of the user’s partnership forum and the public forums, never another partnership’s', async () => {
    await startThread(
      t,
      w.penangOfficial,
      ownForumId,
      'Language classes for newcomers',
      'First line about classes.\n\nSecond paragraph.\nThird line that is not shown.',
    );
    await startThread(t, w.outsider, otherForumId, 'Secret Lisbon budget', 'Only for Lisbon and Madrid.');
    const integration = await themeForumId(t.dataSource, 'integration');
    await startThread(t, w.penangCoordinator, integration, 'Welcoming centres', 'Open to everyone.');

    const official = await waitingOf(w.official);
    expect(threadTitles(official)).toEqual(
      expect.arrayContaining(['Language classes for newcomers', 'Welcoming centres']),
    );
    expect(threadTitles(official)).not.toContain('Secret Lisbon budget');
    const own = official.forums.find((f) => f.forumId === ownForumId);
    expect(own).toMatchObject({
      kind: 'partnership',
      partnership: { id: w.partnershipId, title: 'Toronto – George Town' },
      unreadThreads: 1,
    });
    expect(own?.threads[0]).toMatchObject({
      unreadCount: 1,
      firstUnreadSeq: 1,
      excerpt: 'First line about classes. Second paragraph.',
      author: { id: w.penangOfficial.id, displayName: 'Pat Official' },
    });
    // partnership forums first, then the public ones
    expect(official.forums[0].kind).toBe('partnership');
    expect(official.forums.find((f) => f.kind === 'theme')?.theme).toBe('integration');

    const madrid = await waitingOf(madridOfficial);
    expect(threadTitles(madrid)).toEqual(expect.arrayContaining(['Secret Lisbon budget', 'Welcoming centres']));
    expect(threadTitles(madrid)).not.toContain('Language classes for newcomers');
    // its author has read it; an admin is not shown every partnership's forum
    expect(threadTitles(await waitingOf(w.outsider))).not.toContain('Secret Lisbon budget');
    expect(threadTitles(await waitingOf(w.admin))).toEqual(['Welcoming centres']);
    // the author has read their own thread
    expect(threadTitles(await waitingOf(w.penangOfficial))).not.toContain('Language classes for newcomers');
  });

  it('drops a thread once it is read, and counts threads only after `since`', async () => {
    const id = await startThread(t, w.penangOfficial, ownForumId, 'Housing pilot', 'Shall we compare notes?');
    expect(threadTitles(await waitingOf(w.official))).toContain('Housing pilot');
    await api().put(`/api/threads/${id}/read`).set(w.official.auth).send({ lastReadSeq: 1 }).expect(204);
    expect(threadTitles(await waitingOf(w.official))).not.toContain('Housing pilot');
    const later = new Date(Date.now() + 60_000).toISOString();
    const res = await api()
      .get(`/api/me/waiting?since=${encodeURIComponent(later)}`)
      .set(w.coordinator.auth);
    expect(res.status).toBe(200);
    expect(res.body.forums).toEqual([]);
    await api().get('/api/me/waiting?since=yesterday').set(w.coordinator.auth).expect(400);
  });

  it('lists upcoming visits and workshops, open polls awaiting a vote, and the decisions that are theirs', async () => {
    const soon = await createVisit(t, w, {
      title: 'Job fair visit',
      dates: { startDate: torontoDate(5), endDate: torontoDate(6) },
    });
    await move(t, w, soon.id, 'open');
    const far = await createVisit(t, w, {
      title: 'Far away visit',
      dates: { startDate: torontoDate(40), endDate: torontoDate(41) },
    });
    await move(t, w, far.id, 'open');
    const poll = await createVisit(t, w, {
      title: 'When shall we meet',
      dateOptions: [
        { startDate: torontoDate(60), endDate: torontoDate(61) },
        { startDate: torontoDate(70), endDate: torontoDate(71) },
      ],
    });
    const registeredPublic = await createWorkshop(t, {
      facilitator: w.admin,
      status: 'scheduled',
      title: 'Public workshop',
    });
    await t.dataSource.query(`INSERT INTO workshop_attendees (workshop_id, user_id) VALUES ($1, $2)`, [
      registeredPublic.id,
      w.official.id,
    ]);
    await createWorkshop(t, { facilitator: w.admin, status: 'scheduled', title: 'Unregistered public workshop' });
    await createWorkshop(t, {
      facilitator: w.coordinator,
      status: 'scheduled',
      partnershipId: w.partnershipId,
      title: 'Partnership workshop',
    });
    await createWorkshop(t, {
      facilitator: w.outsider,
      status: 'scheduled',
      partnershipId: otherPartnershipId,
      title: 'Other partnership workshop',
    });
    const applicant = await createUser(t, { displayName: 'Nora Applicant' });
    await addMember(t.dataSource, w.toronto.id, applicant.id, 'official', 'pending');
    const [{ id: invitingId }] = await t.dataSource.query(
      `INSERT INTO partnerships (title, status) VALUES ('Lisbon – Toronto', 'proposed') RETURNING id`,
    );
    await t.dataSource.query(
      `INSERT INTO partnership_cities (partnership_id, city_id, status, invited_by_city_id)
       VALUES ($1, $2, 'member', NULL), ($1, $3, 'invited', $2)`,
      [invitingId, w.lisbon.id, w.toronto.id],
    );

    const official = await waitingOf(w.official);
    expect(official.visits.map((v) => v.title)).toEqual(['Job fair visit']);
    expect(official.visits[0]).toMatchObject({
      startDate: torontoDate(5),
      hostCity: { name: 'Toronto' },
      myStatus: null,
      timeZone: 'America/Toronto',
    });
    expect(official.polls).toEqual([
      expect.objectContaining({ visitId: poll.id, title: 'When shall we meet', options: 2 }),
    ]);
    expect(official.workshops.map((x) => x.title).sort()).toEqual(['Partnership workshop', 'Public workshop']);
    expect(official.workshops.find((x) => x.title === 'Public workshop')).toMatchObject({
      registered: true,
      facilitator: false,
    });
    expect(official.decisions).toEqual({ joinRequests: [], invitations: [] });

    const coordinator = await waitingOf(w.coordinator);
    expect(coordinator.decisions.joinRequests).toEqual([
      expect.objectContaining({
        city: expect.objectContaining({ name: 'Toronto' }),
        user: expect.objectContaining({ displayName: 'Nora Applicant' }),
      }),
    ]);
    expect(coordinator.decisions.invitations).toEqual([
      expect.objectContaining({
        partnership: { id: invitingId, title: 'Lisbon – Toronto', status: 'proposed' },
        city: expect.objectContaining({ name: 'Toronto' }),
        fromCity: expect.objectContaining({ name: 'Lisbon' }),
      }),
    ]);
    expect(coordinator.workshops.find((x) => x.title === 'Partnership workshop')?.facilitator).toBe(true);

    const outsider = await waitingOf(w.outsider);
    expect(outsider.visits).toEqual([]);
    expect(outsider.polls).toEqual([]);
    expect(outsider.workshops.map((x) => x.title)).toEqual(['Other partnership workshop']);
    expect(outsider.decisions.invitations).toEqual([]);

    // voting takes the poll off the list
    const options: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM visit_date_options WHERE visit_id = $1`,
      [poll.id],
    );
    await api()
      .put(`/api/visits/${poll.id}/votes`)
      .set(w.official.auth)
      .send({ answers: options.map((o) => ({ optionId: o.id, answer: 'yes' })) })
      .expect(200);
    expect((await waitingOf(w.official)).polls).toEqual([]);
    expect((await waitingOf(w.penangOfficial)).polls).toHaveLength(1);
  });

  it('is one query, whatever the user’s data', async () => {
    const service = t.app.get(WaitingService);
    const fresh = await createUser(t);
    const quiet = await t.queries.measure(() => service.forUser(fresh));
    const busy = await t.queries.measure(() => service.forUser(w.coordinator));
    expect(quiet.queries).toBe(1);
    expect(busy.queries).toBe(1);
    expect(busy.result.forums.length + busy.result.workshops.length).toBeGreaterThan(1);
  });
});
