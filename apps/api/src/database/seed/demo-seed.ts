import { hash, Algorithm } from '@node-rs/argon2';
import type { EntityManager } from 'typeorm';
import { seedDemoCourses, type DemoCertificateIssuer } from './demo-courses';
import { DEMO_CITIES, DEMO_PASSWORD, DEMO_USERS } from './demo-data';
import { seedDemoPartnerships } from './demo-partnerships';
import { seedDemoTraining } from './demo-training';
import { seedDemoVisits } from './demo-visits';
import { seedDemoWorkshops } from './demo-workshops';

/**
 * Seeds the demo content. Idempotent: existing rows (matched by slug or email) are left as they
 * are, so edits made while trying the demo survive a restart. Later features extend this seed.
 * `certificates` issues the demo certificate (it needs the signing key); without it there is none.
 */
export async function seedDemo(
  manager: EntityManager,
  log: (message: string) => void,
  opts: { certificates?: DemoCertificateIssuer } = {},
): Promise<void> {
  let cities = 0;
  for (const city of DEMO_CITIES) {
    const rows = await manager.query(
      `INSERT INTO cities (slug, name, country_code, region, immigration_profile, population, languages, time_zone, themes, description)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (slug) DO NOTHING RETURNING id`,
      [
        city.slug,
        city.name,
        city.countryCode,
        city.region,
        city.immigrationProfile,
        city.population,
        city.languages,
        city.timeZone,
        city.themes,
        city.description,
      ],
    );
    cities += rows.length;
  }

  const existing: { email: string }[] = await manager.query(`SELECT email FROM users WHERE email = ANY($1)`, [
    DEMO_USERS.map((u) => u.email),
  ]);
  const missing = DEMO_USERS.filter((u) => !existing.some((e) => e.email === u.email));
  const passwordHash = missing.length
    ? await hash(DEMO_PASSWORD, { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 })
    : '';
  for (const user of missing) {
    await manager.query(
      `INSERT INTO users (email, password_hash, display_name, roles, preferred_language, time_zone, work_languages,
                          email_verified_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now()) ON CONFLICT (email) DO NOTHING`,
      [user.email, passwordHash, user.displayName, user.roles, user.preferredLanguage, user.timeZone, user.languages],
    );
  }

  for (const user of DEMO_USERS) {
    for (const membership of user.cities) {
      await manager.query(
        `INSERT INTO city_memberships (city_id, user_id, role, status, message, decided_at)
         SELECT c.id, u.id, $3, $4::varchar, $5, CASE WHEN $4::varchar = 'approved' THEN now() END
           FROM cities c, users u WHERE c.slug = $1 AND u.email = $2
         ON CONFLICT (city_id, user_id) DO NOTHING`,
        [membership.slug, user.email, membership.role, membership.status, membership.message ?? ''],
      );
    }
  }
  const forums = await seedDemoPartnerships(manager);
  const workshops = await seedDemoWorkshops(manager);
  const visits = await seedDemoVisits(manager);
  const training = await seedDemoTraining(manager);
  const courses = await seedDemoCourses(manager, opts.certificates);
  log(
    `Demo data: ${DEMO_CITIES.length} cities (${cities} new), ${DEMO_USERS.length} accounts (${missing.length} new), ` +
      `${forums.partnerships} new partnerships, ${forums.threads} new forum threads, ` +
      `${workshops.workshops} new workshops (one live now), ${visits.visits} new study visits, ` +
      `${training.requests} new training requests, ${courses.courses} new courses, ` +
      `${courses.certificates} new certificates. ` +
      `Demo password: ${DEMO_PASSWORD}`,
  );
}
