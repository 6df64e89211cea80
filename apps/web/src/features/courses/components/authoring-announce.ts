import { createContext, useContext } from 'react';
import type { Announce } from '../../../lib/announce';

/** The editor's status region: additions, removals and moves are said there. */
export const AuthoringAnnounceContext = createContext<Announce>(() => undefined);

export function useAuthoringAnnounce(): Announce {
  return useContext(AuthoringAnnounceContext);
}
