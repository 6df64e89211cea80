import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  MATCH_WEIGHTS,
  PAGE_SIZE_DEFAULT,
  type CitySummaryDto,
  type MatchQuery,
  type MatchSuggestionDto,
  type MatchSuggestionsDto,
} from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { CITY_SUMMARY_COLUMNS, toCitySummary, type CityRow } from '../cities';
import { AppError } from '../common/app-error';

interface CandidateRow extends CityRow {
  active: boolean;
  pending_id: string | null;
}

/**
 * Scores a candidate partner for a city. The score is the sum of three documented parts (see
 * MATCH_WEIGHTS and the README), so a person can recompute it from the reasons:
 * complementary immigration profiles, shared focus themes (capped) and a different region.
 */
export function scoreMatch(
  mine: CitySummaryDto,
  theirs: CitySummaryDto,
): Omit<MatchSuggestionDto, 'pendingProposalId'> {
  const complementary = mine.immigrationProfile !== theirs.immigrationProfile;
  const sharedThemes = mine.themes.filter((t) => theirs.themes.includes(t));
  const differentRegion = mine.region !== theirs.region;
  const breakdown = {
    profile: complementary ? MATCH_WEIGHTS.complementaryProfile : 0,
    themes: Math.min(sharedThemes.length, MATCH_WEIGHTS.sharedThemesMax) * MATCH_WEIGHTS.sharedTheme,
    region: differentRegion ? MATCH_WEIGHTS.differentRegion : 0,
  };
  return {
    city: theirs,
    score: breakdown.profile + breakdown.themes + breakdown.region,
    breakdown,
    reasons: {
      profiles: { mine: mine.immigrationProfile, theirs: theirs.immigrationProfile, complementary },
      sharedThemes,
      regions: { mine: mine.region, theirs: theirs.region, different: differentRegion },
    },
  };
}

@Injectable()
export class MatchingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Partner suggestions for a city, best first (ties: more shared themes, then name). Cities already
   * in an active partnership with it are left out; a pending proposal is pointed out. Two queries.
   */
  async suggest(cityId: string, query: MatchQuery): Promise<MatchSuggestionsDto> {
    const [city]: CandidateRow[] = await this.dataSource.query(
      `SELECT ${CITY_SUMMARY_COLUMNS} FROM cities c WHERE c.id = $1`,
      [cityId],
    );
    if (!city) throw AppError.notFound('City');
    const params: unknown[] = [cityId];
    const where = ['c.id <> $1'];
    if (query.region) {
      params.push(query.region);
      where.push(`c.region = $${params.length}`);
    }
    if (query.theme) {
      params.push(query.theme);
      where.push(`c.themes @> ARRAY[$${params.length}]::text[]`);
    }
    const rows: CandidateRow[] = await this.dataSource.query(
      `WITH mine AS (
         SELECT p.id, p.status FROM partnerships p
           JOIN partnership_cities pc ON pc.partnership_id = p.id AND pc.city_id = $1 AND pc.status IN ('member', 'invited')
          WHERE p.status IN ('proposed', 'active'))
       SELECT ${CITY_SUMMARY_COLUMNS},
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
    const mine = toCitySummary(city);
    const items = rows
      .filter((row) => !row.active)
      .map((row) => ({ ...scoreMatch(mine, toCitySummary(row)), pendingProposalId: row.pending_id }))
      .sort(
        (a, b) =>
          b.score - a.score ||
          b.reasons.sharedThemes.length - a.reasons.sharedThemes.length ||
          a.city.name.localeCompare(b.city.name, 'en') ||
          a.city.id.localeCompare(b.city.id),
      )
      .slice(0, query.limit ?? PAGE_SIZE_DEFAULT);
    return { city: mine, weights: MATCH_WEIGHTS, items };
  }
}
