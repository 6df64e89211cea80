import type { WorkshopMessageDto } from '@twinning/contracts';
import { useId } from 'react';
import { useT } from '../../../../lib/i18n';

export interface PinnedBarProps {
  pinned: readonly WorkshopMessageDto[];
  /** Seqs of the messages loaded in the conversation (the others cannot be shown there). */
  isLoaded: (seq: number) => boolean;
  onShow: (seq: number) => void;
}

/** The messages facilitators pinned, newest first, in a disclosure that starts open. */
export function PinnedBar({ pinned, isLoaded, onShow }: PinnedBarProps) {
  const t = useT();
  const headingId = useId();
  if (pinned.length === 0) return null;
  const newestFirst = [...pinned].sort((a, b) => b.seq - a.seq);
  return (
    <details className="room-pinned" open>
      <summary className="room-pinned__summary">
        <span id={headingId}>{t('room.pinned.title', { count: pinned.length })}</span>
      </summary>
      <ul className="room-pinned__list" aria-labelledby={headingId}>
        {newestFirst.map((message) => (
          <li key={message.id} className="room-pinned__item">
            <p className="room-pinned__author" dir="auto">
              {message.author.displayName}
            </p>
            <div
              className="post-markdown room-pinned__body"
              dir="auto"
              dangerouslySetInnerHTML={{ __html: message.bodyHtml }}
            />
            {isLoaded(message.seq) ? (
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => onShow(message.seq)}
              >
                {t('room.pinned.show')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
