import { useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useT } from '../../../../lib/i18n';

export type MessageAction = 'report' | 'delete' | 'pin' | 'unpin';

export interface MessageActionsProps {
  authorName: string;
  actions: readonly MessageAction[];
  onAction: (action: MessageAction) => void;
}

/** A small disclosure with what the viewer may do with one message. Escape closes it. */
export function MessageActions({ authorName, actions, onAction }: MessageActionsProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);

  if (actions.length === 0) return null;

  function close(focusToggle: boolean) {
    setOpen(false);
    if (focusToggle) toggleRef.current?.focus();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    }
  }

  function handleBlur(event: FocusEvent<HTMLDivElement>) {
    if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
  }

  const labels: Record<MessageAction, string> = {
    report: t('room.message.report'),
    delete: t('room.message.delete'),
    pin: t('room.message.pin'),
    unpin: t('room.message.unpin'),
  };

  return (
    // Escape inside the open disclosure closes it; the buttons themselves are the interactive elements.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div className="room-message__actions" onKeyDown={handleKeyDown} onBlur={handleBlur}>
      <button
        ref={toggleRef}
        type="button"
        className="button button--small button--secondary room-message__toggle"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={t('room.message.actions', { name: authorName })}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      <ul id={listId} className="room-message__menu" hidden={!open}>
        {actions.map((action) => (
          <li key={action}>
            <button
              type="button"
              className={
                action === 'delete' ? 'button button--small button--danger' : 'button button--small button--secondary'
              }
              onClick={() => {
                close(true);
                onAction(action);
              }}
            >
              {labels[action]}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
