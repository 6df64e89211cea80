import { useEffect, useState, useSyncExternalStore } from 'react';
import { RoomConnection } from './room-connection';
import type { RoomState } from './room-state';
import { createRoomStore, type RoomStore } from './room-store';

export interface WorkshopRoom {
  state: RoomState;
  /** Everything the viewer can do in the room (send, vote, moderate…). */
  actions: RoomConnection;
  /** The state outside React, for listeners that compare each change with the previous state. */
  store: RoomStore;
}

/**
 * Joins a workshop's live room while mounted: its own connection to `/workshops`, the room's state, and
 * the actions. Mount it under a `key` of the workshop and the viewer, so that another room or another
 * user starts from a fresh state.
 */
export function useWorkshopRoom(workshopId: string, viewerId: string): WorkshopRoom {
  const [room] = useState<{ store: RoomStore; connection: RoomConnection }>(() => {
    const store = createRoomStore(workshopId, viewerId);
    return { store, connection: new RoomConnection(store) };
  });
  const state = useSyncExternalStore(room.store.subscribe, room.store.getState, room.store.getState);

  useEffect(() => {
    room.connection.start();
    return () => room.connection.stop();
  }, [room]);

  // Typing indicators fade out by themselves.
  const someoneTyping = state.typing.length > 0;
  useEffect(() => {
    if (!someoneTyping) return undefined;
    const timer = setInterval(() => room.store.dispatch({ type: 'typing.expire', now: Date.now() }), 1_000);
    return () => clearInterval(timer);
  }, [room, someoneTyping]);

  return { state, actions: room.connection, store: room.store };
}
