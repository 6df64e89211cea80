import { Injectable } from '@nestjs/common';
import {
  LIVE_TRAINING_FORMATS,
  TRAINING_MATCH_WEIGHTS as W,
  zoneOffsetAt,
  type ImmigrationProfile,
  type Theme,
  type TrainingFormat,
  type TrainingMatchDto,
  type TrainingMatchesDto,
  type TrainingSkill,
  type WorkLanguage,
} from '@twinning/contracts';
import type { AuthUser } from '../common/auth-user';
import { TrainingAccess } from './training-access';
import { TrainingMatchingRepository } from './training-matching.repository';

/** How many candidates the ranking returns. */
export const TRAINING_MATCHES_MAX = 20;

/** What a request asks for, as matching reads it. */
export interface MatchRequest {
  skills: TrainingSkill[];
  themes: Theme[];
  languages: WorkLanguage[];
  format: TrainingFormat;
  timeZone: string;
  preferredStart: string;
  requesterProfiles: ImmigrationProfile[];
}

/** What a candidate brings. `profile` null for people; evaluations until there are any: 0 answers. */
export interface MatchCandidate {
  skills: readonly TrainingSkill[];
  themes: readonly Theme[];
  /** ISO 639-1 codes, or BCP 47 tags (their primary language is compared). */
  languages: readonly string[];
  timeZone: string;
  profile: ImmigrationProfile | null;
  evaluations: { answers: number; average: number };
}

/**
 * Hours both zones spend in their working day (09:00–17:00 local) at once, on the first preferred
 * day; whole or half hours.
 */
export function workingHoursOverlap(a: string, b: string, date: string): number {
  const at = Date.parse(`${date}T12:00:00Z`);
  let diff = Math.abs(zoneOffsetAt(a, at) - zoneOffsetAt(b, at)) / 3_600_000;
  if (diff > 12) diff = 24 - diff;
  return Math.max(0, Math.round((W.workingHours - diff) * 2) / 2);
}

/** The score and its parts (see TRAINING_MATCH_WEIGHTS), so a person can recompute it from the reasons. */
export function scoreTrainingMatch(
  request: MatchRequest,
  candidate: MatchCandidate,
): Pick<TrainingMatchDto, 'score' | 'breakdown' | 'reasons'> {
  const sharedSkills = request.skills.filter((s) => candidate.skills.includes(s));
  const sharedThemes = request.themes.filter((t) => candidate.themes.includes(t));
  const spoken = new Set(candidate.languages.map((l) => l.split('-')[0].toLowerCase()));
  const commonLanguages = request.languages.filter((l) => spoken.has(l));
  const live = LIVE_TRAINING_FORMATS.includes(request.format);
  const overlapHours = live ? workingHoursOverlap(request.timeZone, candidate.timeZone, request.preferredStart) : 0;
  const complementary =
    candidate.profile !== null && request.requesterProfiles.some((profile) => profile !== candidate.profile);
  const rated = candidate.evaluations.answers >= W.evaluationMinAnswers;
  const breakdown = {
    skills: Math.min(sharedSkills.length, W.sharedSkillsMax) * W.sharedSkill,
    themes: Math.min(sharedThemes.length, W.sharedThemesMax) * W.sharedTheme,
    language: commonLanguages.length > 0 ? W.commonLanguage : 0,
    timeZone: live ? Math.round((W.timeZoneOverlap * overlapHours) / W.workingHours) : 0,
    profile: complementary ? W.complementaryProfile : 0,
    evaluation: rated ? Math.round(((candidate.evaluations.average - 1) / 4) * W.evaluation) : 0,
  };
  return {
    score: Object.values(breakdown).reduce((sum, part) => sum + part, 0),
    breakdown,
    reasons: {
      sharedSkills,
      sharedThemes,
      commonLanguages,
      timeZone: live ? { requester: request.timeZone, candidate: candidate.timeZone, overlapHours } : null,
      profiles:
        candidate.profile === null
          ? null
          : { requester: request.requesterProfiles, candidate: candidate.profile, complementary },
      evaluations: {
        answers: candidate.evaluations.answers,
        average: rated ? candidate.evaluations.average : null,
      },
    },
  };
}

/** A candidate's past evaluations (the average counts only from evaluationMinAnswers answers). */
const evaluationsOf = (row: { eval_answers: number; eval_average: number | null }) => ({
  answers: row.eval_answers,
  average: row.eval_average ?? 0,
});

/**
 * Ranks facilitators and expert cities for a request, best first (ties: more shared skills, then
 * name). Only requesters and admins see the ranking. Three queries whatever the number of
 * candidates: the request, the facilitators, the expert cities.
 */
@Injectable()
export class TrainingMatchingService {
  constructor(
    private readonly access: TrainingAccess,
    private readonly candidates: TrainingMatchingRepository,
  ) {}

  async matches(user: AuthUser, id: string): Promise<TrainingMatchesDto> {
    const { row } = await this.access.require(user, id, {
      requester: 'Only the requesters can see the ranked trainers.',
    });
    const request: MatchRequest = {
      skills: row.skills,
      themes: row.themes,
      languages: row.languages,
      format: row.format,
      timeZone: row.time_zone,
      preferredStart: row.preferred_start,
      requesterProfiles: row.requester_profiles,
    };
    const [people, cities] = await Promise.all([
      this.candidates.facilitators(row.created_by ? [row.created_by] : []),
      this.candidates.expertCities(row.requesting_city_ids),
    ]);
    const items: TrainingMatchDto[] = [
      ...people.map((p) => ({
        kind: 'facilitator' as const,
        user: { id: p.id, displayName: p.display_name },
        city: null,
        ...scoreTrainingMatch(request, {
          skills: p.skills,
          themes: p.themes,
          languages: p.work_languages,
          timeZone: p.time_zone,
          profile: null,
          evaluations: evaluationsOf(p),
        }),
      })),
      ...cities.map((c) => ({
        kind: 'city' as const,
        user: null,
        city: {
          id: c.id,
          slug: c.slug,
          name: c.name,
          countryCode: c.country_code,
          region: c.region,
          immigrationProfile: c.immigration_profile,
          population: c.population,
          themes: c.themes,
        },
        ...scoreTrainingMatch(request, {
          skills: c.training_skills,
          themes: c.themes,
          languages: c.languages,
          timeZone: c.time_zone,
          profile: c.immigration_profile,
          evaluations: evaluationsOf(c),
        }),
      })),
    ];
    const nameOf = (m: TrainingMatchDto) => m.user?.displayName ?? m.city?.name ?? '';
    items.sort(
      (a, b) =>
        b.score - a.score ||
        b.reasons.sharedSkills.length - a.reasons.sharedSkills.length ||
        nameOf(a).localeCompare(nameOf(b), 'en'),
    );
    return { requestId: id, weights: W, items: items.slice(0, TRAINING_MATCHES_MAX) };
  }
}
