import {
  MEETING_PROVIDERS,
  QUESTION_STATUSES,
  type MeetingProvider,
  type QuestionStatus,
  type UiLanguage,
  type WorkshopAuditEntryDto,
} from '@twinning/contracts';
import { useId } from 'react';
import { FormError } from '../../../components/form-error';
import { LoadError } from '../../../components/load-error';
import { Loading } from '../../../components/loading';
import { useI18n, type Translate } from '../../../lib/i18n';
import { useWorkshopAudit } from '../api/get-workshop-audit';
import { providerName } from '../meeting/meeting-join';

function isQuestionStatus(value: unknown): value is QuestionStatus {
  return typeof value === 'string' && (QUESTION_STATUSES as readonly string[]).includes(value);
}

function isMeetingProvider(value: unknown): value is MeetingProvider {
  return typeof value === 'string' && (MEETING_PROVIDERS as readonly string[]).includes(value);
}

/**
 * The useful part of an entry's detail (the mute's length, slow mode's interval, a meeting's
 * provider, a reason…), in words.
 */
export function auditDetail(t: Translate, language: UiLanguage, entry: WorkshopAuditEntryDto): string[] {
  const { detail } = entry;
  const parts: string[] = [];
  const minutes = detail['minutes'];
  if (entry.action === 'attendance.corrected') {
    parts.push(detail['present'] === true ? t('workshops.audit.markedPresent') : t('workshops.audit.markedAbsent'));
    if (typeof minutes === 'number') parts.push(t('workshops.audit.attendedMinutes', { count: minutes }));
    return parts;
  }
  if (entry.action === 'attendance.reset') return parts;
  if (typeof minutes === 'number') {
    parts.push(minutes === 0 ? t('workshops.audit.unmuted') : t('workshops.audit.minutes', { count: minutes }));
  }
  const seconds = detail['slowModeSeconds'] ?? detail['seconds'];
  if (typeof seconds === 'number') {
    parts.push(seconds === 0 ? t('workshops.audit.slowModeOff') : t('workshops.audit.seconds', { count: seconds }));
  }
  const status = detail['status'];
  if (entry.action === 'question.status' && isQuestionStatus(status)) {
    parts.push(t(`workshops.audit.questionStatus.${status}`));
  }
  const provider = detail['provider'];
  if (entry.action.startsWith('meeting.') && isMeetingProvider(provider)) {
    parts.push(
      provider === 'other'
        ? t('workshops.meeting.viaOther')
        : t('workshops.meeting.via', { provider: providerName(t, language, provider) }),
    );
  }
  const reason = detail['reason'];
  if (typeof reason === 'string' && reason.trim()) parts.push(t('workshops.audit.reason', { reason: reason.trim() }));
  return parts;
}

/** What the facilitators did in the workshop, newest first (facilitators only). */
export function WorkshopAuditLog({ workshopId }: { workshopId: string }) {
  const { t, format, language } = useI18n();
  const headingId = useId();
  const log = useWorkshopAudit(workshopId);
  const items = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('workshops.audit.heading')}</h2>
      <p className="muted">{t('workshops.audit.lead')}</p>
      {log.isPending ? (
        <Loading label={t('workshops.audit.loading')} />
      ) : log.isLoadingError ? (
        <LoadError error={log.error} onRetry={() => void log.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty">{t('workshops.audit.empty')}</p>
      ) : (
        <ol className="workshop-audit" aria-labelledby={headingId}>
          {items.map((entry) => {
            const details = auditDetail(t, language, entry);
            return (
              <li key={entry.id} className="workshop-audit__entry">
                <time dateTime={entry.createdAt} className="workshop-audit__time">
                  {format.dateTime(entry.createdAt)}
                </time>
                <span>
                  <strong dir="auto">{entry.actor?.displayName ?? t('workshops.audit.system')}</strong>
                  {' · '}
                  {t(`workshops.audit.action.${entry.action}`)}
                  {entry.targetUser ? (
                    <>
                      {' · '}
                      <span dir="auto">{entry.targetUser.displayName}</span>
                    </>
                  ) : null}
                  {entry.targetMessageSeq !== null
                    ? ` · ${t('workshops.audit.message', { seq: entry.targetMessageSeq })}`
                    : null}
                  {details.length > 0 ? <span className="muted"> · {details.join(' · ')}</span> : null}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {log.hasNextPage ? (
        <div>
          {log.isFetchNextPageError ? <FormError error={log.error} /> : null}
          <button
            type="button"
            className="button button--secondary"
            disabled={log.isFetchingNextPage}
            onClick={() => void log.fetchNextPage()}
          >
            {log.isFetchingNextPage ? t('common.loadingMore') : t('workshops.audit.loadMore')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
