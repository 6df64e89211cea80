import type { AdminUserDto, AuditEntryDto, MeDto, Page } from '@twinning/contracts';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { createUser, type TestUser } from './support/factories';
import { bootApp, resetDatabase, testDatabaseUrl, type TestApp } from './support/test-app';

const MIGRATION = 'PlatformRoles1765800000000';
const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

/** The migration that turns the single `role` into the set `roles`, on a database of its own. */
describe('platform roles migration', () => {
  const dbName = `twinning_roles_${process.pid}`;
  const admin = new URL(testDatabaseUrl());
  admin.pathname = '/postgres';
  const target = new URL(testDatabaseUrl());
  target.pathname = `/${dbName}`;
  let dataSource: DataSource;

  const withAdmin = async (sql: string) => {
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const applied = async () =>
    (await dataSource.query(`SELECT name FROM typeorm_migrations`)).map((r: { name: string }) => r.name) as string[];

  beforeAll(async () => {
    await withAdmin(`CREATE DATABASE ${dbName}`);
    dataSource = new DataSource(dataSourceOptions(target.toString(), { logging: false }));
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    // back to just before the migration (and any that came after it)
    while ((await applied()).includes(MIGRATION)) await dataSource.undoLastMigration({ transaction: 'each' });
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await withAdmin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  });

  it('keeps every role: admin → [admin], facilitator → [facilitator], member → []; down() keeps the highest', async () => {
    await dataSource.query(
      `INSERT INTO users (email, password_hash, display_name, role)
       VALUES ('a@example.test', 'x', 'Ada', 'admin'), ('f@example.test', 'x', 'Fay', 'facilitator'),
              ('m@example.test', 'x', 'Mo', 'member')`,
    );
    await dataSource.runMigrations({ transaction: 'each' });
    const rolesOf = async () =>
      Object.fromEntries(
        (await dataSource.query(`SELECT display_name, roles FROM users ORDER BY display_name`)).map(
          (r: { display_name: string; roles: string[] }) => [r.display_name, r.roles],
        ),
      );
    expect(await rolesOf()).toEqual({ Ada: ['admin'], Fay: ['facilitator'], Mo: [] });
    const columns = await dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'users' AND column_name IN ('role', 'roles')`,
    );
    expect(columns).toEqual([{ column_name: 'roles' }]);

    // only known roles, each at most once
    for (const bad of [['member'], ['admin', 'admin'], ['reviewer', 'facilitator', 'reviewer'], [null]]) {
      await expect(dataSource.query(`UPDATE users SET roles = $1 WHERE display_name = 'Mo'`, [bad])).rejects.toThrow(
        /users_roles_known/,
      );
    }
    await dataSource.query(`UPDATE users SET roles = '{reviewer,facilitator}' WHERE display_name = 'Mo'`);
    await dataSource.query(`UPDATE users SET roles = '{reviewer,admin}' WHERE display_name = 'Ada'`);
    await dataSource.query(
      `INSERT INTO users (email, password_hash, display_name, roles) VALUES ('r@example.test', 'x', 'Rui', '{reviewer}')`,
    );

    while ((await applied()).includes(MIGRATION)) await dataSource.undoLastMigration({ transaction: 'each' });
    const down = await dataSource.query(`SELECT display_name, role FROM users ORDER BY display_name`);
    expect(down).toEqual([
      { display_name: 'Ada', role: 'admin' },
      { display_name: 'Fay', role: 'facilitator' },
      { display_name: 'Mo', role: 'facilitator' },
      { display_name: 'Rui', role: 'member' },
    ]);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await rolesOf()).toEqual({ Ada: ['admin'], Fay: ['facilitator'], Mo: ['facilitator'], Rui: [] });
  });
});

describe('platform roles: PUT /api/admin/users/:id/role and role checks', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  let admin: TestUser;
  let facilitator: TestUser;
  let reviewer: TestUser;
  let both: TestUser;
  let member: TestUser;

  const setRoles = (actor: TestUser, userId: string, body: unknown) =>
    http()
      .put(`/api/admin/users/${userId}/role`)
      .set(actor.auth)
      .send(body as object);
  const workshop = () => ({
    title: 'Mediation basics',
    description: 'Practice.',
    theme: 'employment',
    language: 'en',
    scope: 'public',
    startsAt: inHours(24),
    endsAt: inHours(26),
  });
  const roleAudit = async (): Promise<AuditEntryDto[]> =>
    (
      (await http().get('/api/moderation/audit').query({ action: 'user.roles' }).set(admin.auth).expect(200))
        .body as Page<AuditEntryDto>
    ).items;

  beforeAll(async () => {
    t = await bootApp();
    await resetDatabase(t.dataSource);
    admin = await createUser(t, { roles: ['admin'], displayName: 'Ada Admin' });
    facilitator = await createUser(t, { roles: ['facilitator'], displayName: 'Fay Facilitator' });
    reviewer = await createUser(t, { roles: ['reviewer'], displayName: 'Rui Reviewer' });
    both = await createUser(t, { roles: ['facilitator', 'reviewer'], displayName: 'Bea Both' });
    member = await createUser(t, { displayName: 'Mo Member' });
  });
  afterAll(() => t.close());

  it('sets the whole set, in PLATFORM_ROLES order, and records the change in the moderation log', async () => {
    const res = await setRoles(admin, member.id, { roles: ['reviewer', 'facilitator'] }).expect(200);
    expect(res.body as AdminUserDto).toMatchObject({ id: member.id, roles: ['facilitator', 'reviewer'] });
    const me = await http().get('/api/me').set(member.auth).expect(200);
    expect((me.body as MeDto).roles).toEqual(['facilitator', 'reviewer']);
    const list = await http().get('/api/admin/users').query({ q: member.email }).set(admin.auth).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: member.id, roles: ['facilitator', 'reviewer'] })]);

    let entries = await roleAudit();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: { id: admin.id, displayName: 'Ada Admin' },
      action: 'user.roles',
      target: { type: 'user', id: member.id, label: 'Mo Member (facilitator, reviewer)' },
      forum: null,
    });

    // the same set again changes nothing and logs nothing; the empty set makes a member again
    await setRoles(admin, member.id, { roles: ['facilitator', 'reviewer'] }).expect(200);
    expect(await roleAudit()).toHaveLength(1);
    expect((await setRoles(admin, member.id, { roles: [] }).expect(200)).body.roles).toEqual([]);
    entries = await roleAudit();
    expect(entries.map((e) => e.target.label)).toEqual(['Mo Member (member)', 'Mo Member (facilitator, reviewer)']);
    expect((await http().get('/api/me').set(member.auth).expect(200)).body.roles).toEqual([]);
  });

  it('answers 400 naming `roles` for anything but a set of known roles', async () => {
    const before = await t.dataSource.query(`SELECT roles FROM users WHERE id = $1`, [reviewer.id]);
    for (const body of [
      {},
      { roles: 'reviewer' },
      { roles: ['member'] },
      { roles: ['reviewer', 'reviewer'] },
      { roles: ['admin', 42] },
      { role: 'facilitator' },
    ]) {
      const res = await setRoles(admin, reviewer.id, body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.fields)).toContain('roles');
    }
    const fr = await setRoles(admin, reviewer.id, { roles: ['reviewer', 'reviewer'] })
      .set('Accept-Language', 'fr')
      .expect(400);
    const en = await setRoles(admin, reviewer.id, { roles: ['reviewer', 'reviewer'] }).expect(400);
    expect(fr.body.fields.roles.join(' ')).toMatch(/roles/);
    expect(fr.body.fields.roles).not.toEqual(en.body.fields.roles);
    expect(await t.dataSource.query(`SELECT roles FROM users WHERE id = $1`, [reviewer.id])).toEqual(before);
  });

  it('refuses everyone but admins (403), answers 404 for an unknown user, 401 without a token', async () => {
    for (const actor of [facilitator, reviewer, both, member]) {
      const res = await setRoles(actor, reviewer.id, { roles: ['admin'] }).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
      await http().get('/api/admin/users').set(actor.auth).expect(403);
    }
    await setRoles(admin, randomUUID(), { roles: ['reviewer'] }).expect(404);
    await http()
      .put(`/api/admin/users/${reviewer.id}/role`)
      .send({ roles: ['admin'] })
      .expect(401);
    expect(await t.dataSource.query(`SELECT roles FROM users WHERE id = $1`, [reviewer.id])).toEqual([
      { roles: ['reviewer'] },
    ]);
  });

  it('keeps the last admin: their admin role cannot be taken away, other roles can be added', async () => {
    const res = await setRoles(admin, admin.id, { roles: ['reviewer'] }).expect(409);
    expect(res.body.code).toBe('INVALID_STATE');
    expect((await setRoles(admin, admin.id, { roles: ['reviewer', 'admin'] }).expect(200)).body.roles).toEqual([
      'admin',
      'reviewer',
    ]);
    const second = await createUser(t, { roles: ['admin'] });
    await setRoles(admin, second.id, { roles: [] }).expect(200);
    await setRoles(admin, admin.id, { roles: ['admin'] }).expect(200);

    // two admins taking each other's admin role at the same moment: one of them stays admin, and
    // the other, no longer an admin when their turn comes, is refused
    const other = await createUser(t, { roles: ['admin'] });
    const results = await Promise.all([
      setRoles(admin, other.id, { roles: [] }),
      setRoles(other, admin.id, { roles: [] }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 403]);
    const [{ admins }] = await t.dataSource.query(
      `SELECT count(*)::int AS admins FROM users WHERE 'admin' = ANY(roles)`,
    );
    expect(admins).toBe(1);
    // the admin page works for whichever of them is left
    const left = results[0].status === 200 ? admin : other;
    await setRoles(left, left.id === admin.id ? other.id : admin.id, { roles: ['admin'] }).expect(200);
  });

  it('a facilitator who is also a reviewer passes facilitator-only checks; a reviewer alone does not', async () => {
    const created = await http().post('/api/workshops').set(both.auth).send(workshop()).expect(201);
    expect(created.body.facilitators).toEqual([expect.objectContaining({ id: both.id, role: 'facilitator' })]);
    const search = await http()
      .get('/api/workshops/facilitators')
      .query({ q: 'Bea' })
      .set(facilitator.auth)
      .expect(200);
    expect(search.body).toEqual([{ id: both.id, displayName: 'Bea Both' }]);
    await http()
      .post(`/api/workshops/${created.body.id}/facilitators`)
      .set(both.auth)
      .send({ userId: facilitator.id })
      .expect((res) => expect(res.status).toBeLessThan(300));

    const refused = await http().post('/api/workshops').set(reviewer.auth).send(workshop()).expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    await http().get('/api/workshops/facilitators').set(reviewer.auth).expect(403);
    const notFacilitator = await http()
      .post(`/api/workshops/${created.body.id}/facilitators`)
      .set(both.auth)
      .send({ userId: reviewer.id })
      .expect(400);
    expect(Object.keys(notFacilitator.body.fields)).toEqual(['userId']);

    // the person card lists every platform role
    const card = await http().get(`/api/people/${both.id}`).set(member.auth).expect(200);
    expect(card.body).toMatchObject({ role: 'facilitator', platformRoles: ['facilitator', 'reviewer'] });
  });

  it('a token issued before a role change carries the new roles at once (roles are read from the database)', async () => {
    const user = await createUser(t, { roles: ['reviewer'] });
    await http().post('/api/workshops').set(user.auth).send(workshop()).expect(403);
    await setRoles(admin, user.id, { roles: ['reviewer', 'facilitator'] }).expect(200);
    await http().post('/api/workshops').set(user.auth).send(workshop()).expect(201);
    await setRoles(admin, user.id, { roles: ['reviewer'] }).expect(200);
    await http().post('/api/workshops').set(user.auth).send(workshop()).expect(403);
  });
});
