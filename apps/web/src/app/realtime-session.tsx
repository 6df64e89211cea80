import { useSession } from '../features/account';
import { useRealtimeSession } from '../lib/realtime';

/** Glue between the session and the live connection: open while someone is signed in, closed at sign-out. */
export function RealtimeSession() {
  const { user } = useSession();
  useRealtimeSession(user?.id);
  return null;
}
