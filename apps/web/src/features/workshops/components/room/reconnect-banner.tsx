import { useT } from '../../../../lib/i18n';
import type { ConnectionState } from '../../realtime/room-state';

/**
 * Says when the room is not connected: while connecting the first time, and while reconnecting (messages
 * written meanwhile wait and go out after the rejoin). It clears by itself once the room is joined again.
 */
export function ReconnectBanner({ connection }: { connection: ConnectionState }) {
  const t = useT();
  const text =
    connection === 'reconnecting'
      ? t('room.connection.reconnecting')
      : connection === 'connecting'
        ? t('room.connection.connecting')
        : null;
  return (
    <div role="status" className="room-connection">
      {text ? <p className={`room-connection__banner room-connection__banner--${connection}`}>{text}</p> : null}
    </div>
  );
}
