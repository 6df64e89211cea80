import { WORKSHOP_LIMITS } from '@twinning/contracts';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useI18n } from '../../../../lib/i18n';
import { formatDuration, secondsUntil, type WriteBlock } from '../../realtime/room-state';

/** The character counter appears from this many characters on. */
const COUNTER_FROM = WORKSHOP_LIMITS.messageMax - 500;

export interface ComposerProps {
  /** Why the viewer cannot write now (null: they can). */
  block: WriteBlock | null;
  /** While muted: until when (ISO). */
  mutedUntil: string | null;
  /** After a SLOW_MODE refusal: epoch ms before which a send would be refused. */
  slowModeUntil: number | null;
  slowModeSeconds: number;
  now: number;
  onSend: (body: string) => void;
  onTyping: () => void;
}

/** The message box: Enter sends, Shift+Enter starts a new line; it says why it is disabled when it is. */
export function Composer({ block, mutedUntil, slowModeUntil, slowModeSeconds, now, onSend, onTyping }: ComposerProps) {
  const { t, language } = useI18n();
  const [body, setBody] = useState('');
  const ids = { textarea: useId(), hint: useId(), counter: useId(), state: useId() };
  const length = body.length;
  const tooLong = length > WORKSHOP_LIMITS.messageMax;
  const slowWait = secondsUntil(slowModeUntil, now);
  const muteLeft = secondsUntil(mutedUntil, now);
  const disabled = block !== null;

  let blockText: string | null = null;
  if (block === 'muted') blockText = t('room.composer.muted', { time: formatDuration(muteLeft, language) });
  else if (block === 'locked') blockText = t('room.composer.locked');
  else if (block === 'ended') blockText = t('room.composer.ended');
  else if (block === 'notOpen') blockText = t('room.composer.notOpen');
  else if (block === 'removed') blockText = t('room.composer.removed');
  else if (block === 'closed') blockText = t('room.composer.closed');

  function submit() {
    const text = body.trim();
    if (disabled || text === '' || tooLong) return;
    onSend(text);
    setBody('');
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends; Shift+Enter is a new line; Enter that confirms an input method's composition is neither.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    submit();
  }

  const describedBy = [ids.hint, blockText ? ids.state : null, length >= COUNTER_FROM ? ids.counter : null]
    .filter(Boolean)
    .join(' ');

  return (
    <form className="room-composer" onSubmit={handleSubmit} aria-label={t('room.composer.form')}>
      <label htmlFor={ids.textarea} className="room-composer__label">
        {t('room.composer.label')}
      </label>
      {blockText ? (
        <p id={ids.state} className={`room-composer__state room-composer__state--${block}`}>
          {blockText}
        </p>
      ) : null}
      <div className="room-composer__row">
        <textarea
          id={ids.textarea}
          className="room-composer__input"
          rows={2}
          dir="auto"
          placeholder={t('room.composer.placeholder')}
          value={body}
          disabled={disabled}
          aria-describedby={describedBy}
          aria-invalid={tooLong || undefined}
          onChange={(event) => {
            setBody(event.target.value);
            if (event.target.value.trim() !== '') onTyping();
          }}
          onKeyDown={handleKeyDown}
        />
        <button type="submit" className="button" disabled={disabled || body.trim() === '' || tooLong}>
          {t('room.composer.send')}
        </button>
      </div>
      <div className="room-composer__footer">
        <p id={ids.hint} className="room-composer__hint muted">
          {t('room.composer.hint')}
          {slowModeSeconds > 0 && !disabled ? (
            <>
              {' '}
              {slowWait > 0
                ? t('room.composer.slowWait', { count: slowWait })
                : t('room.composer.slowMode', { count: slowModeSeconds })}
            </>
          ) : null}
        </p>
        {length >= COUNTER_FROM ? (
          <p
            id={ids.counter}
            className={tooLong ? 'room-composer__counter room-composer__counter--over' : 'room-composer__counter'}
          >
            {t('room.composer.counter', { length, max: WORKSHOP_LIMITS.messageMax })}
          </p>
        ) : null}
      </div>
    </form>
  );
}
