import type { MeetingProvider, UiLanguage, WorkshopDto, WorkshopStatus } from '@twinning/contracts';
import { isolateLtr, useI18n, type Translate } from '../../../lib/i18n';
import { useViewerTimeZone } from '../../../lib/zoned-time';
import { formatZonedInstant } from '../workshop-time';
import { meetingState } from './meeting-state';
import { useMeetingRefresh } from './use-meeting-refresh';
import './meeting.css';

/** "Jitsi Meet", "Zoom"…: brand names stay as they are; an unknown service is "an online meeting". */
const BRANDS: Record<Exclude<MeetingProvider, 'other'>, string> = {
  jitsi: 'Jitsi Meet',
  bbb: 'BigBlueButton',
  zoom: 'Zoom',
  teams: 'Microsoft Teams',
};

export function providerName(t: Translate, language: UiLanguage, provider: MeetingProvider): string {
  return provider === 'other' ? t('workshops.meeting.providerOther') : isolateLtr(BRANDS[provider], language);
}

/** A video camera, coloured per provider by CSS. */
function MeetingIcon({ provider }: { provider: MeetingProvider }) {
  return (
    <svg
      className={`meeting-icon meeting-icon--${provider}`}
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
    >
      <rect x="2" y="6" width="13" height="12" rx="2.5" fill="currentColor" />
      <path d="M16.5 10.5 22 7v10l-5.5-3.5z" fill="currentColor" />
    </svg>
  );
}

export interface MeetingJoinProps {
  workshop: WorkshopDto;
  /**
   * In the room, a meeting on a MEETING_EMBED_ORIGINS origin opens beside the chat: the button
   * toggles it (`frameOpen`). Elsewhere, and for other origins, it opens in a new tab.
   */
  frame?: { open: boolean; onToggle: () => void };
  /** In the room: the viewer's socket joined it (entering a live room registers them). */
  joined?: boolean;
  /** In the room: the status its socket reports (opened or ended since the workshop was fetched). */
  roomStatus?: WorkshopStatus;
}

/**
 * "Join the call": shown to facilitators always, to registered participants from 15 minutes before
 * the start until the end (the server sends the link only then; a timer asks for it at that moment).
 * Before that, a registered participant reads when the link will appear; others, how to get it.
 */
export function MeetingJoin({ workshop, frame, joined, roomStatus }: MeetingJoinProps) {
  const { t, language } = useI18n();
  const timeZone = useViewerTimeZone();
  const now = useMeetingRefresh(workshop, joined, roomStatus);
  const meeting = workshop.meeting;
  const state = meetingState(workshop, now);
  if (!meeting || state === 'none') return null;
  const provider = providerName(t, language, meeting.provider);

  if (state === 'soon') {
    return (
      <p className="meeting-note">
        <MeetingIcon provider={meeting.provider} />
        <span>
          {t('workshops.meeting.soon', {
            provider,
            time: formatZonedInstant(language, timeZone, meeting.opensAt),
          })}
        </span>
      </p>
    );
  }
  if (state === 'register') {
    return (
      <p className="meeting-note">
        <MeetingIcon provider={meeting.provider} />
        <span>{t('workshops.meeting.registerFirst', { provider })}</span>
      </p>
    );
  }

  const url = meeting.url ?? '';
  const label = t('workshops.meeting.join');
  const description =
    meeting.provider === 'other' ? t('workshops.meeting.viaOther') : t('workshops.meeting.via', { provider });
  // In the room the button is small: the conversation needs the height, on a phone above all.
  const size = frame ? ' button--small' : '';
  const wrapper = frame ? 'meeting-join meeting-join--room' : 'meeting-join';
  if (frame && meeting.embed) {
    return (
      <div className={wrapper}>
        <button
          type="button"
          className={`button meeting-join__button${size}${frame.open ? ' button--secondary' : ''}`}
          aria-expanded={frame.open}
          onClick={frame.onToggle}
        >
          <MeetingIcon provider={meeting.provider} />
          <span>{frame.open ? t('workshops.meeting.hide') : label}</span>
        </button>
        <span className="meeting-join__via" title={frame ? description : undefined}>
          {description}
        </span>
      </div>
    );
  }
  return (
    <div className={wrapper}>
      <a
        className={`button button--link meeting-join__button${size}`}
        href={url}
        target="_blank"
        rel="noopener noreferrer"
      >
        <MeetingIcon provider={meeting.provider} />
        <span>{label}</span>
        <span className="visually-hidden"> {t('workshops.meeting.newTab')}</span>
      </a>
      <span className="meeting-join__via" title={frame ? description : undefined}>
        {description}
      </span>
    </div>
  );
}

export interface MeetingFrameProps {
  workshop: WorkshopDto;
  onClose: () => void;
}

/**
 * The call embedded beside the room's chat (only for MEETING_EMBED_ORIGINS, which the content
 * security policy's frame-src allows): camera, microphone, screen sharing and full screen.
 */
export function MeetingFrame({ workshop, onClose }: MeetingFrameProps) {
  const { t, language } = useI18n();
  const meeting = workshop.meeting;
  if (!meeting?.url || !meeting.embed) return null;
  const provider = providerName(t, language, meeting.provider);
  return (
    <section className="meeting-frame" aria-label={t('workshops.meeting.frameLabel', { provider })}>
      <div className="meeting-frame__bar">
        <a href={meeting.url} target="_blank" rel="noopener noreferrer">
          {t('workshops.meeting.openInTab')}
        </a>
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          {t('workshops.meeting.leave')}
        </button>
      </div>
      <iframe
        className="meeting-frame__frame"
        src={meeting.url}
        title={t('workshops.meeting.frameLabel', { provider })}
        allow="camera; microphone; display-capture; fullscreen; autoplay; clipboard-write"
        allowFullScreen
        referrerPolicy="strict-origin"
      />
    </section>
  );
}
