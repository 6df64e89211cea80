import type { CertificateDto, CertificateVerificationDto } from '@twinning/contracts';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import request from 'supertest';
import { gunzipSync } from 'node:zlib';
import { textParser } from './support/body-parsers';
import { createUser, type TestUser } from './support/factories';
import { bootApp, newCredentialKey, resetDatabase, type TestApp } from './support/test-app';
import { attend, createWorkshop } from './support/workshops';

/** Whether bit `index` of a Bitstring Status List credential's encodedList is set. */
function statusBit(encodedList: string, index: number): boolean {
  expect(encodedList.startsWith('u')).toBe(true);
  const bytes = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  expect(bytes.length).toBe(16_384);
  return (bytes[index >> 3] & (0x80 >> (index & 7))) !== 0;
}

describe('certificates: issuing, credentials, JWKS, status list, revocation, access', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  let facilitator: TestUser;
  let admin: TestUser;
  let learner: TestUser;
  let other: TestUser;

  async function jwks(): Promise<JSONWebKeySet> {
    const res = await http().get('/.well-known/jwks.json').expect(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    return res.body;
  }

  async function endedWorkshopWith(...participants: TestUser[]) {
    const workshop = await createWorkshop(t, { facilitator, status: 'ended', title: 'Mediation in practice' });
    await attend(t, workshop.id, participants);
    return workshop;
  }

  async function issue(workshopId: string, ...users: TestUser[]): Promise<CertificateDto[]> {
    const res = await http()
      .post(`/api/workshops/${workshopId}/certificates`)
      .set(facilitator.auth)
      .send({ userIds: users.map((u) => u.id) });
    expect([res.status, res.body.code]).toEqual([201, undefined]);
    return res.body;
  }

  async function statusList(): Promise<Record<string, unknown>> {
    const res = await http().get('/api/credentials/status/1').buffer(true).parse(textParser).expect(200);
    expect(res.headers['content-type']).toMatch(/application\/vc\+jwt/);
    const { payload } = await jwtVerify(res.body as string, createLocalJWKSet(await jwks()), { algorithms: ['RS256'] });
    return payload as Record<string, unknown>;
  }

  beforeAll(async () => {
    t = await bootApp({ VERIFY_RATE_LIMIT_PER_IP: '1000' });
    await resetDatabase(t.dataSource);
    facilitator = await createUser(t, { roles: ['facilitator'] });
    admin = await createUser(t, { roles: ['admin'] });
    learner = await createUser(t, { displayName: 'محمد بن علي' });
    other = await createUser(t, { displayName: 'Nguyễn Thị Minh Khai' });
  });

  afterAll(() => t?.close());

  it('issues attendance certificates whose VC-JWT verifies against the published JWKS with jose', async () => {
    const workshop = await endedWorkshopWith(learner, other);
    const [cert] = await issue(workshop.id, learner);
    expect(cert).toMatchObject({
      learnerName: 'محمد بن علي',
      title: 'Mediation in practice',
      sourceKind: 'workshop',
      sourceId: workshop.id,
      hours: 2,
      issuerName: 'Twinning',
      revoked: null,
    });
    expect(cert.verificationCode).toMatch(/^[a-z2-7]{20}$/);
    expect(cert.verificationUrl).toBe(`${t.config.publicUrl}/verify/${cert.verificationCode}`);

    const verification: CertificateVerificationDto = (
      await http().get(`/api/verify/${cert.verificationCode}`).expect(200)
    ).body;
    expect(verification).toMatchObject({ status: 'valid', revoked: null, learnerName: 'محمد بن علي' });
    expect(Object.keys(verification).sort()).toEqual(
      [
        'credentialJwt',
        'hours',
        'issuedAt',
        'issuerName',
        'learnerName',
        'revoked',
        'sourceKind',
        'status',
        'title',
        'verificationCode',
      ].sort(),
    );

    const keys = await jwks();
    expect(keys.keys.every((k) => !('d' in k) && k.kty === 'RSA' && k.kid)).toBe(true);
    const { payload, protectedHeader } = await jwtVerify(verification.credentialJwt, createLocalJWKSet(keys), {
      algorithms: ['RS256'],
      issuer: t.config.publicUrl,
    });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'vc+jwt' });
    expect(payload).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2', expect.stringContaining('ob/v3p0')],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      id: `urn:uuid:${cert.id}`,
      name: 'Mediation in practice',
      issuer: { id: t.config.publicUrl, name: 'Twinning' },
      credentialSubject: {
        identifier: [{ identityType: 'name', identityHash: 'محمد بن علي', hashed: false }],
        achievement: { type: ['Achievement'], name: 'Mediation in practice' },
      },
      credentialStatus: {
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListCredential: `${t.config.publicUrl}/api/credentials/status/1`,
      },
    });

    // issuing again gives the same certificate
    const [again] = await issue(workshop.id, learner);
    expect(again.id).toBe(cert.id);
  });

  it('detects tampering: a changed payload or a foreign signature does not verify', async () => {
    const workshop = await endedWorkshopWith(other);
    const [cert] = await issue(workshop.id, other);
    const jwt = (await http().get(`/api/verify/${cert.verificationCode}`).expect(200)).body.credentialJwt as string;
    const [header, body, signature] = jwt.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    claims.credentialSubject.identifier[0].identityHash = 'Someone Else';
    const forged = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    const keySet = createLocalJWKSet(await jwks());
    await expect(jwtVerify(forged, keySet)).rejects.toThrow(/signature verification failed/);
    const flipped = `${header}.${body}.${signature.slice(0, -4)}${signature.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    await expect(jwtVerify(flipped, keySet)).rejects.toThrow();
    // the owner's download of the credential is the same signed token
    const owned = await http()
      .get(`/api/certificates/${cert.id}/credential`)
      .set(other.auth)
      .buffer(true)
      .parse(textParser);
    expect(owned.status).toBe(200);
    expect(owned.body).toBe(jwt);
  });

  it('revokes: the verification page and the status list show it at once; audit logged', async () => {
    const student = await createUser(t, { displayName: 'Amal Haddad' });
    const workshop = await endedWorkshopWith(student);
    const [cert] = await issue(workshop.id, student);
    const payload = decodeJwtPayload((await http().get(`/api/verify/${cert.verificationCode}`)).body.credentialJwt);
    const index = Number(payload.credentialStatus.statusListIndex);
    const before = (await statusList()).credentialSubject as { encodedList: string; statusPurpose: string };
    expect(before.statusPurpose).toBe('revocation');
    expect(statusBit(before.encodedList, index)).toBe(false);

    await http()
      .post(`/api/admin/certificates/${cert.id}/revoke`)
      .set(facilitator.auth)
      .send({ reason: 'x' })
      .expect(403);
    await http().post(`/api/admin/certificates/${cert.id}/revoke`).set(admin.auth).send({ reason: ' ' }).expect(400);
    const revoked = await http()
      .post(`/api/admin/certificates/${cert.id}/revoke`)
      .set(admin.auth)
      .send({ reason: 'Issued by mistake' })
      .expect(200);
    expect(revoked.body.revoked).toMatchObject({ reason: 'Issued by mistake' });
    const again = await http()
      .post(`/api/admin/certificates/${cert.id}/revoke`)
      .set(admin.auth)
      .send({ reason: 'Twice' });
    expect([again.status, again.body.code]).toEqual([409, 'INVALID_STATE']);

    const page = (await http().get(`/api/verify/${cert.verificationCode.toUpperCase()}`).expect(200)).body;
    expect(page).toMatchObject({ status: 'revoked', revoked: { reason: 'Issued by mistake' } });
    expect(Date.parse(page.revoked.at)).toBeGreaterThan(Date.now() - 60_000);
    const after = (await statusList()).credentialSubject as { encodedList: string };
    expect(statusBit(after.encodedList, index)).toBe(true);

    const audit = await http().get('/api/moderation/audit?action=certificate.revoke').set(admin.auth).expect(200);
    expect(audit.body.items[0]).toMatchObject({
      action: 'certificate.revoke',
      target: { type: 'certificate', id: cert.id },
      reason: 'Issued by mistake',
    });
  });

  it('answers 404 and 403 by the rules', async () => {
    const workshop = await endedWorkshopWith(learner);
    const [cert] = await issue(workshop.id, learner);
    // the PDF and the certificate: the owner and admins; 404 for anyone else
    await http().get(`/api/certificates/${cert.id}/pdf`).set(other.auth).expect(404);
    await http().get(`/api/certificates/${cert.id}`).set(other.auth).expect(404);
    await http().get(`/api/certificates/${cert.id}/pdf`).expect(401);
    await http().get(`/api/certificates/${cert.id}/pdf`).set(admin.auth).expect(200);
    expect(
      (await http().get('/api/certificates').set(other.auth).expect(200)).body.map((c: CertificateDto) => c.id),
    ).not.toContain(cert.id);
    expect(
      (await http().get('/api/certificates').set(learner.auth).expect(200)).body.map((c: CertificateDto) => c.id),
    ).toContain(cert.id);
    // the learner's list costs the same number of queries whatever it holds
    const count = async () =>
      (await t.queries.measure(() => http().get('/api/certificates').set(learner.auth).expect(200))).queries;
    const before = await count();
    const more = await endedWorkshopWith(learner);
    await issue(more.id, learner);
    expect(await count()).toBe(before);
    // unknown codes and malformed ones are 404
    await http().get('/api/verify/aaaaaaaaaaaaaaaaaaaa').expect(404);
    await http().get('/api/verify/not-a-code').expect(404);
    await http().get('/api/credentials/status/2').expect(404);

    // issuing: participants only, facilitators only, ended workshops only
    const participant = await createUser(t);
    const notRegistered = await createUser(t);
    const w = await endedWorkshopWith(participant);
    const issueAs = (user: TestUser, id: string, userIds: string[]) =>
      http().post(`/api/workshops/${id}/certificates`).set(user.auth).send({ userIds });
    expect((await issueAs(participant, w.id, [participant.id])).status).toBe(403);
    expect((await issueAs(facilitator, w.id, [notRegistered.id])).body.code).toBe('VALIDATION_FAILED');
    const live = await createWorkshop(t, { facilitator, status: 'live' });
    const liveRes = await issueAs(facilitator, live.id, [participant.id]);
    expect([liveRes.status, liveRes.body.code]).toEqual([409, 'INVALID_STATE']);
    // a partnership's workshop that the caller cannot see: 404, not 403
    const [{ id: partnershipId }] = await t.dataSource.query(
      `INSERT INTO partnerships (title, status) VALUES ('Private', 'active') RETURNING id`,
    );
    const hidden = await createWorkshop(t, { facilitator, status: 'ended', partnershipId });
    expect((await issueAs(participant, hidden.id, [participant.id])).status).toBe(404);
    expect((await issueAs(admin, w.id, [participant.id])).status).toBe(201);
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function decodeJwtPayload(jwt: string): any {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

describe('certificates: key rotation', () => {
  it('keeps the retired key published, so a certificate signed before the rotation still verifies', async () => {
    const first = await bootApp({ CREDENTIAL_SIGNING_KEY: newCredentialKey() });
    let oldJwt: string;
    let oldKid: string;
    try {
      await resetDatabase(first.dataSource);
      const facilitator = await createUser(first, { roles: ['facilitator'] });
      const learner = await createUser(first);
      const workshop = await createWorkshop(first, { facilitator, status: 'ended' });
      await attend(first, workshop.id, [learner]);
      const res = await request(first.app.getHttpServer())
        .post(`/api/workshops/${workshop.id}/certificates`)
        .set(facilitator.auth)
        .send({ userIds: [learner.id] })
        .expect(201);
      oldJwt = (await request(first.app.getHttpServer()).get(`/api/verify/${res.body[0].verificationCode}`)).body
        .credentialJwt;
      oldKid = decodeProtectedHeader(oldJwt).kid as string;
    } finally {
      await first.close();
    }

    const second = await bootApp({ CREDENTIAL_SIGNING_KEY: newCredentialKey() });
    try {
      const set: JSONWebKeySet = (await request(second.app.getHttpServer()).get('/.well-known/jwks.json').expect(200))
        .body;
      expect(set.keys.map((k) => k.kid)).toContain(oldKid);
      expect(set.keys[0].kid).not.toBe(oldKid);
      const { payload } = await jwtVerify(oldJwt, createLocalJWKSet(set), { algorithms: ['RS256'] });
      expect(payload.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
      // the status list is now signed with the new key, which the same JWKS holds
      const list = await request(second.app.getHttpServer())
        .get('/api/credentials/status/1')
        .buffer(true)
        .parse(textParser)
        .expect(200);
      expect(decodeProtectedHeader(list.body as string).kid).toBe(set.keys[0].kid);
      await jwtVerify(list.body as string, createLocalJWKSet(set));
    } finally {
      await second.close();
    }
  });
});

describe('certificates: the verification page is rate limited', () => {
  it('answers 429 with Retry-After past VERIFY_RATE_LIMIT_PER_IP a minute', async () => {
    const app = await bootApp({ VERIFY_RATE_LIMIT_PER_IP: '3' });
    try {
      const http = () => request(app.app.getHttpServer());
      for (let i = 0; i < 3; i++) await http().get('/api/verify/aaaaaaaaaaaaaaaaaaaa').expect(404);
      const res = await http().get('/api/verify/aaaaaaaaaaaaaaaaaaaa').expect(429);
      expect(res.body.code).toBe('RATE_LIMITED');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});
