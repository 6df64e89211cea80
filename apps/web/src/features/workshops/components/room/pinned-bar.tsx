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
          <span aria-hidden="true">📌 </span>
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
