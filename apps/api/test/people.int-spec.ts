import type {
  Ack,
  PersonCardDto,
  PostDto,
  VisitParticipantDto,
  WorkshopJoinResult,
  WorkshopMessageDto,
} from '@twinning/contracts';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { addMember, createCity, createUser, themeForumId, type TestUser } from './support/factories';
import { startThread } from './support/mail-users';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';
import { createDelegates, createVisit, createVisitWorld, http, move, type VisitWorld } from './support/visits';
import { connectRoom, createWorkshop, nextEvent, type RoomSocket } from './support/workshops';

/** People beside their writing: city and role in every payload, the person card, privacy of needs. */
describe('people (PersonSummary, GET /api/people/:id, visit participants)', () => {
  let t: TestApp;
  let w: VisitWorld;
  /** Official of Toronto and of Lisbon: two cities, one of them in the partnership. */
  let twoCities: TestUser;
  let partnershipForumId: string;

  const postsOf = async (user: TestUser, threadId: string): Promise<PostDto[]> =>
    (await http(t).get(`/api/threads/${threadId}/posts`).set(user.auth).expect(200)).body.items;

  beforeAll(async () => {
    t = await bootApp({ WORKSHOP_MESSAGE_RATE_LIMIT: '100000/1' }, { listen: true });
    await resetDatabase(t.dataSource);
    w = await createVisitWorld(t);
    twoCities = await createUser(t, { displayName: 'Zaid Al-Amin' });
    await addMember(t.dataSource, w.toronto.id, twoCities.id, 'official');
    await addMember(t.dataSource, w.lisbon.id, twoCities.id, 'coordinator');
    [{ id: partnershipForumId }] = await t.dataSource.query(`SELECT id FROM forums WHERE partnership_id = $1`, [
      w.partnershipId,
    ]);
  });

  afterAll(() => t.close());

  describe('forum posts and threads', () => {
    it('shows, inside a partnership, only the member city the author belongs to, and their role there', async () => {
      const threadId = await startThread(t, twoCities, partnershipForumId, 'Housing pilot', 'Notes from Toronto');
      const [post] = await postsOf(w.official, threadId);
      expect(post.author).toEqual({
        id: twoCities.id,
        displayName: 'Zaid Al-Amin',
        handle: expect.any(String),
        cities: [{ id: w.toronto.id, name: 'Toronto' }],
        role: 'official',
      });
      const threads = (await http(t).get(`/api/forums/${partnershipForumId}/threads`).set(w.official.auth).expect(200))
        .body.items;
      expect(threads[0].author).toEqual(post.author);
    });

    it('shows all their cities elsewhere (a theme forum), coordinator first among roles', async () => {
      const forumId = await themeForumId(t.dataSource, 'employment');
      const threadId = await startThread(t, twoCities, forumId, 'Job fairs', 'How do you run them?');
      const [post] = await postsOf(w.outsider, threadId);
      expect(post.author.cities).toEqual([
        { id: w.lisbon.id, name: 'Lisbon' },
        { id: w.toronto.id, name: 'Toronto' },
      ]);
      expect(post.author.role).toBe('coordinator');
    });

    it('builds a page of posts in a number of queries that does not grow with its authors', async () => {
      const threadId = await startThread(t, w.coordinator, partnershipForumId, 'Many voices', 'First');
      const count = async () => (await t.queries.measure(() => postsOf(w.coordinator, threadId))).queries;
      const reply = (user: TestUser, body: string) =>
        http(t).post(`/api/threads/${threadId}/posts`).set(user.auth).send({ body }).expect(201);
      await reply(w.penangCoordinator, 'Second');
      const few = await count();
      for (const user of [w.official, w.penangOfficial, twoCities, ...(await createDelegates(t, w, 4, 'Voice'))]) {
        await reply(user, `From ${user.displayName}`);
      }
      const posts = await postsOf(w.coordinator, threadId);
      expect(posts).toHaveLength(9);
      expect(posts.every((p) => p.author.cities.length === 1 && p.author.role !== null)).toBe(true);
      expect(await count()).toBe(few);
    });
  });

  describe('rosters', () => {
    it('lists partnership members with their member city and city officials with all their cities', async () => {
      const detail = (await http(t).get(`/api/partnerships/${w.partnershipId}`).set(w.official.auth).expect(200)).body;
      const zaid = detail.members.find((m: { user: { id: string } }) => m.user.id === twoCities.id);
      expect(zaid.user.cities).toEqual([{ id: w.toronto.id, name: 'Toronto' }]);
      expect(zaid.user.role).toBe('official');
      const tom = detail.members.find((m: { user: { id: string } }) => m.user.id === w.coordinator.id);
      expect(tom.user).toMatchObject({ role: 'coordinator', cities: [{ id: w.toronto.id, name: 'Toronto' }] });

      const [{ slug }] = await t.dataSource.query(`SELECT slug FROM cities WHERE id = $1`, [w.toronto.id]);
      const city = (await http(t).get(`/api/cities/${slug}`).expect(200)).body;
      const official = city.officials.find((o: { user: { id: string } }) => o.user.id === twoCities.id);
      expect(official.user.cities.map((c: { name: string }) => c.name)).toEqual(['Lisbon', 'Toronto']);
    });
  });

  describe('visit participants', () => {
    let visitId: string;
    let delegate: TestUser;

    beforeAll(async () => {
      const visit = await createVisit(t, w, { title: 'Participants visit' });
      visitId = visit.id;
      await move(t, w, visitId, 'open');
      [delegate] = await createDelegates(t, w, 1, 'Needs');
      await http(t)
        .put(`/api/visits/${visitId}/registration`)
        .set(delegate.auth)
        .send({ accompanying: 1, dietary: 'Halal', accessibility: 'Step-free access' })
        .expect(200);
      await http(t).put(`/api/visits/${visitId}/registration`).set(w.official.auth).send({}).expect(200);
    });

    const participantsOf = async (user: TestUser): Promise<VisitParticipantDto[]> =>
      (await http(t).get(`/api/visits/${visitId}/participants`).set(user.auth).expect(200)).body;

    it('shows members names, cities and places, never others’ needs nor email', async () => {
      const list = await participantsOf(w.penangOfficial);
      const needsRow = list.find((p) => p.person.id === delegate.id);
      expect(needsRow).toEqual({
        person: expect.objectContaining({
          displayName: delegate.displayName,
          cities: [{ id: w.penang.id, name: 'George Town' }],
          role: 'official',
        }),
        status: 'registered',
        places: 2,
        position: null,
      });
      const raw = JSON.stringify(list);
      expect(raw).not.toContain('Halal');
      expect(raw).not.toContain('Step-free');
      expect(raw).not.toContain('dietary');
      expect(raw).not.toContain('@example.test');
    });

    it('shows the person their own needs, and coordinators everyone’s', async () => {
      const own = (await participantsOf(delegate)).find((p) => p.person.id === delegate.id);
      expect(own?.needs).toEqual({ dietary: 'Halal', accessibility: 'Step-free access' });
      const other = (await participantsOf(delegate)).find((p) => p.person.id === w.official.id);
      expect(other).not.toHaveProperty('needs');
      const byCoordinator = (await participantsOf(w.coordinator)).find((p) => p.person.id === delegate.id);
      expect(byCoordinator?.needs).toEqual({ dietary: 'Halal', accessibility: 'Step-free access' });
    });

    it('keeps the roster (with needs and email) for coordinators; others get 403 or 404', async () => {
      await http(t).get(`/api/visits/${visitId}/roster`).set(w.penangOfficial.auth).expect(403);
      await http(t).get(`/api/visits/${visitId}/participants`).set(w.outsider.auth).expect(404);
      const roster = (await http(t).get(`/api/visits/${visitId}/roster`).set(w.coordinator.auth).expect(200)).body;
      expect(roster.find((r: { user: { id: string } }) => r.user.id === delegate.id).user).toMatchObject({
        cities: [{ id: w.penang.id, name: 'George Town' }],
        role: 'official',
        email: delegate.email,
      });
    });
  });

  describe('room messages', () => {
    const sockets: RoomSocket[] = [];
    afterAll(() => sockets.forEach((s) => s.disconnect()));

    it('carry the author’s partnership city in send, live and history payloads, one query per page', async () => {
      const workshop = await createWorkshop(t, { facilitator: w.coordinator, partnershipId: w.partnershipId });
      const socket = await connectRoom(t.url, twoCities);
      const watcher = await connectRoom(t.url, w.coordinator);
      sockets.push(socket, watcher);
      const emitOn = (s: RoomSocket, event: string, payload: object) =>
        (s as unknown as Socket).timeout(10_000).emitWithAck(event, payload);
      const emit = (event: string, payload: object) => emitOn(socket, event, payload);
      const joined: Ack<WorkshopJoinResult> = await emit('workshop.join', { workshopId: workshop.id });
      expect(joined.ok).toBe(true);
      const arrival = nextEvent(socket, 'presence.joined');
      const watcherJoin: Ack<WorkshopJoinResult> = await emitOn(watcher, 'workshop.join', { workshopId: workshop.id });
      if (!watcherJoin.ok) throw new Error(JSON.stringify(watcherJoin.error));
      // the people list: everyone present with their partnership city and role, in the ack and live
      expect(watcherJoin.presence.find((p) => p.user.id === twoCities.id)?.user).toMatchObject({
        cities: [{ id: w.toronto.id, name: 'Toronto' }],
        role: 'official',
      });
      expect((await arrival).user).toMatchObject({
        cities: [{ id: w.toronto.id, name: 'Toronto' }],
        role: 'coordinator',
      });
      const live = nextEvent(watcher, 'message.created');
      const sent: Ack<{ message: WorkshopMessageDto }> = await emit('message.send', {
        workshopId: workshop.id,
        clientId: randomUUID(),
        body: 'Hello from Toronto',
      });
      if (!sent.ok) throw new Error(JSON.stringify(sent.error));
      expect(sent.message.author).toMatchObject({ cities: [{ id: w.toronto.id, name: 'Toronto' }], role: 'official' });
      expect((await live).author).toEqual(sent.message.author);

      for (let i = 0; i < 5; i++) {
        await emit('message.send', { workshopId: workshop.id, clientId: randomUUID(), body: `More ${i}` });
      }
      const { result, queries } = await t.queries.measure(() =>
        http(t).get(`/api/workshops/${workshop.id}/messages`).set(w.coordinator.auth).expect(200),
      );
      const items: WorkshopMessageDto[] = result.body.messages;
      expect(items.length).toBeGreaterThanOrEqual(6);
      expect(items.every((m) => m.author.cities[0]?.name === 'Toronto')).toBe(true);
      expect(queries).toBeLessThanOrEqual(4);
    });
  });

  describe('workshop facilitators and search authors', () => {
    it('list facilitators with their partnership city and role, in queries that do not grow with them', async () => {
      const workshop = await createWorkshop(t, {
        facilitator: w.coordinator,
        coFacilitators: [twoCities],
        partnershipId: w.partnershipId,
      });
      const detail = (await http(t).get(`/api/workshops/${workshop.id}`).set(w.official.auth).expect(200)).body;
      expect(detail.facilitators).toEqual([
        expect.objectContaining({
          id: w.coordinator.id,
          cities: [{ id: w.toronto.id, name: 'Toronto' }],
          role: 'coordinator',
        }),
        expect.objectContaining({
          id: twoCities.id,
          cities: [{ id: w.toronto.id, name: 'Toronto' }],
          role: 'official',
        }),
      ]);
      const list = () => http(t).get('/api/workshops?when=live').set(w.coordinator.auth).expect(200);
      const few = (await t.queries.measure(list)).queries;
      for (const user of [w.penangCoordinator, w.official, twoCities]) {
        await createWorkshop(t, { facilitator: w.coordinator, coFacilitators: [user], partnershipId: w.partnershipId });
      }
      const { result, queries } = await t.queries.measure(list);
      expect(result.body.items.length).toBeGreaterThanOrEqual(4);
      expect(queries).toBe(few);
    });

    it('show search results authors with city and role, in queries that do not grow with them', async () => {
      const forumId = await themeForumId(t.dataSource, 'employment');
      await startThread(t, twoCities, forumId, 'Apprenticeships', 'Quokka apprenticeships for newcomers');
      const search = () => http(t).get('/api/search?q=quokka').set(w.outsider.auth).expect(200);
      await search(); // the search window's start, cached from then on
      const few = (await t.queries.measure(search)).queries;
      const [hit] = (await search()).body.items;
      expect(hit.post.author).toEqual({
        id: twoCities.id,
        displayName: 'Zaid Al-Amin',
        handle: expect.any(String),
        cities: [
          { id: w.lisbon.id, name: 'Lisbon' },
          { id: w.toronto.id, name: 'Toronto' },
        ],
        role: 'coordinator',
      });
      // (not w.official: a theme-forum post makes its author's card visible to everyone)
      for (const user of [w.coordinator, w.penangCoordinator, ...(await createDelegates(t, w, 1, 'Quokka'))]) {
        await startThread(t, user, forumId, `Quokka ${user.displayName}`, 'Quokka notes');
      }
      const { result, queries } = await t.queries.measure(search);
      expect(result.body.items).toHaveLength(4);
      expect(queries).toBe(few);
    });
  });

  describe('the person card', () => {
    const cardOf = (viewer: TestUser, person: { id: string }) =>
      http(t).get(`/api/people/${person.id}`).set(viewer.auth);

    it('shows cities, role, languages and time zone to someone sharing a partnership, never an email', async () => {
      await http(t)
        .patch('/api/me')
        .set(twoCities.auth)
        .send({ languages: ['ar', 'fr', 'en'], timeZone: 'America/Toronto' })
        .expect(200);
      const { body, queries } = await t.queries
        .measure(() => cardOf(w.penangOfficial, twoCities).expect(200))
        .then((r) => ({ body: r.result.body as PersonCardDto, queries: r.queries }));
      expect(body).toEqual({
        id: twoCities.id,
        displayName: 'Zaid Al-Amin',
        handle: expect.any(String),
        role: 'coordinator',
        platformRoles: [],
        cities: [
          { id: w.lisbon.id, name: 'Lisbon', slug: expect.any(String), role: 'coordinator' },
          { id: w.toronto.id, name: 'Toronto', slug: expect.any(String), role: 'official' },
        ],
        languages: ['ar', 'fr', 'en'],
        timeZone: 'America/Toronto',
      });
      expect(JSON.stringify(body)).not.toContain('@');
      expect(queries).toBeLessThanOrEqual(3);
    });

    it('answers 404 to a signed-in user who shares no space, and for unknown ids; 401 without a token', async () => {
      const stranger = await createUser(t, { displayName: 'Sam Stranger' });
      const lonely = await createUser(t, { displayName: 'Lou Lonely' });
      const faraway = await createCity(t.dataSource, { name: 'Faraway', timeZone: 'Europe/Oslo' });
      await addMember(t.dataSource, faraway.id, lonely.id, 'official');
      await cardOf(stranger, w.official).expect(404);
      await cardOf(w.penangOfficial, lonely).expect(404);
      await cardOf(w.official, { id: randomUUID() }).expect(404);
      await http(t).get(`/api/people/${w.official.id}`).expect(401);
      // facilitators are visible to everyone; admins see everyone
      const facilitator = await createUser(t, { roles: ['facilitator'], displayName: 'Fay Facilitator' });
      expect((await cardOf(stranger, facilitator).expect(200)).body.role).toBe('facilitator');
      await cardOf(w.admin, lonely).expect(200);
      await cardOf(lonely, lonely).expect(200);
    });
  });

  describe('languages I work in', () => {
    it('stores several ISO codes from the list, and refuses others naming the field', async () => {
      const me = (
        await http(t)
          .patch('/api/me')
          .set(w.official.auth)
          .send({ languages: ['fr', 'ar', 'fr'] })
          .expect(200)
      ).body;
      expect(me.languages).toEqual(['fr', 'ar']);
      const bad = await http(t)
        .patch('/api/me')
        .set(w.official.auth)
        .send({ languages: ['fr', 'xx'] })
        .expect(400);
      expect(bad.body.fields).toHaveProperty('languages');
      await http(t)
        .patch('/api/me')
        .set(w.official.auth)
        .send({ languages: ['ar', 'bn', 'de', 'el', 'en', 'es', 'fa', 'fr', 'he', 'hi', 'id', 'it', 'ja'] })
        .expect(400);
    });
  });
});
