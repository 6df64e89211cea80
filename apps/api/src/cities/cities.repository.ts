import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CityDto,
  CitySummaryDto,
  CreateCityRequest,
  ImmigrationProfile,
  PartnershipCityStatus,
  Region,
  Theme,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { escapeLike } from '../common/sql';
import { CityEntity } from '../database/entities/city.entity';

/** Columns of a city summary, on alias `c`. Only this file writes them: other features call the methods below. */
const SUMMARY_COLUMNS = `c.id, c.slug, c.name, c.country_code, c.region, c.immigration_profile, c.population, c.themes`;

interface SummaryRow {
  id: string;
  slug: string;
  name: string;
  country_code: string;
  region: CitySummaryDto['region'];
  immigration_profile: CitySummaryDto['immigrationProfile'];
  population: number;
  themes: CitySummaryDto['themes'];
}

function toSummary(row: SummaryRow): CitySummaryDto {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    countryCode: row.country_code,
    region: row.region,
    immigrationProfile: row.immigration_profile,
    population: row.population,
    themes: row.themes,
  };
}

export function toCityDto(city: CityEntity): CityDto {
  return {
    id: city.id,
    slug: city.slug,
    name: city.name,
    countryCode: city.countryCode,
    region: city.region,
    immigrationProfile: city.immigrationProfile,
    population: city.population,
    themes: city.themes,
    languages: city.languages,
    timeZone: city.timeZone,
    description: city.description,
    trainingSkills: city.trainingSkills,
    createdAt: city.createdAt.toISOString(),
    updatedAt: city.updatedAt.toISOString(),
  };
}

export type CityRef = { id: string; slug: string; name: string };

/** The directory's filters; `after` is the keyset (name, id) of the previous page's last city. */
export interface DirectoryFilter {
  region?: Region;
  profile?: ImmigrationProfile;
  theme?: Theme;
  q?: string;
  after: [string, string] | null;
  /** Rows to read (the page size plus one, to know whether another page follows). */
  take: number;
}

/** A city's place in a partnership, as the partnership page shows it. */
export interface PartnershipCityRecord {
  city: CitySummaryDto;
  status: PartnershipCityStatus;
  invitedBy: string | null;
  inviterName: string | null;
  invitedByCityId: string | null;
  invitedAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  deciderName: string | null;
  message: string;
}

/** A possible partner for a city (matching): its summary and where the two cities already stand. */
export interface PartnerCandidate {
  city: CitySummaryDto;
  /** Already in an active partnership together. */
  activePartner: boolean;
  /** A proposal between the two waiting for an answer. */
  pendingProposalId: string | null;
}

/**
 * Cities and their summaries. The one place that knows how a city summary is read, so partnerships
 * and matching get theirs from here (each method one query).
 */
@Injectable()
export class CitiesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The directory: filters by region, profile, theme and text, ordered by (name, id). */
  async directory(filter: DirectoryFilter): Promise<CitySummaryDto[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.region) where.push(`c.region = ${p(filter.region)}`);
    if (filter.profile) where.push(`c.immigration_profile = ${p(filter.profile)}`);
    if (filter.theme) where.push(`c.themes @> ARRAY[${p(filter.theme)}]::text[]`);
    if (filter.q) {
      where.push(
        `(c.name ILIKE ${p(`%${escapeLike(filter.q)}%`)} OR c.search @@ plainto_tsquery('simple', ${p(filter.q)}))`,
      );
    }
    if (filter.after) where.push(`(c.name, c.id) > (${p(filter.after[0])}, ${p(filter.after[1])}::uuid)`);
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM cities c
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY c.name, c.id LIMIT ${p(filter.take)}`;
    const rows: SummaryRow[] = await this.dataSource.query(sql, params);
    return rows.map(toSummary);
  }

  /** Summaries of the given cities, by id; unknown ids are absent. */
  async summaries(
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, CitySummaryDto>> {
    const rows: SummaryRow[] = await manager.query(
      `SELECT ${SUMMARY_COLUMNS} FROM cities c WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, toSummary(row)]));
  }

  async findRef(id: string, manager: EntityManager = this.dataSource.manager): Promise<CityRef | undefined> {
    const [row]: CityRef[] = await manager.query(`SELECT id, slug, name FROM cities WHERE id = $1`, [id]);
    return row;
  }

  async exists(id: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM cities WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<CityEntity | null> {
    return manager.findOne(CityEntity, { where: { id } });
  }

  findBySlug(slug: string): Promise<CityEntity | null> {
    return this.dataSource.manager.findOne(CityEntity, { where: { slug } });
  }

  /** The city, which must exist (e.g. a membership's city). */
  getById(id: string, manager: EntityManager = this.dataSource.manager): Promise<CityEntity> {
    return manager.findOneOrFail(CityEntity, { where: { id } });
  }

  findByIdForUpdate(manager: EntityManager, id: string): Promise<CityEntity | null> {
    return manager.findOne(CityEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async save(manager: EntityManager, city: CityEntity): Promise<void> {
    await manager.save(city);
  }

  /** Inserts the city unless its slug is taken; the new id, or null. */
  async insertUnlessSlugTaken(values: CreateCityRequest & { slug: string }): Promise<string | null> {
    const inserted = await this.dataSource
      .getRepository(CityEntity)
      .createQueryBuilder()
      .insert()
      .values(values)
      .orIgnore()
      .returning(['id'])
      .execute();
    return (inserted.raw as { id: string }[])[0]?.id ?? null;
  }

  /** The cities of a partnership (proposers first, then by invitation), with who invited and answered. */
  async inPartnership(partnershipId: string): Promise<PartnershipCityRecord[]> {
    const rows: (SummaryRow & {
      status: PartnershipCityStatus;
      invited_by: string | null;
      inviter_name: string | null;
      invited_by_city_id: string | null;
      invited_at: Date;
      decided_at: Date | null;
      decided_by: string | null;
      decider_name: string | null;
      message: string;
    })[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS},
              pc.status, pc.invited_by, i.display_name AS inviter_name, pc.invited_by_city_id, pc.invited_at,
              pc.decided_at, pc.decided_by, d.display_name AS decider_name, pc.message
         FROM partnership_cities pc
         JOIN cities c ON c.id = pc.city_id
         LEFT JOIN users i ON i.id = pc.invited_by
         LEFT JOIN users d ON d.id = pc.decided_by
        WHERE pc.partnership_id = $1
        ORDER BY (pc.invited_by_city_id IS NOT NULL), pc.invited_at, c.name`,
      [partnershipId],
    );
    return rows.map((row) => ({
      city: toSummary(row),
      status: row.status,
      invitedBy: row.invited_by,
      inviterName: row.inviter_name,
      invitedByCityId: row.invited_by_city_id,
      invitedAt: row.invited_at,
      decidedAt: row.decided_at,
      decidedBy: row.decided_by,
      deciderName: row.decider_name,
      message: row.message,
    }));
  }

  /**
   * Every other city (optionally of one region or with one theme) as a possible partner of `cityId`,
   * with whether the two are already active partners and the id of a proposal between them.
   */
  async partnerCandidates(cityId: string, filter: { region?: Region; theme?: Theme }): Promise<PartnerCandidate[]> {
    const params: unknown[] = [cityId];
    const where = ['c.id <> $1'];
    if (filter.region) {
      params.push(filter.region);
      where.push(`c.region = $${params.length}`);
    }
    if (filter.theme) {
      params.push(filter.theme);
      where.push(`c.themes @> ARRAY[$${params.length}]::text[]`);
    }
    const rows: (SummaryRow & { active: boolean; pending_id: string | null })[] = await this.dataSource.query(
      `WITH mine AS (
         SELECT p.id, p.status FROM partnerships p
           JOIN partnership_cities pc ON pc.partnership_id = p.id AND pc.city_id = $1 AND pc.status IN ('member', 'invited')
          WHERE p.status IN ('proposed', 'active'))
       SELECT ${SUMMARY_COLUMNS},
              EXISTS (SELECT 1 FROM mine JOIN partnership_cities o ON o.partnership_id = mine.id
                       WHERE o.city_id = c.id AND o.status = 'member' AND mine.status = 'active'
                         AND EXISTS (SELECT 1 FROM partnership_cities s WHERE s.partnership_id = mine.id
                                       AND s.city_id = $1 AND s.status = 'member')) AS active,
              (SELECT mine.id FROM mine JOIN partnership_cities o ON o.partnership_id = mine.id
                WHERE o.city_id = c.id AND o.status IN ('member', 'invited') AND mine.status = 'proposed'
                LIMIT 1) AS pending_id
         FROM cities c
        WHERE ${where.join(' AND ')}`,
      params,
    );
    return rows.map((row) => ({ city: toSummary(row), activePartner: row.active, pendingProposalId: row.pending_id }));
  }
}
