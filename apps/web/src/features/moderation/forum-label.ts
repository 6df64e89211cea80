import type { ForumKind, Theme } from '@twinning/contracts';
import type { Translate } from '../../lib/i18n';

/** A theme forum is named after its theme (translated); a partnership forum after the partnership. */
export function forumLabel(
  t: Translate,
  forum: { kind: ForumKind; theme: Theme | null; partnershipTitle: string | null } | null,
): string {
  if (!forum) return t('modAudit.noForum');
  if (forum.kind === 'theme' && forum.theme) return t(`themes.${forum.theme}`);
  return forum.partnershipTitle ?? t('forums.partnershipForum');
}
