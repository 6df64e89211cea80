import { roomReducer } from './room-reducer';
import { initialRoomState, type RoomAction, type RoomState } from './room-state';

/** The room's state outside React, so that the connection always reads the latest (last seq, pending). */
export interface RoomStore {
  getState(): RoomState;
  dispatch(action: RoomAction): void;
  subscribe(listener: () => void): () => void;
}

export function createRoomStore(workshopId: string, viewerId: string): RoomStore {
  let state = initialRoomState(workshopId, viewerId);
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = roomReducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
