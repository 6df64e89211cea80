import type { WorkshopMessageDto } from '@twinning/contracts';
import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { useI18n, type Translate } from '../../../../lib/i18n';
import type { Formatters } from '../../../../lib/i18n';
import { formatDuration, lastSeqOf, secondsUntil, type RoomState } from '../../realtime/room-state';
import type { RoomStore } from '../../realtime/room-store';

/** At most one announcement of new messages per this many milliseconds; the rest are summed up. */
export const ANNOUNCE_WINDOW_MS = 3_000;
const EXCERPT_LENGTH = 140;

/**
 * Gathers new messages for announcing: the first after a quiet period is announced at once, those that
 * follow within the window are announced together when it ends ("3 new messages from …").
 */
export class MessageThrottle {
  private queue: WorkshopMessageDto[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly emit: (batch: WorkshopMessageDto[]) => void,
    private readonly windowMs = ANNOUNCE_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  push(messages: readonly WorkshopMessageDto[]): void {
    if (messages.length === 0) return;
    this.queue.push(...messages);
    if (this.timer !== null) return;
    const wait = this.lastAt + this.windowMs - this.now();
    if (wait <= 0) this.flush();
    else {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush();
      }, wait);
    }
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.queue = [];
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    this.lastAt = this.now();
    this.emit(batch);
  }
}

export function describeNewMessages(t: Translate, format: Formatters, batch: readonly WorkshopMessageDto[]): string {
  const first = batch[0];
  if (!first) return '';
  if (batch.length === 1) {
    const text = first.body.replace(/\s+/g, ' ').trim();
    const excerpt = text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
    return t('room.announce.message', { name: first.author.displayName, text: excerpt });
  }
  const names = [...new Set(batch.map((m) => m.author.displayName))];
  if (names.length > 3) return t('room.announce.messagesMany', { count: batch.length });
  return t('room.announce.messages', { count: batch.length, names: format.list(names) });
}

/** What changed in the room that a screen-reader user should hear about (besides messages). */
export function describeRoomChanges(
  t: Translate,
  language: string,
  prev: RoomState,
  next: RoomState,
  now: number,
): string[] {
  const texts: string[] = [];
  const before = prev.room;
  const after = next.room;
  if (!before || !after) return texts; // The first join is not news.
  if (before.status !== after.status) {
    if (after.status === 'ended') texts.push(t('room.announce.ended'));
    else if (after.status === 'live') texts.push(t('room.announce.live'));
  }
  if (before.mutedUntil !== after.mutedUntil) {
    const left = secondsUntil(after.mutedUntil, now);
    texts.push(
      left > 0 ? t('room.announce.mutedYou', { time: formatDuration(left, language) }) : t('room.announce.unmutedYou'),
    );
  }
  if (before.locked !== after.locked)
    texts.push(after.locked ? t('room.announce.locked') : t('room.announce.unlocked'));
  if (before.slowModeSeconds !== after.slowModeSeconds) {
    texts.push(
      after.slowModeSeconds > 0
        ? t('room.announce.slowMode', { count: after.slowModeSeconds })
        : t('room.announce.slowModeOff'),
    );
  }
  if (next.lastCalled && next.lastCalled !== prev.lastCalled && next.lastCalled.id !== next.viewerId) {
    texts.push(t('room.announce.called', { name: next.lastCalled.displayName }));
  }
  if (after.role === 'facilitator' && next.reports.length > prev.reports.length) {
    const known = new Set(prev.reports.map((r) => r.id));
    for (const report of next.reports) {
      if (!known.has(report.id)) texts.push(t('room.announce.report', { name: report.reporter.displayName }));
    }
  }
  return texts;
}

/** Messages from others that arrived live (or in a rejoin's replay); not the history of the first join. */
export function newMessagesFromOthers(prev: RoomState, next: RoomState): WorkshopMessageDto[] {
  if (!prev.everJoined || next.messages === prev.messages) return [];
  const after = lastSeqOf(prev) ?? 0;
  return next.messages.filter((m) => m.seq > after && m.author.id !== next.viewerId && m.deletedAt === null);
}

export interface Announcement {
  text: string;
  /** Changes with every announcement, so that the same sentence twice is read twice. */
  n: number;
}

/**
 * The text of the room's polite live region: new messages from others (throttled), and changes to the
 * room (mute, lock, slow mode, end, a participant called on, reports for facilitators). `say` adds an
 * announcement of the viewer's own actions.
 */
export function useRoomAnnouncer(store: RoomStore): { announcement: Announcement; say: (text: string) => void } {
  const { t, format, language } = useI18n();
  const [announcement, setAnnouncement] = useState<Announcement>({ text: '', n: 0 });
  const say = useCallback((text: string) => setAnnouncement((previous) => ({ text, n: previous.n + 1 })), []);

  const onMessages = useEffectEvent((batch: WorkshopMessageDto[]) => say(describeNewMessages(t, format, batch)));
  const onChange = useEffectEvent((prev: RoomState, next: RoomState) => {
    const texts = describeRoomChanges(t, language, prev, next, Date.now());
    if (texts.length > 0) say(texts.join(' '));
  });

  useEffect(() => {
    let prev = store.getState();
    const throttle = new MessageThrottle((batch) => onMessages(batch));
    const unsubscribe = store.subscribe(() => {
      const next = store.getState();
      throttle.push(newMessagesFromOthers(prev, next));
      onChange(prev, next);
      prev = next;
    });
    return () => {
      unsubscribe();
      throttle.cancel();
    };
  }, [store]);

  return { announcement, say };
}
