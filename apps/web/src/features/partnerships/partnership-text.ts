import type { CitySummaryDto, MatchSuggestionDto, PartnershipEventDto, UiLanguage } from '@twinning/contracts';
import type { Translate } from '../../lib/i18n';

/** "Ana Souza proposed the partnership on behalf of Toronto": one recorded transition as a sentence. */
export function eventSentence(t: Translate, event: PartnershipEventDto): string {
  const vars = {
    actor: event.actor?.displayName ?? t('partnerships.someone'),
    city: event.city?.name ?? t('partnerships.aCity'),
  };
  switch (event.action) {
    case 'proposed':
      return t('partnership.event.proposed', vars);
    case 'invited':
      return t('partnership.event.invited', vars);
    case 'accepted':
      return t('partnership.event.accepted', vars);
    case 'declined':
      return t('partnership.event.declined', vars);
    case 'withdrawn':
      return t('partnership.event.withdrawn', vars);
    case 'activated':
      return t('partnership.event.activated', vars);
    case 'concluded':
      return t('partnership.event.concluded', vars);
    case 'updated':
      return t('partnership.event.updated', vars);
  }
}

/** Theme names inside a sentence: "employment, health" (lower case where the language has cases). */
function themeList(t: Translate, language: UiLanguage, themes: MatchSuggestionDto['reasons']['sharedThemes']) {
  return themes.map((theme) => t(`themes.${theme}`).toLocaleLowerCase(language)).join(t('suggestions.listSeparator'));
}

/** Why a city is suggested, as sentences in the reader's language. */
export function reasonSentences(
  t: Translate,
  language: UiLanguage,
  mine: Pick<CitySummaryDto, 'name'>,
  suggestion: MatchSuggestionDto,
): string[] {
  const { profiles, sharedThemes, regions } = suggestion.reasons;
  const names = { mine: mine.name, theirs: suggestion.city.name };

  let profile: string;
  if (profiles.mine === 'traditional' && profiles.theirs === 'emerging') {
    profile = t('suggestions.reason.traditionalEmerging', names);
  } else if (profiles.mine === 'emerging' && profiles.theirs === 'traditional') {
    profile = t('suggestions.reason.emergingTraditional', names);
  } else if (profiles.mine === 'traditional') {
    profile = t('suggestions.reason.bothTraditional', names);
  } else {
    profile = t('suggestions.reason.bothEmerging', names);
  }

  const themes =
    sharedThemes.length > 0
      ? t('suggestions.reason.sharedThemes', { themes: themeList(t, language, sharedThemes) })
      : t('suggestions.reason.noSharedThemes');

  const region = regions.different
    ? t('suggestions.reason.differentRegions', {
        mine: t(`regions.${regions.mine}`),
        theirs: t(`regions.${regions.theirs}`),
      })
    : t('suggestions.reason.sameRegion', { region: t(`regions.${regions.mine}`) });

  return [profile, themes, region];
}

/**
 * A milestone's due date (a calendar day, "2026-03-01") in the reader's language. It is not a moment in
 * time, so it is formatted in UTC: no time zone may move it to the day before.
 */
export function formatDueDate(language: UiLanguage, dueDate: string): string {
  const day = dueDate.slice(0, 10);
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return dueDate;
  // The same parts as the shared formatters' dates (the month by name in every language, Arabic included).
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    date,
  );
}
