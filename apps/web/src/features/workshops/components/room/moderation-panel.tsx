import type { AuthorDto, RaisedHandDto, WorkshopMessageDto, WorkshopReportDto } from '@twinning/contracts';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../../lib/i18n';

const SLOW_MODE_CHOICES = [0, 5, 10, 30, 60, 300] as const;

/** Each action answers with a translated error, or null when it worked. */
type Outcome = Promise<string | null>;

export interface ModerationPanelProps {
  workshopId: string;
  /** The room is live (not scheduled, not ended). */
  live: boolean;
  locked: boolean;
  slowModeSeconds: number;
  reports: readonly WorkshopReportDto[];
  hands: readonly RaisedHandDto[];
  onUpdateRoom: (update: { locked?: boolean; slowModeSeconds?: number }) => Outcome;
  onResolveReport: (report: WorkshopReportDto) => Outcome;
  onDeleteMessage: (message: WorkshopMessageDto) => void;
  onCallNext: () => Outcome;
  onLowerHand: (user: AuthorDto) => Outcome;
  onEnd: () => void;
}

/** Facilitators' controls: lock, slow mode, reports as they arrive, the hand queue, end. Participants: the
 * person menu in the people list and on their messages. */
export function ModerationPanel(props: ModerationPanelProps) {
  const { workshopId, live, locked, slowModeSeconds, reports, hands } = props;
  const { t, format } = useI18n();
  // the page's one time format (the shared formatters), in the viewer's time zone
  const time = format.time;
  const ids = { room: useId(), slow: useId(), reports: useId(), hands: useId(), end: useId() };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Outcome) {
    setBusy(true);
    setError(null);
    const failure = await action();
    setBusy(false);
    setError(failure);
  }

  const slowChoices = SLOW_MODE_CHOICES.includes(slowModeSeconds as (typeof SLOW_MODE_CHOICES)[number])
    ? SLOW_MODE_CHOICES
    : [...SLOW_MODE_CHOICES, slowModeSeconds].sort((a, b) => a - b);

  return (
    <div className="room-moderation">
      {error ? (
        <p role="alert" className="room-side__error">
          {error}
        </p>
      ) : null}

      <section aria-labelledby={ids.room}>
        <h2 id={ids.room} className="room-side__heading">
          {t('room.mod.roomHeading')}
        </h2>
        <div className="room-moderation__controls">
          <button
            type="button"
            className="button button--secondary"
            aria-pressed={locked}
            disabled={busy || !live}
            onClick={() => void run(() => props.onUpdateRoom({ locked: !locked }))}
          >
            {t('room.mod.lock')}
          </button>
          <p className="muted room-moderation__hint">{t('room.mod.lockHint')}</p>
          <div className="field room-moderation__field">
            <label htmlFor={ids.slow}>{t('room.mod.slowMode')}</label>
            <select
              id={ids.slow}
              value={slowModeSeconds}
              disabled={busy || !live}
              onChange={(event) => {
                const value = Number(event.target.value);
                void run(() => props.onUpdateRoom({ slowModeSeconds: value }));
              }}
            >
              {slowChoices.map((seconds) => (
                <option key={seconds} value={seconds}>
                  {seconds === 0 ? t('room.mod.slowModeOff') : t('room.mod.seconds', { count: seconds })}
                </option>
              ))}
            </select>
          </div>
        </div>
      </section>

      <section aria-labelledby={ids.reports}>
        <h2 id={ids.reports} className="room-side__heading">
          {t('room.mod.reportsHeading', { count: reports.length })}
        </h2>
        {reports.length === 0 ? (
          <p className="muted">{t('room.mod.noReports')}</p>
        ) : (
          <ul className="room-moderation__reports">
            {reports.map((report) => (
              <li key={report.id} className="room-report">
                <p className="room-report__meta">
                  {t('room.mod.reportBy', { name: report.reporter.displayName, time: time(report.createdAt) })}
                </p>
                <p className="room-report__reason" dir="auto">
                  {t('room.mod.reason', { reason: report.reason })}
                </p>
                <blockquote className="room-report__message">
                  <p className="room-report__author" dir="auto">
                    {report.message.author.displayName}
                  </p>
                  {report.message.deletedAt ? (
                    <p className="room-message__tombstone">{t('room.message.deleted')}</p>
                  ) : (
                    <div
                      className="post-markdown"
                      dir="auto"
                      dangerouslySetInnerHTML={{ __html: report.message.bodyHtml }}
                    />
                  )}
                </blockquote>
                <div className="button-row">
                  {report.message.deletedAt ? null : (
                    <button
                      type="button"
                      className="button button--small button--danger"
                      disabled={busy}
                      onClick={() => props.onDeleteMessage(report.message)}
                    >
                      {t('room.message.delete')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    disabled={busy}
                    onClick={() => void run(() => props.onResolveReport(report))}
                  >
                    {t('room.mod.resolve')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby={ids.hands}>
        <h2 id={ids.hands} className="room-side__heading">
          {t('room.hands.heading', { count: hands.length })}
        </h2>
        <button
          type="button"
          className="button"
          disabled={busy || hands.length === 0 || !live}
          onClick={() => void run(props.onCallNext)}
        >
          {t('room.mod.callNext')}
        </button>
        {hands.length > 0 ? (
          <ol className="room-hands__queue">
            {hands.map((hand) => (
              <li key={hand.user.id}>
                <span dir="auto">{hand.user.displayName}</span>{' '}
                <button
                  type="button"
                  className="button button--small button--secondary"
                  disabled={busy}
                  aria-label={t('room.mod.lowerHandOf', { name: hand.user.displayName })}
                  onClick={() => void run(() => props.onLowerHand(hand.user))}
                >
                  {t('room.mod.lowerHand')}
                </button>
              </li>
            ))}
          </ol>
        ) : null}
      </section>

      <section aria-labelledby={ids.end}>
        <h2 id={ids.end} className="room-side__heading">
          {t('room.mod.workshopHeading')}
        </h2>
        {live ? (
          <button type="button" className="button button--danger" disabled={busy} onClick={props.onEnd}>
            {t('room.mod.end')}
          </button>
        ) : null}
        <p>
          <Link to={`/workshops/${encodeURIComponent(workshopId)}`}>{t('room.header.details')}</Link>
        </p>
      </section>
    </div>
  );
}
