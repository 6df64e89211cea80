import type { PresenceEntry, RaisedHandDto } from '@twinning/contracts';
import { useId, useState } from 'react';
import { PersonChip } from '../../../../components/person/person-chip';
import { useI18n } from '../../../../lib/i18n';
import { formatDuration, secondsUntil } from '../../realtime/room-state';
import { PersonMenu, type PersonActions } from './person-menu';

export interface PeoplePanelProps {
  presence: readonly PresenceEntry[];
  hands: readonly RaisedHandDto[];
  viewerId: string;
  /** The viewer's place in the queue (1 = next), or null. */
  handPosition: number | null;
  /** Participants of a live room may raise their hand. */
  canRaiseHand: boolean;
  /** Seconds the viewer's own mute still lasts (0: not muted): no hand goes up meanwhile. */
  muteLeft: number;
  onToggleHand: (raise: boolean) => Promise<string | null>;
  /** For facilitators: a menu on each participant (mute, unmute, remove), and who is muted until when. */
  moderation?: { actions: PersonActions; mutedUsers: Readonly<Record<string, string>>; now: number } | null;
}

function byRoleThenName(a: PresenceEntry, b: PresenceEntry): number {
  if (a.role !== b.role) return a.role === 'facilitator' ? -1 : 1;
  return a.user.displayName.localeCompare(b.user.displayName);
}

/** Who is in the room (facilitators first), the hand-raise toggle and the queue. */
export function PeoplePanel({
  presence,
  hands,
  viewerId,
  handPosition,
  canRaiseHand,
  muteLeft,
  onToggleHand,
  moderation,
}: PeoplePanelProps) {
  const { t, language } = useI18n();
  const headingId = useId();
  const handsHeadingId = useId();
  const positionId = useId();
  const mutedId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const raised = handPosition !== null;

  async function toggle() {
    setBusy(true);
    setError(null);
    const failure = await onToggleHand(!raised);
    setBusy(false);
    setError(failure);
  }

  return (
    <div className="room-people">
      <h2 id={headingId} className="room-side__heading">
        {t('room.people.heading', { count: presence.length })}
      </h2>
      <ul className="room-people__list" aria-labelledby={headingId}>
        {[...presence].sort(byRoleThenName).map((entry) => {
          const mutedFor = moderation ? secondsUntil(moderation.mutedUsers[entry.user.id], moderation.now) : 0;
          const canModerate = moderation && entry.role === 'participant' && entry.user.id !== viewerId;
          return (
            <li key={entry.user.id} className="room-people__person">
              <span className="room-people__name">
                <PersonChip person={entry.user} size={24} layout="inline" />
                {entry.user.id === viewerId ? <span className="muted"> {t('room.people.you')}</span> : null}
                {entry.role === 'facilitator' ? <span className="badge">{t('room.people.facilitator')}</span> : null}
                {mutedFor > 0 ? (
                  <span className="badge badge--warning room-people__muted">
                    {t('room.people.muted', { time: formatDuration(mutedFor, language) })}
                  </span>
                ) : null}
              </span>
              {canModerate ? <PersonMenu user={entry.user} muted={mutedFor > 0} actions={moderation.actions} /> : null}
            </li>
          );
        })}
      </ul>

      <h2 id={handsHeadingId} className="room-side__heading">
        {t('room.hands.heading', { count: hands.length })}
      </h2>
      {canRaiseHand ? (
        <div className="room-hands__mine">
          <button
            type="button"
            className="button button--secondary"
            aria-pressed={raised}
            aria-describedby={
              [raised ? positionId : null, muteLeft > 0 ? mutedId : null].filter(Boolean).join(' ') || undefined
            }
            disabled={busy || muteLeft > 0}
            onClick={() => void toggle()}
          >
            {t('room.hands.raise')}
          </button>
          {muteLeft > 0 ? (
            <p id={mutedId} className="room-muted-note">
              {t('room.composer.muted', { time: formatDuration(muteLeft, language) })}
            </p>
          ) : null}
          {raised ? (
            <p id={positionId} className="room-hands__position">
              {t('room.hands.position', { position: handPosition, count: hands.length })}
            </p>
          ) : null}
          {error ? (
            <p role="alert" className="room-side__error">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
      {hands.length === 0 ? (
        <p className="muted">{t('room.hands.none')}</p>
      ) : (
        <ol className="room-hands__queue" aria-labelledby={handsHeadingId}>
          {hands.map((hand) => (
            <li key={hand.user.id} dir="auto">
              {hand.user.displayName}
              {hand.user.id === viewerId ? <span className="muted"> {t('room.people.you')}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
