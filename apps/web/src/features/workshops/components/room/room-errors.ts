import type { ApiError } from '@twinning/contracts';
import { describeError } from '../../../../lib/api-errors';
import type { Translate } from '../../../../lib/i18n';
import { OFFLINE_ERROR } from '../../realtime/room-connection';

/**
 * A translated sentence for a refused room request (the server's English message is not shown); a
 * request that could not reach the room because the connection is down says so.
 */
export function describeRoomError(t: Translate, error: ApiError): string {
  if (error === OFFLINE_ERROR) return t('room.error.offline');
  return describeError(t, error);
}
