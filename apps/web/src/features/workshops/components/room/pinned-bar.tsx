import type { WorkshopMessageDto } from '@twinning/contracts';
import { useId } from 'react';
import { useT } from '../../../../lib/i18n';

export interface PinnedBarProps {
  pinned: readonly WorkshopMessageDto[];
  /** Seqs of the messages loaded in the conversation (the others cannot be shown there). */
  isLoaded: (seq: number) => boolean;
  onShow: (seq: number) => void;
}

/** A message's text on one line (its markdown source without the marks that matter most). */
function oneLine(body: string): string {
  return body
    .replace(/[*_`#>~[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The messages facilitators pinned: a one-line banner (how many, and the newest one's start) that opens
 * into the list, newest first.
 */
export function PinnedBar({ pinned, isLoaded, onShow }: PinnedBarProps) {
  const t = useT();
  const headingId = useId();
  if (pinned.length === 0) return null;
  const newestFirst = [...pinned].sort((a, b) => b.seq - a.seq);
  const newest = newestFirst[0];
  return (
    <details className="room-pinned">
      <summary className="room-pinned__summary">
        <span id={headingId} className="room-pinned__title">
          <svg className="room-pinned__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M10.5 1 15 5.5l-1.4 1.4-.7-.7-2.8 2.8.3 3.3-1.4 1.4L6.2 10 2 14.2 1.8 14 6 9.8 2.3 6 3.7 4.6l3.3.3 2.8-2.8-.7-.7z" />
          </svg>
          {t('room.pinned.title', { count: pinned.length })}
        </span>
        {newest ? (
          <span className="room-pinned__preview" dir="auto">
            {newest.author.displayName}: {oneLine(newest.body)}
          </span>
        ) : null}
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
