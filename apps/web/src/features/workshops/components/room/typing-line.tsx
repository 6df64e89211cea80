import { useI18n } from '../../../../lib/i18n';
import type { TypingEntry } from '../../realtime/room-state';

/** Who is typing. Not a live region: screen readers are not interrupted for it. */
export function TypingLine({ typing }: { typing: readonly TypingEntry[] }) {
  const { t, format } = useI18n();
  const names = typing.map((entry) => entry.user.displayName);
  let text = '';
  if (names.length === 1) text = t('room.typing.one', { name: names[0] ?? '' });
  else if (names.length > 1 && names.length <= 3) text = t('room.typing.some', { names: format.list(names) });
  else if (names.length > 3) text = t('room.typing.many');
  return (
    <p className="room-typing muted" dir="auto">
      {text}
    </p>
  );
}
