import type { CreateTrainingOfferRequest, CreateTrainingRequest, TrainingRequestDto } from '@twinning/contracts';
import request from 'supertest';
import { RateLimitService } from '../../src/rate-limit/rate-limit.service';
import { TRAINING_OFFER_RATE_LIMIT } from '../../src/training/training-offers.service';
import { TRAINING_REQUEST_RATE_LIMIT } from '../../src/training/training-requests.service';
import { addMember, createCity, createPartnershipForum, createUser, type TestUser } from './factories';
import type { TestApp } from './test-app';

type City = { id: string; slug: string; name: string };

/**
 * Toronto (traditional, America/Toronto) and George Town (emerging, Asia/Kuala_Lumpur) in a
 * partnership; Lisbon (traditional) and Hanoi (emerging) declare training expertise; Madrid does
 * not. Two facilitators (New York, English; Tokyo, French), coordinators and officials, an admin.
 */
export interface TrainingWorld {
  toronto: City;
  penang: City;
  lisbon: City;
  hanoi: City;
  madrid: City;
  partnershipId: string;
  torontoCoord: TestUser;
  torontoOfficial: TestUser;
  penangCoord: TestUser;
  penangOfficial: TestUser;
  lisbonCoord: TestUser;
  lisbonOfficial: TestUser;
  hanoiCoord: TestUser;
  madridCoord: TestUser;
  fac1: TestUser;
  fac2: TestUser;
  member: TestUser;
  admin: TestUser;
}

async function setProfile(t: TestApp, user: TestUser, timeZone: string, languages: string[]): Promise<void> {
  await t.dataSource.query(`UPDATE users SET time_zone = $2, work_languages = $3 WHERE id = $1`, [
    user.id,
    timeZone,
    languages,
  ]);
}

export async function createTrainingWorld(t: TestApp): Promise<TrainingWorld> {
  const ds = t.dataSource;
  const toronto = await createCity(ds, { name: 'Toronto', timeZone: 'America/Toronto', themes: ['integration'] });
  const penang = await createCity(ds, {
    name: 'George Town',
    countryCode: 'MY',
    region: 'south_east_asia',
    immigrationProfile: 'emerging',
    timeZone: 'Asia/Kuala_Lumpur',
  });
  const lisbon = await createCity(ds, {
    name: 'Lisbon',
    countryCode: 'PT',
    region: 'western_europe',
    timeZone: 'Europe/Lisbon',
    languages: ['pt', 'en-GB'],
    themes: ['integration'],
  });
  const hanoi = await createCity(ds, {
    name: 'Hanoi',
    countryCode: 'VN',
    region: 'south_east_asia',
    immigrationProfile: 'emerging',
    timeZone: 'Asia/Ho_Chi_Minh',
    languages: ['vi'],
    themes: ['employment'],
  });
  const madrid = await createCity(ds, { name: 'Madrid', countryCode: 'ES', timeZone: 'Europe/Madrid' });
  await ds.query(`UPDATE cities SET training_skills = '{mediation,negotiation}' WHERE id = $1`, [lisbon.id]);
  await ds.query(`UPDATE cities SET training_skills = '{leadership}' WHERE id = $1`, [hanoi.id]);
  const { partnershipId } = await createPartnershipForum(ds, [toronto.id, penang.id], {
    title: 'Toronto – George Town',
  });

  const user = (displayName: string, role: 'member' | 'facilitator' | 'admin' = 'member') =>
    createUser(t, { displayName, roles: role === 'member' ? [] : [role] });
  const w: TrainingWorld = {
    toronto,
    penang,
    lisbon,
    hanoi,
    madrid,
    partnershipId,
    torontoCoord: await user('Tom Toronto'),
    torontoOfficial: await user('Tara Toronto'),
    penangCoord: await user('Pia Penang'),
    penangOfficial: await user('Pat Penang'),
    lisbonCoord: await user('Luis Lisbon'),
    lisbonOfficial: await user('Lia Lisbon'),
    hanoiCoord: await user('Hoa Hanoi'),
    madridCoord: await user('Marta Madrid'),
    fac1: await user('Fay Facilitator', 'facilitator'),
    fac2: await user('Fred Facilitator', 'facilitator'),
    member: await user('Max Member'),
    admin: await user('Ada Admin', 'admin'),
  };
  await addMember(ds, toronto.id, w.torontoCoord.id, 'coordinator');
  await addMember(ds, toronto.id, w.torontoOfficial.id, 'official');
  await addMember(ds, penang.id, w.penangCoord.id, 'coordinator');
  await addMember(ds, penang.id, w.penangOfficial.id, 'official');
  await addMember(ds, lisbon.id, w.lisbonCoord.id, 'coordinator');
  await addMember(ds, lisbon.id, w.lisbonOfficial.id, 'official');
  await addMember(ds, hanoi.id, w.hanoiCoord.id, 'coordinator');
  await addMember(ds, madrid.id, w.madridCoord.id, 'coordinator');
  await setProfile(t, w.fac1, 'America/New_York', ['en']);
  await setProfile(t, w.fac2, 'Asia/Tokyo', ['fr']);
  return w;
}

export const http = (t: TestApp) => request(t.app.getHttpServer());

export async function resetTrainingLimits(t: TestApp, ...users: TestUser[]): Promise<void> {
  const limits = t.app.get(RateLimitService);
  for (const u of users) {
    await limits.reset(TRAINING_REQUEST_RATE_LIMIT, u.id);
    await limits.reset(TRAINING_OFFER_RATE_LIMIT, u.id);
  }
}

export function requestBody(w: TrainingWorld, overrides: Partial<CreateTrainingRequest> = {}): CreateTrainingRequest {
  return {
    cityId: w.toronto.id,
    title: 'Mediation for front-desk staff',
    themes: ['integration', 'employment'],
    skills: ['mediation', 'negotiation'],
    audienceRoles: ['front-desk staff'],
    headCount: 12,
    officialIds: [w.torontoOfficial.id],
    languages: ['en'],
    format: 'live_online',
    preferredStart: '2027-03-01',
    preferredEnd: '2027-03-31',
    notes: 'Mornings suit us best.',
    ...overrides,
  };
}

/** A request made through the API (by Toronto's coordinator unless told). */
export async function createRequest(
  t: TestApp,
  w: TrainingWorld,
  overrides: Partial<CreateTrainingRequest> = {},
  by: TestUser = w.torontoCoord,
): Promise<TrainingRequestDto> {
  await resetTrainingLimits(t, by);
  const res = await http(t).post('/api/training/requests').set(by.auth).send(requestBody(w, overrides));
  if (res.status !== 201) throw new Error(`createRequest: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export function offerBody(
  by: TestUser,
  overrides: Partial<CreateTrainingOfferRequest> = {},
): CreateTrainingOfferRequest {
  return {
    approach: 'Two live sessions with role plays drawn from your front desks.',
    format: 'live_online',
    proposedDates: ['2027-03-10', '2027-03-17'],
    trainerIds: [by.id],
    language: 'en',
    ...overrides,
  };
}

/** An offer made through the API; returns the offer id (the newest offer the author sees). */
export async function makeOffer(
  t: TestApp,
  requestId: string,
  by: TestUser,
  overrides: Partial<CreateTrainingOfferRequest> = {},
): Promise<string> {
  await resetTrainingLimits(t, by);
  const res = await http(t)
    .post(`/api/training/requests/${requestId}/offers`)
    .set(by.auth)
    .send(offerBody(by, overrides));
  if (res.status !== 201) throw new Error(`makeOffer: ${res.status} ${JSON.stringify(res.body)}`);
  const offers = (res.body as TrainingRequestDto).offers;
  return offers[offers.length - 1].id;
}

/** A request (Toronto's unless told) with one offer accepted; returns both ids. */
export async function matchedRequest(
  t: TestApp,
  w: TrainingWorld,
  opts: {
    request?: Partial<CreateTrainingRequest>;
    offerBy?: TestUser;
    offer?: Partial<CreateTrainingOfferRequest>;
    requester?: TestUser;
  } = {},
): Promise<{ id: string; offerId: string }> {
  const requester = opts.requester ?? w.torontoCoord;
  const req = await createRequest(t, w, opts.request ?? {}, requester);
  const offerId = await makeOffer(t, req.id, opts.offerBy ?? w.fac1, opts.offer ?? {});
  const res = await http(t).post(`/api/training/requests/${req.id}/offers/${offerId}/accept`).set(requester.auth);
  if (res.status !== 200) throw new Error(`accept: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: req.id, offerId };
}
