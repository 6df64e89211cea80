import type { AuthorDto } from '@twinning/contracts';
import { useI18n, type Translate } from '../../../../lib/i18n';
import { formatDuration } from '../../realtime/room-state';
import { ActionMenu, type ActionMenuGroup } from './action-menu';

/** How long a facilitator may mute someone from the person menu (minutes). */
export const MUTE_CHOICES = [5, 15, 60] as const;

/** What a facilitator does to a participant, wherever they see them (people list, their messages). */
export interface PersonActions {
  onMute: (user: AuthorDto, minutes: number) => void;
  onRemove: (user: AuthorDto) => void;
}

/** The menu group for one participant: mute for 5, 15 or 60 minutes, unmute (while muted), remove. */
export function personGroup(
  t: Translate,
  language: string,
  user: AuthorDto,
  muted: boolean,
  actions: PersonActions,
): ActionMenuGroup {
  return {
    id: `person-${user.id}`,
    label: user.displayName,
    items: [
      ...MUTE_CHOICES.map((minutes) => ({
        id: `mute-${minutes}`,
        label: t('room.person.muteFor', { time: formatDuration(minutes * 60, language, 'long') }),
        onSelect: () => actions.onMute(user, minutes),
      })),
      ...(muted ? [{ id: 'unmute', label: t('room.mod.unmute'), onSelect: () => actions.onMute(user, 0) }] : []),
      { id: 'remove', label: t('room.person.remove'), danger: true, onSelect: () => actions.onRemove(user) },
    ],
  };
}

export interface PersonMenuProps {
  user: AuthorDto;
  muted: boolean;
  actions: PersonActions;
}

/** The "⋯" menu beside a participant in the people list (facilitators only). */
export function PersonMenu({ user, muted, actions }: PersonMenuProps) {
  const { t, language } = useI18n();
  return (
    <ActionMenu
      label={t('room.person.actions', { name: user.displayName })}
      groups={[personGroup(t, language, user, muted, actions)]}
    />
  );
}
