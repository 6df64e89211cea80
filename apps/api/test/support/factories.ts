import { Algorithm, hash } from '@node-rs/argon2';
import type { CityRole, CreateCityRequest, PlatformRole } from '@twinning/contracts';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { TestApp } from './test-app';
import { AccessTokenService } from '../../src/auth/access-token.service';

export const FACTORY_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | null = null;

export interface TestUser {
  id: string;
  email: string;
  displayName: string;
  roles: PlatformRole[];
  token: string;
  auth: { Authorization: string };
}

let seq = 0;
const next = () => `${Date.now().toString(36)}${(++seq).toString(36)}`;

/** A user inserted straight into the database (address verified unless `verified: false`), with a signed access token. */
export async function createUser(
  t: TestApp,
  overrides: Partial<{ email: string; displayName: string; roles: PlatformRole[]; verified: boolean }> = {},
): Promise<TestUser> {
  passwordHash ??= hash(FACTORY_PASSWORD, {
    algorithm: Algorithm.Argon2id,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  });
  const n = next();
  const email = overrides.email ?? `user-${n}@example.test`;
  const displayName = overrides.displayName ?? `User ${n}`;
  const roles = overrides.roles ?? [];
  const [row] = await t.dataSource.query(
    `INSERT INTO users (email, password_hash, display_name, roles, email_verified_at)
     VALUES ($1, $2, $3, $4, CASE WHEN $5::boolean THEN now() END) RETURNING id`,
    [email, await passwordHash, displayName, roles, overrides.verified ?? true],
  );
  const token = t.app.get(AccessTokenService).sign(row.id).token;
  return { id: row.id, email, displayName, roles, token, auth: { Authorization: `Bearer ${token}` } };
}

export async function createCity(
  dataSource: DataSource,
  overrides: Partial<CreateCityRequest & { slug: string }> = {},
): Promise<{ id: string; slug: string; name: string }> {
  const n = next();
  const name = overrides.name ?? `City ${n}`;
  const slug = overrides.slug ?? `city-${n}`;
  const [row] = await dataSource.query(
    `INSERT INTO cities (slug, name, country_code, region, immigration_profile, population, languages, time_zone, themes, description)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      slug,
      name,
      overrides.countryCode ?? 'CA',
      overrides.region ?? 'north_america',
      overrides.immigrationProfile ?? 'traditional',
      overrides.population ?? 100_000,
      overrides.languages ?? ['en'],
      overrides.timeZone ?? 'America/Toronto',
      overrides.themes ?? ['integration'],
      overrides.description ?? `A test city ${randomUUID()}`,
    ],
  );
  return { id: row.id, slug, name };
}

export async function addMember(
  dataSource: DataSource,
  cityId: string,
  userId: string,
  role: CityRole = 'official',
  status: 'approved' | 'pending' | 'rejected' = 'approved',
): Promise<void> {
  await dataSource.query(
    `INSERT INTO city_memberships (city_id, user_id, role, status, decided_at) VALUES ($1, $2, $3, $4, now())`,
    [cityId, userId, role, status],
  );
}

/**
 * A partnership between cities (all members) with its private forum, inserted directly; for forum
 * tests that do not go through the partnerships service.
 */
export async function createPartnershipForum(
  dataSource: DataSource,
  cityIds: string[],
  overrides: Partial<{ title: string; status: 'proposed' | 'active' | 'concluded' }> = {},
): Promise<{ partnershipId: string; forumId: string; title: string }> {
  const title = overrides.title ?? `Partnership ${next()}`;
  const [p] = await dataSource.query(
    `INSERT INTO partnerships (title, status, themes) VALUES ($1, $2, '{integration}') RETURNING id`,
    [title, overrides.status ?? 'active'],
  );
  for (const cityId of cityIds) {
    await dataSource.query(
      `INSERT INTO partnership_cities (partnership_id, city_id, status) VALUES ($1, $2, 'member')`,
      [p.id, cityId],
    );
  }
  const [f] = await dataSource.query(
    `INSERT INTO forums (kind, partnership_id) VALUES ('partnership', $1) RETURNING id`,
    [p.id],
  );
  return { partnershipId: p.id, forumId: f.id, title };
}

/** The public forum of a theme. */
export async function themeForumId(dataSource: DataSource, theme: string): Promise<string> {
  const [row] = await dataSource.query(`SELECT id FROM forums WHERE kind = 'theme' AND theme = $1`, [theme]);
  return row.id;
}
