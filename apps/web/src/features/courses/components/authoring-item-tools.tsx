import { useT } from '../../../lib/i18n';

export interface AuthoringItemToolsProps {
  /** The item's name as read out, e.g. "lesson 2" ("Move lesson 2 up"). */
  name: string;
  index: number;
  count: number;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
  /** The last item of a list that needs one cannot be removed. */
  removable?: boolean;
}

/**
 * Move up, move down and remove buttons for one item of a list: plain buttons, usable by keyboard. At the ends
 * the move buttons say they are unavailable (aria-disabled) but keep focus, so a moved item's button does not
 * drop the keyboard user's place.
 */
export function AuthoringItemTools({
  name,
  index,
  count,
  onMove,
  onRemove,
  removable = true,
}: AuthoringItemToolsProps) {
  const t = useT();
  return (
    <div className="button-row authoring-tools">
      <button
        type="button"
        className="button button--secondary button--small"
        aria-disabled={index === 0 || undefined}
        aria-label={t('courseAuthoring.moveUpNamed', { name })}
        onClick={() => index > 0 && onMove(-1)}
      >
        {t('courseAuthoring.moveUp')}
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        aria-disabled={index === count - 1 || undefined}
        aria-label={t('courseAuthoring.moveDownNamed', { name })}
        onClick={() => index < count - 1 && onMove(1)}
      >
        {t('courseAuthoring.moveDown')}
      </button>
      <button
        type="button"
        className="button button--danger button--small"
        disabled={!removable}
        aria-label={t('courseAuthoring.removeNamed', { name })}
        onClick={onRemove}
      >
        {t('courseAuthoring.remove')}
      </button>
    </div>
  );
}
