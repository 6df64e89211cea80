import type { WorkshopMessageDto } from '@twinning/contracts';
import type { PendingMessage, RoomState } from './room-state';

/**
 * The room's message list: kept in `seq` order without duplicates (by `seq` and by `id`), whatever order
 * the join replay, the acknowledgements and the broadcasts arrive in; a deleted message stays a tombstone.
 * The viewer's pending messages leave `pending` once the server has stored them (matched by `clientId`).
 */

function sameMessage(a: WorkshopMessageDto, b: WorkshopMessageDto): boolean {
  return (
    a.id === b.id &&
    a.seq === b.seq &&
    a.deletedAt === b.deletedAt &&
    a.pinned === b.pinned &&
    a.bodyHtml === b.bodyHtml &&
    a.body === b.body
  );
}

/** The newer copy of a message we hold, except that a tombstone is final (a late copy must not revive it). */
function mergeOne(current: WorkshopMessageDto, next: WorkshopMessageDto): WorkshopMessageDto {
  if (current.id !== next.id) return current; // Not the same message: keep the one we had.
  if (current.deletedAt && !next.deletedAt) return current;
  return sameMessage(current, next) ? current : next;
}

/**
 * Adds `incoming` to `existing` (sorted by seq): a seq already held is updated, never doubled, and a
 * message id already held under another seq is ignored. Returns `existing` itself when nothing changed.
 */
export function mergeMessages(
  existing: readonly WorkshopMessageDto[],
  incoming: readonly WorkshopMessageDto[],
): WorkshopMessageDto[] {
  if (incoming.length === 0) return existing as WorkshopMessageDto[];
  const bySeq = new Map<number, WorkshopMessageDto>();
  const ids = new Set<string>();
  for (const message of existing) {
    bySeq.set(message.seq, message);
    ids.add(message.id);
  }
  let changed = false;
  for (const message of incoming) {
    const current = bySeq.get(message.seq);
    if (current) {
      const merged = mergeOne(current, message);
      if (merged !== current) {
        bySeq.set(message.seq, merged);
        changed = true;
      }
      continue;
    }
    if (ids.has(message.id)) continue;
    bySeq.set(message.seq, message);
    ids.add(message.id);
    changed = true;
  }
  if (!changed) return existing as WorkshopMessageDto[];
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Drops the viewer's pending messages that the server has now stored (matched by clientId). */
function settlePending(
  pending: PendingMessage[],
  stored: readonly WorkshopMessageDto[],
  viewerId: string,
): PendingMessage[] {
  if (pending.length === 0) return pending;
  const mine = new Set(stored.filter((m) => m.author.id === viewerId).map((m) => m.clientId));
  if (mine.size === 0) return pending;
  const left = pending.filter((p) => !mine.has(p.clientId));
  return left.length === pending.length ? pending : left;
}

export function withMessages(state: RoomState, incoming: readonly WorkshopMessageDto[]): RoomState {
  const messages = mergeMessages(state.messages, incoming);
  const pending = settlePending(state.pending, incoming, state.viewerId);
  if (messages === state.messages && pending === state.pending) return state;
  return { ...state, messages, pending };
}

export function updatePending(
  state: RoomState,
  clientId: string,
  update: (p: PendingMessage) => PendingMessage,
): RoomState {
  let found = false;
  const pending = state.pending.map((p) => {
    if (p.clientId !== clientId) return p;
    found = true;
    return update(p);
  });
  return found ? { ...state, pending } : state;
}

export function tombstone(message: WorkshopMessageDto, deletedAt: string): WorkshopMessageDto {
  return { ...message, body: '', bodyHtml: '', deletedAt, pinned: false };
}
