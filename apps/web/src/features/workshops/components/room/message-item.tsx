import type { WorkshopMessageDto } from '@twinning/contracts';
import { useId, type CSSProperties, type Ref } from 'react';
import { PersonChip } from '../../../../components/person/person-chip';
import { useI18n } from '../../../../lib/i18n';
import type { PendingMessage } from '../../realtime/room-state';
import type { ActionMenuGroup } from './action-menu';
import { MessageActions, type MessageAction } from './message-actions';
import { describeRoomError } from './room-errors';

/** Element id of a stored message in the page (the pinned bar jumps to it). */
export const messageElementId = (seq: number) => `room-message-${seq}`;

/** What the virtualised list puts on each row (its position, and the ref that measures its height). */
export interface RowProps {
  ref: Ref<HTMLElement>;
  style: CSSProperties;
  'data-index': number;
  'aria-posinset': number;
  'aria-setsize': number;
}

export interface MessageItemProps {
  row: RowProps;
  message: WorkshopMessageDto;
  viewerId: string;
  facilitator: boolean;
  /** An ended workshop: a transcript, nothing to do with its messages. */
  readOnly: boolean;
  onAction: (action: MessageAction, message: WorkshopMessageDto) => void;
  /** Facilitators: the author's person menu (mute, remove), shown in the message's menu. */
  person?: ActionMenuGroup | null;
}

/** A stored message: author, time, body (or tombstone), pinned mark and what the viewer may do with it. */
export function MessageItem({ row, message, viewerId, facilitator, readOnly, onAction, person }: MessageItemProps) {
  const { t, format } = useI18n();
  // the page's one time format (the shared formatters), in the viewer's time zone
  const time = format.time;
  const authorId = useId();
  const timeId = useId();
  const deleted = message.deletedAt !== null;
  const own = message.author.id === viewerId;

  const actions: MessageAction[] = [];
  if (!readOnly && !deleted) {
    if (facilitator) actions.push(message.pinned ? 'unpin' : 'pin', 'delete');
    if (!own) actions.push('report');
  }

  return (
    <article
      {...row}
      id={messageElementId(message.seq)}
      tabIndex={-1}
      aria-labelledby={`${authorId} ${timeId}`}
      className={['room-message', deleted ? 'room-message--deleted' : null, own ? 'room-message--own' : null]
        .filter(Boolean)
        .join(' ')}
    >
      <header className="room-message__header">
        <span className="room-message__author">
          <PersonChip person={message.author} size={24} layout="inline" nameId={authorId} />
        </span>
        <time
          id={timeId}
          className="room-message__time"
          dateTime={message.createdAt}
          title={format.dateTime(message.createdAt)}
        >
          {time(message.createdAt)}
        </time>
        {message.pinned && !deleted ? (
          <span className="badge room-message__pinned">{t('room.message.pinned')}</span>
        ) : null}
        <MessageActions
          authorName={message.author.displayName}
          actions={actions}
          onAction={(action) => onAction(action, message)}
          person={readOnly ? null : person}
        />
      </header>
      {deleted ? (
        <p className="room-message__tombstone">{t('room.message.deleted')}</p>
      ) : (
        <div
          className="post-markdown room-message__body"
          dir="auto"
          dangerouslySetInnerHTML={{ __html: message.bodyHtml }}
        />
      )}
    </article>
  );
}

export interface PendingItemProps {
  row: RowProps;
  pending: PendingMessage;
  authorName: string;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}

/** The viewer's own message before the server stored it: sending, waiting for the connection, or refused. */
export function PendingItem({ row, pending, authorName, onRetry, onDiscard }: PendingItemProps) {
  const { t } = useI18n();
  const authorId = useId();
  const stateId = useId();
  const failed = pending.status === 'failed';
  return (
    <article
      {...row}
      tabIndex={-1}
      aria-labelledby={`${authorId} ${stateId}`}
      className={`room-message room-message--own room-message--${pending.status}`}
    >
      <header className="room-message__header">
        <span id={authorId} className="room-message__author" dir="auto">
          {authorName}
        </span>
        <span id={stateId} className="room-message__time">
          {pending.status === 'failed'
            ? t('room.message.failed')
            : pending.status === 'sending'
              ? t('room.message.sending')
              : t('room.message.queued')}
        </span>
      </header>
      <p className="room-message__body room-message__body--plain" dir="auto">
        {pending.body}
      </p>
      {failed ? (
        <div className="room-message__failure">
          <p className="room-message__reason">
            {pending.error ? describeRoomError(t, pending.error) : t('errors.unexpected')}
          </p>
          <div className="button-row">
            <button type="button" className="button button--small" onClick={() => onRetry(pending.clientId)}>
              {t('room.message.retry')}
            </button>
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => onDiscard(pending.clientId)}
            >
              {t('room.message.discard')}
            </button>
          </div>
        </div>
      ) : null}
    </article>
  );
}
