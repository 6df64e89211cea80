import type { AttendeeCertificateDto, WorkshopAttendanceReportDto } from '@twinning/contracts';
import { useId, useState } from 'react';
import { FormError } from '../../../components/form-error';
import { LoadError } from '../../../components/load-error';
import { Loading } from '../../../components/loading';
import type { Announce } from '../../../lib/announce';
import { useI18n } from '../../../lib/i18n';
import { useWorkshopAttendance } from '../api/get-workshop-attendance';
import { useIssueCertificates } from '../api/issue-certificates';
import { AttendanceDialog } from './attendance-dialog';

export interface WorkshopAttendanceProps {
  workshopId: string;
  announce: Announce;
  /** Where focus goes when the control that opened a dialog is gone (the page's status message). */
  fallbackFocus: () => HTMLElement | null;
}

/**
 * For the facilitators of an ended workshop: who was in the room for how much of the live time, who may get
 * an attendance certificate (present for the threshold share, or marked present), correcting someone's
 * attendance, and issuing certificates — to one participant or to every eligible one at once.
 */
export function WorkshopAttendance({ workshopId, announce, fallbackFocus }: WorkshopAttendanceProps) {
  const { t } = useI18n();
  const headingId = useId();
  const captionId = useId();
  const attendance = useWorkshopAttendance(workshopId);
  const issue = useIssueCertificates();
  const [correcting, setCorrecting] = useState<AttendeeCertificateDto | null>(null);

  function issueTo(userIds: string[] | null) {
    issue.mutate(
      { workshopId, userIds },
      {
        onSuccess: (issued) =>
          announce(
            issued.length === 0
              ? t('workshops.attendance.noneIssued')
              : t('workshops.attendance.issued', { count: issued.length }),
            { focus: userIds === null },
          ),
      },
    );
  }

  return (
    <section className="section workshop-attendance" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('workshops.attendance.heading')}</h2>
      {attendance.isPending ? (
        <Loading label={t('workshops.attendance.loading')} />
      ) : attendance.isError ? (
        <LoadError error={attendance.error} onRetry={() => void attendance.refetch()} />
      ) : (
        <AttendanceTable
          report={attendance.data}
          captionId={captionId}
          issuing={issue.isPending}
          onCorrect={setCorrecting}
          onIssue={issueTo}
        />
      )}
      <FormError error={issue.error} />
      {correcting && attendance.data ? (
        <AttendanceDialog
          workshopId={workshopId}
          participant={correcting}
          liveMinutes={attendance.data.liveMinutes}
          fallbackFocus={fallbackFocus}
          onClose={() => setCorrecting(null)}
          onDone={(message) => {
            setCorrecting(null);
            announce(message);
          }}
        />
      ) : null}
    </section>
  );
}

interface AttendanceTableProps {
  report: WorkshopAttendanceReportDto;
  captionId: string;
  issuing: boolean;
  onCorrect: (participant: AttendeeCertificateDto) => void;
  /** Issue to these participants; null: to every eligible one without a certificate. */
  onIssue: (userIds: string[] | null) => void;
}

function AttendanceTable({ report, captionId, issuing, onCorrect, onIssue }: AttendanceTableProps) {
  const { t, format } = useI18n();
  const waiting = report.participants.filter((p) => p.eligible && !p.certificate).length;
  const columns = {
    person: t('workshops.attendance.colParticipant'),
    attended: t('workshops.attendance.colAttended'),
    eligible: t('workshops.attendance.colEligible'),
    certificate: t('workshops.attendance.colCertificate'),
    actions: t('workshops.attendance.colActions'),
  };
  return (
    <>
      <p className="muted">
        {t('workshops.attendance.lead', { minutes: report.liveMinutes, percent: report.thresholdPercent })}
      </p>
      {report.participants.length === 0 ? (
        <p className="empty">{t('workshops.attendance.empty')}</p>
      ) : (
        <table className="table table--stack workshop-attendance__table" aria-labelledby={captionId}>
          <caption id={captionId}>{t('workshops.attendance.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{columns.person}</th>
              <th scope="col">{columns.attended}</th>
              <th scope="col">{columns.eligible}</th>
              <th scope="col">{columns.certificate}</th>
              <th scope="col">{columns.actions}</th>
            </tr>
          </thead>
          <tbody>
            {report.participants.map((p) => (
              <tr key={p.user.id}>
                <th scope="row" data-label={columns.person}>
                  <span dir="auto">{p.user.displayName}</span>
                </th>
                <td data-label={columns.attended}>
                  {t('workshops.attendance.minutesPercent', { minutes: p.minutes, percent: p.percent })}
                  {p.override ? (
                    <span className="muted workshop-attendance__note">
                      {t('workshops.attendance.correctedBy', {
                        name: p.override.by?.displayName ?? t('workshops.audit.system'),
                        minutes: p.measuredMinutes,
                        percent: p.measuredPercent,
                      })}
                    </span>
                  ) : null}
                </td>
                <td data-label={columns.eligible}>
                  <span className={p.eligible ? 'badge badge--approved' : 'badge'}>
                    {p.eligible ? t('workshops.attendance.eligibleYes') : t('workshops.attendance.eligibleNo')}
                  </span>
                </td>
                <td data-label={columns.certificate}>
                  {p.certificate ? (
                    <>
                      {t('workshops.attendance.issuedOn', { date: format.date(p.certificate.issuedAt) })}
                      {p.certificate.revoked ? ` · ${t('workshops.attendance.revoked')}` : null}
                    </>
                  ) : (
                    <span className="muted">{t('workshops.attendance.noCertificate')}</span>
                  )}
                </td>
                <td data-label={columns.actions}>
                  <div className="button-row">
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={t('workshops.attendance.correctFor', { name: p.user.displayName })}
                      onClick={() => onCorrect(p)}
                    >
                      {t('workshops.attendance.correct')}
                    </button>
                    {p.eligible && !p.certificate ? (
                      <button
                        type="button"
                        className="button button--small"
                        disabled={issuing}
                        aria-label={t('workshops.attendance.issueFor', { name: p.user.displayName })}
                        onClick={() => onIssue([p.user.id])}
                      >
                        {t('workshops.attendance.issue')}
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {waiting > 0 ? (
        <div className="button-row">
          <button type="button" className="button" disabled={issuing} onClick={() => onIssue(null)}>
            {issuing ? t('workshops.attendance.issuing') : t('workshops.attendance.issueAll', { count: waiting })}
          </button>
        </div>
      ) : null}
    </>
  );
}
