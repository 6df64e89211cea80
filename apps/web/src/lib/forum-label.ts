import type { ForumKind, ForumSummaryDto, Theme } from '@twinning/contracts';
import type { Translate } from './i18n';

/** What a forum's name is made of, in the shapes the API uses (summaries, search results, flags, audit entries). */
export interface ForumLabelSource {
  kind: ForumKind;
  theme: Theme | null;
  partnershipTitle: string | null;
  courseTitle: string | null;
}

export function labelSourceOf(forum: ForumSummaryDto): ForumLabelSource {
  return {
    kind: forum.kind,
    theme: forum.theme,
    partnershipTitle: forum.partnership?.title ?? null,
    courseTitle: forum.course?.title ?? null,
  };
}

/** A theme forum is named after its theme (translated), a course's forum after the course, a partnership forum after the partnership. */
export function forumName(t: Translate, forum: ForumLabelSource): string {
  if (forum.kind === 'theme' && forum.theme) return t(`themes.${forum.theme}`);
  if (forum.kind === 'course') return forum.courseTitle ?? t('forums.courseForum');
  return forum.partnershipTitle ?? t('forums.partnershipForum');
}
