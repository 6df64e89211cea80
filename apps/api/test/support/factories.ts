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
  role: PlatformRole;
  token: string;
  auth: { Authorization: string };
}

let seq = 0;
const next = () => `${Date.now().toString(36)}${(++seq).toString(36)}`;

/** A user inserted straight into the database, with a signed access token. */
export async function createUser(
  t: TestApp,
  overrides: Partial<{ email: string; displayName: string; role: PlatformRole }> = {},
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
  const role = overrides.role ?? 'member';
  const [row] = await t.dataSource.query(
    `INSERT INTO users (email, password_hash, display_name, role) VALUES ($1, $2, $3, $4) RETURNING id`,
    [email, await passwordHash, displayName, role],
  );
  const token = t.app.get(AccessTokenService).sign(row.id).token;
  return { id: row.id, email, displayName, role, token, auth: { Authorization: `Bearer ${token}` } };
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
