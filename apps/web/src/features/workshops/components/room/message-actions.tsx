import { useT } from '../../../../lib/i18n';
import { ActionMenu, type ActionMenuGroup } from './action-menu';

export type MessageAction = 'report' | 'delete' | 'pin' | 'unpin';

export interface MessageActionsProps {
  authorName: string;
  actions: readonly MessageAction[];
  onAction: (action: MessageAction) => void;
  /** For facilitators: what they may do to the author (mute, unmute, remove), in the same menu. */
  person?: ActionMenuGroup | null;
}

/** The "⋯" menu of one message: what the viewer may do with it, and (facilitators) with its author. */
export function MessageActions({ authorName, actions, onAction, person }: MessageActionsProps) {
  const t = useT();
  const labels: Record<MessageAction, string> = {
    report: t('room.message.report'),
    delete: t('room.message.delete'),
    pin: t('room.message.pin'),
    unpin: t('room.message.unpin'),
  };
  const groups: ActionMenuGroup[] = [
    {
      id: 'message',
      items: actions.map((action) => ({
        id: action,
        label: labels[action],
        danger: action === 'delete',
        onSelect: () => onAction(action),
      })),
    },
  ];
  if (person) groups.push(person);
  return (
    <span className="room-message__actions">
      <ActionMenu label={t('room.message.actions', { name: authorName })} groups={groups} />
    </span>
  );
}
