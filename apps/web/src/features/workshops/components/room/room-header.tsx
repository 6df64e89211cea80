import type { WorkshopStatus } from '@twinning/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../../lib/i18n';

export interface RoomHeaderProps {
  workshopId: string;
  status: WorkshopStatus;
  presenceCount: number;
  locked: boolean;
  slowModeSeconds: number;
  /** Buttons at the line's end, before the details link (e.g. joining the workshop's call). */
  actions?: ReactNode;
}

/** The room's status line: live or ended, how many are here, lock and slow mode. */
export function RoomHeader({ workshopId, status, presenceCount, locked, slowModeSeconds, actions }: RoomHeaderProps) {
  const t = useT();
  return (
    <div className="room-header">
      <ul className="room-header__facts">
        <li>
          <span className={`badge room-status room-status--${status}`}>{t(`room.status.${status}`)}</span>
        </li>
        <li className="room-header__present">{t('room.header.present', { count: presenceCount })}</li>
        {locked ? <li className="room-header__flag">{t('room.header.locked')}</li> : null}
        {slowModeSeconds > 0 ? (
          <li className="room-header__flag">{t('room.header.slowMode', { count: slowModeSeconds })}</li>
        ) : null}
      </ul>
      {actions ? <div className="room-header__actions">{actions}</div> : null}
      <p className="room-header__link">
        <Link to={`/workshops/${encodeURIComponent(workshopId)}`}>{t('room.header.details')}</Link>
      </p>
    </div>
  );
}
