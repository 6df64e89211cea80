import type { CreateVisitRequest, NotificationDto, VisitDto } from '@twinning/contracts';
import request from 'supertest';
import { addMember, createCity, createPartnershipForum, createUser, type TestUser } from './factories';
import type { TestApp } from './test-app';

/**
 * A partnership between Toronto (host, America/Toronto) and George Town (Asia/Kuala_Lumpur), with
 * a coordinator and an official in each, an outsider from Lisbon (not a member) and an admin.
 */
export interface VisitWorld {
  toronto: { id: string; name: string };
  penang: { id: string; name: string };
  lisbon: { id: string; name: string };
  partnershipId: string;
  coordinator: TestUser; // Toronto coordinator
  official: TestUser; // Toronto official
  penangCoordinator: TestUser;
  penangOfficial: TestUser;
  outsider: TestUser; // Lisbon official, not in the partnership
  admin: TestUser;
}

export async function createVisitWorld(t: TestApp): Promise<VisitWorld> {
  const toronto = await createCity(t.dataSource, { name: 'Toronto', timeZone: 'America/Toronto' });
  const penang = await createCity(t.dataSource, {
    name: 'George Town',
    countryCode: 'MY',
    region: 'south_east_asia',
    timeZone: 'Asia/Kuala_Lumpur',
  });
  const lisbon = await createCity(t.dataSource, {
    name: 'Lisbon',
    countryCode: 'PT',
    region: 'western_europe',
    timeZone: 'Europe/Lisbon',
  });
  const { partnershipId } = await createPartnershipForum(t.dataSource, [toronto.id, penang.id], {
    title: 'Toronto – George Town',
  });
  const coordinator = await createUser(t, { displayName: 'Tom Coordinator' });
  const official = await createUser(t, { displayName: 'Tara Official' });
  const penangCoordinator = await createUser(t, { displayName: 'Pia Coordinator' });
  const penangOfficial = await createUser(t, { displayName: 'Pat Official' });
  const outsider = await createUser(t, { displayName: 'Luis Outsider' });
  const admin = await createUser(t, { roles: ['admin'], displayName: 'Ada Admin' });
  await addMember(t.dataSource, toronto.id, coordinator.id, 'coordinator');
  await addMember(t.dataSource, toronto.id, official.id, 'official');
  await addMember(t.dataSource, penang.id, penangCoordinator.id, 'coordinator');
  await addMember(t.dataSource, penang.id, penangOfficial.id, 'official');
  await addMember(t.dataSource, lisbon.id, outsider.id, 'coordinator');
  return {
    toronto,
    penang,
    lisbon,
    partnershipId,
    coordinator,
    official,
    penangCoordinator,
    penangOfficial,
    outsider,
    admin,
  };
}

export const http = (t: TestApp) => request(t.app.getHttpServer());

/** Creates a visit hosted by Toronto (fixed dates unless `dateOptions` is given) and returns it. */
export async function createVisit(
  t: TestApp,
  w: VisitWorld,
  overrides: Partial<CreateVisitRequest> = {},
  by: TestUser = w.coordinator,
): Promise<VisitDto> {
  const body: Partial<CreateVisitRequest> = {
    partnershipId: w.partnershipId,
    hostCityId: w.toronto.id,
    title: 'Newcomer employment services',
    purpose: 'See how **Toronto** connects newcomers with work.',
    themes: ['employment', 'integration'],
    capacity: 10,
    ...(overrides.dateOptions ? {} : { dates: { startDate: '2027-03-14', endDate: '2027-03-16' } }),
    ...overrides,
  };
  const res = await http(t).post('/api/visits').set(by.auth).send(body);
  if (res.status !== 201) throw new Error(`createVisit: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function move(t: TestApp, w: VisitWorld, id: string, status: string, reason?: string): Promise<VisitDto> {
  const res = await http(t)
    .post(`/api/visits/${id}/transition`)
    .set(w.coordinator.auth)
    .send(reason ? { status, reason } : { status });
  if (res.status !== 200) throw new Error(`move to ${status}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The user's notifications, newest first. */
export async function notificationsOf(t: TestApp, user: TestUser): Promise<NotificationDto[]> {
  const res = await http(t).get('/api/notifications?limit=100').set(user.auth).expect(200);
  return res.body.items;
}

/** Officials of George Town (members of the partnership) for registration tests. */
export async function createDelegates(t: TestApp, w: VisitWorld, n: number, prefix = 'Delegate'): Promise<TestUser[]> {
  const users: TestUser[] = [];
  for (let i = 0; i < n; i++) {
    const u = await createUser(t, { displayName: `${prefix} ${String(i + 1).padStart(2, '0')}` });
    await addMember(t.dataSource, w.penang.id, u.id, 'official');
    users.push(u);
  }
  return users;
}
