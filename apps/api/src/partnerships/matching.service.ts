import { Injectable } from '@nestjs/common';
import {
  MATCH_WEIGHTS,
  PAGE_SIZE_DEFAULT,
  type CitySummaryDto,
  type MatchQuery,
  type MatchSuggestionDto,
  type MatchSuggestionsDto,
} from '@twinning/contracts';
import { CitiesRepository } from '../cities';
import { AppError } from '../common/app-error';

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
  constructor(private readonly cities: CitiesRepository) {}

  /**
   * Partner suggestions for a city, best first (ties: more shared themes, then name). Cities already
   * in an active partnership with it are left out; a pending proposal is pointed out. Two queries.
   */
  async suggest(cityId: string, query: MatchQuery): Promise<MatchSuggestionsDto> {
    const mine = (await this.cities.summaries([cityId])).get(cityId);
    if (!mine) throw AppError.notFound('City');
    const candidates = await this.cities.partnerCandidates(cityId, { region: query.region, theme: query.theme });
    const items = candidates
      .filter((candidate) => !candidate.activePartner)
      .map((candidate) => ({ ...scoreMatch(mine, candidate.city), pendingProposalId: candidate.pendingProposalId }))
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
