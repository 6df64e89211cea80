import type { Ack, ApiError, AuthorDto, WorkshopDto, WorkshopMessageDto } from '@twinning/contracts';
import { useId, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../../../lib/api-errors';
import { useI18n } from '../../../../lib/i18n';
import { useEndWorkshop } from '../../api/end-workshop';
import {
  answeredQuestions,
  handPosition,
  muteSecondsLeft,
  openQuestions,
  secondsUntil,
  writeBlock,
} from '../../realtime/room-state';
import { useWorkshopRoom } from '../../realtime/use-workshop-room';
import { MeetingFrame, MeetingJoin } from '../../meeting/meeting-join';
import { Composer } from './composer';
import type { MessageAction } from './message-actions';
import { messageElementId } from './message-item';
import { MessageList, type JumpRequest } from './message-list';
import { ModerationPanel } from './moderation-panel';
import { PeoplePanel } from './people-panel';
import { personGroup, type PersonActions } from './person-menu';
import { PinnedBar } from './pinned-bar';
import { QaPanel } from './qa-panel';
import { ReconnectBanner } from './reconnect-banner';
import { ConfirmDialog, ReportDialog } from './room-dialogs';
import { describeRoomError } from './room-errors';
import { RoomHeader } from './room-header';
import { SidePanel, type SideTab } from './side-panel';
import { TypingLine } from './typing-line';
import { useMediaQuery } from './use-media-query';
import { useNow } from './use-now';
import { useRoomAnnouncer } from './use-room-announcer';
import './room.css';
import './room-composer.css';
import './room-side.css';

export interface WorkshopRoomProps {
  workshop: WorkshopDto;
  viewer: { id: string; displayName: string };
  /** Shown at the end of the room's status line (e.g. a button to join the workshop's call). */
  headerActions?: ReactNode;
}

/** Below this width the conversation and the room's tools share one set of tabs (room-side.css). */
const NARROW = '(max-width: 56rem)';

type Dialog =
  | { kind: 'report'; message: WorkshopMessageDto }
  | { kind: 'delete'; message: WorkshopMessageDto }
  | { kind: 'remove'; user: AuthorDto }
  | { kind: 'end' };

/**
 * The live room of a workshop, as tall as the window: conversation (pinned banner, virtualised list,
 * typing line, composer at the bottom) beside its tools (people and hand raise, Q&A, and for facilitators
 * moderation); on a phone the conversation and the tools are tabs. A reconnect banner and a polite live
 * region for what arrives. Mount it with `key` = workshop and viewer.
 */
export function WorkshopRoom({ workshop, viewer, headerActions }: WorkshopRoomProps) {
  const { t, language } = useI18n();
  const narrow = useMediaQuery(NARROW);
  // On a phone: while People or Q&A covers the conversation, the Chat tab counts what arrives meanwhile.
  const [chatLeftAt, setChatLeftAt] = useState<number | null>(null);
  const { state, actions, store } = useWorkshopRoom(workshop.id, viewer.id);
  const { announcement, say } = useRoomAnnouncer(store);
  const endWorkshop = useEndWorkshop();
  const conversationId = useId();
  const [followToken, setFollowToken] = useState(0);
  const [jumpTo, setJumpTo] = useState<JumpRequest | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [callOpen, setCallOpen] = useState(false);

  // A clock for the countdowns, ticking only while a mute or a slow-mode wait is running.
  const [ticking, setTicking] = useState(false);
  const now = useNow(ticking);
  const running = [state.room?.mutedUntil, state.slowModeUntil, ...Object.values(state.mutedUsers)].some(
    (until) => secondsUntil(until, now) > 0,
  );
  if (running !== ticking) setTicking(running);

  const room = state.room;
  const facilitator = room ? room.role === 'facilitator' : workshop.viewer.facilitator;
  const status = room?.status ?? workshop.status;
  const live = status === 'live' && !state.removed && state.connection !== 'closed';
  const readOnly = status === 'ended';
  const block = writeBlock(state, now);
  const muteLeft = facilitator ? 0 : muteSecondsLeft(state, now);

  // Facilitators act on a participant where they see them: the people list and their messages.
  const facilitatorIds = new Set([
    ...workshop.facilitators.map((f) => f.id),
    ...state.presence.filter((p) => p.role === 'facilitator').map((p) => p.user.id),
  ]);
  const personActions: PersonActions = {
    onMute: (user, minutes) =>
      void outcome(
        actions.mute(user.id, minutes),
        minutes === 0
          ? t('room.announce.unmuted', { name: user.displayName })
          : t('room.announce.muted', { name: user.displayName, count: minutes }),
      ).then((failure) => failure && say(failure)),
    onRemove: (user) => setDialog({ kind: 'remove', user }),
  };
  const personFor = (author: AuthorDto) =>
    facilitator && live && author.id !== viewer.id && !facilitatorIds.has(author.id)
      ? personGroup(t, language, author, secondsUntil(state.mutedUsers[author.id], now) > 0, personActions)
      : null;

  /** Runs a room request; announces `success` when it worked, else answers with the translated refusal. */
  async function outcome(request: Promise<Ack<object>>, success?: string): Promise<string | null> {
    const res = await request;
    if (!res.ok) return describeRoomError(t, res.error as ApiError);
    if (success) say(success);
    return null;
  }

  async function handleMessageAction(action: MessageAction, message: WorkshopMessageDto) {
    if (action === 'report') setDialog({ kind: 'report', message });
    else if (action === 'delete') setDialog({ kind: 'delete', message });
    else {
      const pinned = action === 'pin';
      const failure = await outcome(
        actions.pin(message.id, pinned),
        pinned ? t('room.announce.pinned') : t('room.announce.unpinned'),
      );
      if (failure) say(failure);
    }
  }

  const focusMessage = (seq: number) => () => document.getElementById(messageElementId(seq));
  const closeDialog = () => setDialog(null);
  const loaded = new Set(state.messages.map((m) => m.seq));

  const tabs: SideTab[] = [
    {
      id: 'people',
      label: t('room.side.people', { count: state.presence.length }),
      content: (
        <PeoplePanel
          presence={state.presence}
          hands={state.hands}
          viewerId={viewer.id}
          handPosition={handPosition(state)}
          canRaiseHand={live && !facilitator}
          muteLeft={muteLeft}
          moderation={facilitator && live ? { actions: personActions, mutedUsers: state.mutedUsers, now } : null}
          onToggleHand={(raise) =>
            outcome(
              raise ? actions.raiseHand() : actions.lowerHand(),
              raise ? t('room.announce.handRaised') : t('room.announce.handLowered'),
            )
          }
        />
      ),
    },
    {
      id: 'qa',
      label: t('room.side.qa', { count: openQuestions(state).length }),
      content: (
        <QaPanel
          open={openQuestions(state)}
          answered={answeredQuestions(state)}
          myVotes={state.myVotes}
          facilitator={facilitator}
          canAsk={live}
          muteLeft={muteLeft}
          onAsk={(body) => outcome(actions.ask(body), t('room.announce.asked'))}
          onVote={(questionId, vote) => outcome(actions.vote(questionId, vote))}
          onSetStatus={(questionId, next) =>
            outcome(
              actions.setQuestionStatus(questionId, next),
              next === 'answered' ? t('room.announce.answered') : t('room.announce.dismissed'),
            )
          }
        />
      ),
    },
  ];
  if (facilitator) {
    tabs.push({
      id: 'moderation',
      label: t('room.side.moderation', { count: state.reports.length }),
      content: (
        <ModerationPanel
          workshopId={workshop.id}
          live={live}
          locked={room?.locked ?? workshop.locked}
          slowModeSeconds={room?.slowModeSeconds ?? workshop.slowModeSeconds}
          reports={state.reports}
          hands={state.hands}
          onUpdateRoom={(update) => outcome(actions.updateRoom(update))}
          onResolveReport={(report) => outcome(actions.resolveReport(report.id), t('room.announce.resolved'))}
          onDeleteMessage={(message) => setDialog({ kind: 'delete', message })}
          onCallNext={async () => {
            const res = await actions.callNextHand();
            if (!res.ok) return describeRoomError(t, res.error);
            say(
              res.called ? t('room.announce.calledByYou', { name: res.called.user.displayName }) : t('room.hands.none'),
            );
            return null;
          }}
          onLowerHand={(user) =>
            outcome(actions.lowerHand(user.id), t('room.announce.handLoweredOf', { name: user.displayName }))
          }
          onEnd={() => setDialog({ kind: 'end' })}
        />
      ),
    });
  }

  const unseenChat =
    chatLeftAt === null ? 0 : state.messages.filter((m) => m.seq > chatLeftAt && m.author.id !== viewer.id).length;
  const chatLabel = unseenChat > 0 ? t('room.side.chatNew', { count: unseenChat }) : t('room.side.chat');

  const conversation = (
    <section className="room__main" aria-labelledby={conversationId}>
      <h2 id={conversationId} className="visually-hidden">
        {readOnly ? t('room.transcript') : t('room.conversation')}
      </h2>
      <PinnedBar pinned={state.pinned} isLoaded={(seq) => loaded.has(seq)} onShow={(seq) => setJumpTo({ seq })} />
      <MessageList
        messages={state.messages}
        pending={state.pending}
        viewerId={viewer.id}
        viewerName={viewer.displayName}
        facilitator={facilitator}
        readOnly={readOnly || state.removed}
        hasMoreBefore={state.hasMoreBefore}
        loadingOlder={state.loadingOlder}
        onLoadOlder={() => void actions.loadOlder()}
        onAction={(action, message) => void handleMessageAction(action, message)}
        onRetry={(clientId) => actions.retry(clientId)}
        onDiscard={(clientId) => actions.discard(clientId)}
        followToken={followToken}
        jumpTo={jumpTo}
        personFor={personFor}
      />
      <TypingLine typing={state.typing} />
      {readOnly ? null : (
        <Composer
          block={block}
          mutedUntil={room?.mutedUntil ?? null}
          slowModeUntil={state.slowModeUntil}
          slowModeSeconds={facilitator ? 0 : (room?.slowModeSeconds ?? 0)}
          now={now}
          onSend={(body) => {
            actions.send(body);
            setFollowToken((n) => n + 1);
          }}
          onTyping={() => actions.typing()}
        />
      )}
    </section>
  );

  return (
    <div className="room">
      <RoomHeader
        workshopId={workshop.id}
        status={status}
        presenceCount={state.presence.length}
        locked={room?.locked ?? false}
        slowModeSeconds={room?.slowModeSeconds ?? 0}
        actions={headerActions}
      />
      <MeetingJoin
        workshop={workshop}
        joined={room !== null}
        roomStatus={room?.status}
        frame={{ open: callOpen, onToggle: () => setCallOpen((o) => !o) }}
      />
      <ReconnectBanner connection={state.removed || state.joinError ? 'joined' : state.connection} />
      <div aria-live="polite" aria-atomic="true" className="visually-hidden room-announcer">
        {announcement.text ? <span key={announcement.n}>{announcement.text}</span> : null}
      </div>

      {state.calledOnMe ? (
        <div role="alert" className="room-called">
          <p className="room-called__text">{t('room.called.you')}</p>
          <p className="room-called__by">{t('room.called.by', { name: state.calledOnMe.by.displayName })}</p>
          <button type="button" className="button" onClick={() => actions.dismissCall()}>
            {t('room.called.dismiss')}
          </button>
        </div>
      ) : null}
      {state.removed ? (
        <div role="alert" className="alert alert--error room-notice">
          <p className="alert__text">{t('room.removed')}</p>
          <p>
            <Link to="/workshops">{t('room.backToWorkshops')}</Link>
          </p>
        </div>
      ) : state.joinError ? (
        <div role="alert" className="alert alert--error room-notice">
          <p className="alert__text">{t('room.joinFailed', { reason: describeRoomError(t, state.joinError) })}</p>
          <p>
            <Link to={`/workshops/${encodeURIComponent(workshop.id)}`}>{t('room.header.details')}</Link>
          </p>
        </div>
      ) : null}
      {readOnly ? <p className="notice room-notice">{t('room.endedNotice')}</p> : null}
      {status === 'scheduled' ? <p className="notice room-notice">{t('room.notOpenNotice')}</p> : null}

      <div className={roomBodyClass(narrow, callOpen && Boolean(workshop.meeting?.url))}>
        {callOpen ? <MeetingFrame workshop={workshop} onClose={() => setCallOpen(false)} /> : null}
        {narrow ? (
          <SidePanel
            label={t('room.side.label')}
            className="room-side--all"
            tabs={[{ id: 'chat', label: chatLabel, content: conversation, persistent: true }, ...tabs]}
            onSelect={(id) => setChatLeftAt(id === 'chat' ? null : (state.messages.at(-1)?.seq ?? 0))}
          />
        ) : (
          <>
            {conversation}
            <SidePanel label={t('room.side.label')} tabs={tabs} />
          </>
        )}
      </div>

      {dialog?.kind === 'report' ? (
        <ReportDialog
          authorName={dialog.message.author.displayName}
          onReport={(reason) => outcome(actions.report(dialog.message.id, reason), t('room.announce.reported'))}
          onClose={closeDialog}
          fallbackFocus={focusMessage(dialog.message.seq)}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <ConfirmDialog
          title={t('room.delete.title')}
          body={t('room.delete.body', { name: dialog.message.author.displayName })}
          confirmLabel={t('room.message.delete')}
          onConfirm={() => outcome(actions.deleteMessage(dialog.message.id), t('room.announce.deleted'))}
          onClose={closeDialog}
          fallbackFocus={focusMessage(dialog.message.seq)}
        />
      ) : null}
      {dialog?.kind === 'remove' ? (
        <ConfirmDialog
          title={t('room.remove.title', { name: dialog.user.displayName })}
          body={t('room.remove.body', { name: dialog.user.displayName })}
          confirmLabel={t('room.mod.remove')}
          reasonLabel={t('room.remove.reason')}
          onConfirm={(reason) =>
            outcome(
              actions.remove(dialog.user.id, reason || undefined),
              t('room.announce.removedUser', { name: dialog.user.displayName }),
            )
          }
          onClose={closeDialog}
        />
      ) : null}
      {dialog?.kind === 'end' ? (
        <ConfirmDialog
          title={t('room.end.title')}
          body={t('room.end.body')}
          confirmLabel={t('room.mod.end')}
          onConfirm={async () => {
            try {
              await endWorkshop.mutateAsync(workshop.id);
              return null;
            } catch (error) {
              return describeError(t, error);
            }
          }}
          onClose={closeDialog}
        />
      ) : null}
    </div>
  );
}

/** The room's body: chat and side panels side by side, one column of tabs when narrow; an open call beside them. */
function roomBodyClass(narrow: boolean, withCall: boolean): string {
  return ['room__body', narrow ? 'room__body--narrow' : '', withCall && !narrow ? 'room__body--with-call' : '']
    .filter(Boolean)
    .join(' ');
}
