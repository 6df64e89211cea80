import type { AuthorDto, WorkshopMessageDto } from '@twinning/contracts';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { useT } from '../../../../lib/i18n';
import type { PendingMessage } from '../../realtime/room-state';
import type { ActionMenuGroup } from './action-menu';
import type { MessageAction } from './message-actions';
import { MessageItem, PendingItem, messageElementId, type RowProps } from './message-item';

/** Distance from the bottom (px) within which the list counts as "at the bottom" and follows new messages. */
const END_THRESHOLD = 48;
/** Distance from the top (px) at which older messages are fetched while scrolling up. */
const LOAD_OLDER_THRESHOLD = 240;

type Row =
  | { kind: 'message'; key: string; message: WorkshopMessageDto }
  | { kind: 'pending'; key: string; pending: PendingMessage };

/** A request to show a message (a new object each time, so the same message can be asked for twice). */
export interface JumpRequest {
  seq: number;
}

export interface MessageListProps {
  messages: readonly WorkshopMessageDto[];
  pending: readonly PendingMessage[];
  viewerId: string;
  viewerName: string;
  facilitator: boolean;
  readOnly: boolean;
  hasMoreBefore: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  onAction: (action: MessageAction, message: WorkshopMessageDto) => void;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
  /** Changes when the viewer sends a message: the list then goes to the end. */
  followToken: number;
  jumpTo: JumpRequest | null;
  /** Facilitators: the person menu of a message's author (null: none, e.g. for a facilitator). */
  personFor?: (author: AuthorDto) => ActionMenuGroup | null;
}

/**
 * The conversation, virtualised (only the rows near the viewport are in the page, each measured for its
 * real height). It stays at the bottom while the reader is there, offers a "N new messages" button when
 * they scrolled up, and loads older history at the top without moving what they are reading.
 */
export function MessageList({
  messages,
  pending,
  viewerId,
  viewerName,
  facilitator,
  readOnly,
  hasMoreBefore,
  loadingOlder,
  onLoadOlder,
  onAction,
  onRetry,
  onDiscard,
  followToken,
  jumpTo,
  personFor,
}: MessageListProps) {
  const t = useT();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [atEnd, setAtEnd] = useState(true);
  /** The last message seen at the bottom before the reader scrolled up. */
  const [seenSeq, setSeenSeq] = useState(0);

  const rows = useMemo<Row[]>(
    () => [
      ...messages.map((message): Row => ({ kind: 'message', key: `m${message.seq}`, message })),
      ...pending.map((p): Row => ({ kind: 'pending', key: `p${p.clientId}`, pending: p })),
    ],
    [messages, pending],
  );
  const getItemKey = useCallback((index: number) => rows[index]?.key ?? index, [rows]);

  // The virtualizer is mutable by design; this component is simply not memoised by the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => 72,
    getItemKey,
    overscan: 6,
    // Chat: prepending history keeps the reader's row in place; appending follows only at the bottom.
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: END_THRESHOLD,
  });

  // The list or its content changed size (the composer grew, a banner came, the window turned, the
  // language changed the rows' heights): a reader at the newest message stays there.
  const atEndRef = useRef(true);
  const lastTop = useRef(0);
  useEffect(() => {
    atEndRef.current = atEnd;
  }, [atEnd]);
  const hasRows = rows.length > 0;
  useEffect(() => {
    const element = scrollerRef.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => {
      if (atEndRef.current) element.scrollTop = element.scrollHeight;
    });
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [hasRows]);

  const lastSeq = messages[messages.length - 1]?.seq ?? 0;
  const unseen = atEnd ? 0 : messages.filter((m) => m.seq > seenSeq && m.author.id !== viewerId).length;

  // Open at the newest message.
  const openedAtEnd = useRef(false);
  useEffect(() => {
    if (openedAtEnd.current || rows.length === 0) return;
    openedAtEnd.current = true;
    virtualizer.scrollToEnd();
  }, [rows.length, virtualizer]);

  // The viewer sent a message: show it, wherever they were.
  useEffect(() => {
    if (followToken > 0) virtualizer.scrollToEnd();
  }, [followToken, virtualizer]);

  // Only a new request moves the view, not new messages.
  const jump = useEffectEvent((request: JumpRequest) => {
    const index = rows.findIndex((row) => row.kind === 'message' && row.message.seq === request.seq);
    if (index === -1) return undefined;
    virtualizer.scrollToIndex(index, { align: 'center' });
    const timer = setTimeout(() => document.getElementById(messageElementId(request.seq))?.focus(), 50);
    return () => clearTimeout(timer);
  });
  useEffect(() => (jumpTo ? jump(jumpTo) : undefined), [jumpTo]);

  function handleScroll() {
    const element = scrollerRef.current;
    if (!element) return;
    const end = element.scrollHeight - element.scrollTop - element.clientHeight <= END_THRESHOLD;
    // Away from the end only when the reader moved up: rows growing under them do not count.
    const movedUp = element.scrollTop < lastTop.current;
    lastTop.current = element.scrollTop;
    if (end && !atEnd) setAtEnd(true);
    else if (!end && atEnd && movedUp) {
      setAtEnd(false);
      setSeenSeq(lastSeq);
    }
    if (element.scrollTop < LOAD_OLDER_THRESHOLD && hasMoreBefore && !loadingOlder) onLoadOlder();
  }

  function jumpToEnd() {
    virtualizer.scrollToEnd();
    setAtEnd(true);
    scrollerRef.current?.focus();
  }

  const setSize = hasMoreBefore ? -1 : rows.length;

  return (
    <div className="room-log">
      {hasMoreBefore ? (
        <p className="room-log__more">
          <button
            type="button"
            className="button button--small button--secondary"
            disabled={loadingOlder}
            onClick={onLoadOlder}
          >
            {loadingOlder ? t('common.loadingMore') : t('room.log.loadOlder')}
          </button>
        </p>
      ) : null}
      <div
        ref={scrollerRef}
        className="room-log__scroller"
        role="region"
        aria-label={t('room.log.region')}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must take keyboard focus to be scrolled
        tabIndex={0}
        onScroll={handleScroll}
      >
        {rows.length === 0 ? (
          <p className="empty room-log__empty">{t('room.log.empty')}</p>
        ) : (
          <div
            role="feed"
            aria-busy={loadingOlder}
            aria-label={t('room.log.feed')}
            className="room-log__feed"
            style={{ blockSize: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              const rowProps: RowProps = {
                ref: virtualizer.measureElement,
                style: { transform: `translateY(${item.start}px)` },
                'data-index': item.index,
                'aria-posinset': item.index + 1,
                'aria-setsize': setSize,
              };
              return row.kind === 'message' ? (
                <MessageItem
                  key={row.key}
                  row={rowProps}
                  message={row.message}
                  viewerId={viewerId}
                  facilitator={facilitator}
                  readOnly={readOnly}
                  onAction={onAction}
                  person={personFor ? personFor(row.message.author) : null}
                />
              ) : (
                <PendingItem
                  key={row.key}
                  row={rowProps}
                  pending={row.pending}
                  authorName={viewerName}
                  onRetry={onRetry}
                  onDiscard={onDiscard}
                />
              );
            })}
          </div>
        )}
      </div>
      {unseen > 0 ? (
        <button type="button" className="button button--small room-log__jump" onClick={jumpToEnd}>
          {t('room.log.newMessages', { count: unseen })}
        </button>
      ) : null}
    </div>
  );
}
