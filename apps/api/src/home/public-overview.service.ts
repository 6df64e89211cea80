import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PUBLIC_OVERVIEW_CITIES_PER_REGION,
  PUBLIC_OVERVIEW_WORKSHOPS,
  type PublicOverviewDto,
} from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';

const isoText = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/*
 * $1 cities per region, $2 now, $3 workshops. Public facts only: city names (the directory is public)
 * and the titles and times of public workshops, never a partnership's.
 */
const OVERVIEW_SQL = `
WITH ranked AS (
  SELECT c.region, c.slug, c.name, c.country_code,
         row_number() OVER (PARTITION BY c.region ORDER BY c.name, c.id) AS rank,
         count(*) OVER (PARTITION BY c.region) AS region_count
    FROM cities c
),
regions AS (
  SELECT region, max(region_count)::int AS city_count,
         json_agg(json_build_object('slug', slug, 'name', name, 'countryCode', country_code) ORDER BY rank)
           FILTER (WHERE rank <= $1) AS cities
    FROM ranked GROUP BY region
),
workshops AS (
  SELECT w.id, w.title, w.starts_at, w.ends_at, w.language FROM workshops w
   WHERE w.scope = 'public' AND w.status <> 'ended' AND w.ends_at > $2
   ORDER BY w.starts_at, w.id LIMIT $3
)
SELECT (SELECT coalesce(sum(city_count), 0)::int FROM regions) AS city_count,
       (SELECT coalesce(json_agg(json_build_object('region', region, 'cityCount', city_count, 'cities', cities)
                 ORDER BY city_count DESC, region), '[]'::json) FROM regions) AS regions,
       (SELECT coalesce(json_agg(json_build_object('id', id, 'title', title, 'startsAt', ${isoText('starts_at')},
                 'endsAt', ${isoText('ends_at')}, 'language', language) ORDER BY starts_at, id), '[]'::json)
          FROM workshops) AS upcoming_workshops`;

/** The public landing page's facts, in one statement. */
@Injectable()
export class PublicOverviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async get(): Promise<PublicOverviewDto> {
    const [row]: {
      city_count: number;
      regions: PublicOverviewDto['regions'];
      upcoming_workshops: PublicOverviewDto['upcomingWorkshops'];
    }[] = await this.dataSource.query(OVERVIEW_SQL, [
      PUBLIC_OVERVIEW_CITIES_PER_REGION,
      this.clock.now(),
      PUBLIC_OVERVIEW_WORKSHOPS,
    ]);
    return { cityCount: row.city_count, regions: row.regions, upcomingWorkshops: row.upcoming_workshops };
  }
}
