import { TRAINING_MATCH_WEIGHTS, type TrainingMatchDto } from '@twinning/contracts';
import type { Formatters, Translate } from '../../lib/i18n';

export interface MatchReason {
  key: string;
  text: string;
  points: number;
}

/**
 * A candidate's score told as sentences, one per criterion, each with the points it adds (they add up
 * to the score): built from the reason codes and their parameters, in the interface language.
 */
export function matchReasons(match: TrainingMatchDto, t: Translate, format: Formatters): MatchReason[] {
  const { reasons, breakdown } = match;
  const result: MatchReason[] = [];
  result.push({
    key: 'skills',
    points: breakdown.skills,
    text:
      reasons.sharedSkills.length > 0
        ? t('training.reason.skills', {
            skills: format.list(reasons.sharedSkills.map((skill) => t(`training.skill.${skill}`))),
          })
        : t('training.reason.noSkills'),
  });
  if (reasons.sharedThemes.length > 0) {
    result.push({
      key: 'themes',
      points: breakdown.themes,
      text: t('training.reason.themes', {
        themes: format.list(reasons.sharedThemes.map((theme) => t(`themes.${theme}`))),
      }),
    });
  }
  result.push({
    key: 'language',
    points: breakdown.language,
    text:
      reasons.commonLanguages.length > 0
        ? t('training.reason.language', {
            languages: format.list(reasons.commonLanguages.map((code) => format.languageName(code))),
          })
        : t('training.reason.noLanguage'),
  });
  if (reasons.timeZone) {
    const { requester, candidate, overlapHours } = reasons.timeZone;
    result.push({
      key: 'timeZone',
      points: breakdown.timeZone,
      text:
        overlapHours > 0
          ? t('training.reason.timeZone', { hours: format.number(overlapHours), requester, candidate })
          : t('training.reason.noOverlap', { requester, candidate }),
    });
  }
  if (reasons.profiles) {
    const candidate = t(`profiles.${reasons.profiles.candidate}`);
    result.push({
      key: 'profile',
      points: breakdown.profile,
      text: reasons.profiles.complementary
        ? t('training.reason.complementary', { profile: candidate })
        : t('training.reason.sameProfile', { profile: candidate }),
    });
  }
  const { answers, average } = reasons.evaluations;
  result.push({
    key: 'evaluation',
    points: breakdown.evaluation,
    text:
      average === null
        ? t('training.reason.fewEvaluations', { count: answers, min: TRAINING_MATCH_WEIGHTS.evaluationMinAnswers })
        : t('training.reason.evaluations', { average: format.number(average), count: answers }),
  });
  return result;
}
