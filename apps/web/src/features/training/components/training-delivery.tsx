import type { TrainingRequestDto } from '@twinning/contracts';
import { useId } from 'react';
import { Link } from 'react-router';
import type { Announce } from '../../../lib/announce';
import { useI18n } from '../../../lib/i18n';
import { TrainingAttendance } from './training-attendance';
import { TrainingScheduleForm } from './training-schedule-form';

/** The delivery section has something to show: a schedule, or a form to make one. */
export const showsDelivery = (request: TrainingRequestDto) =>
  request.schedule !== null || request.viewer.canSchedule || request.status === 'matched';

/**
 * What scheduling fixed (sessions with their workshops, the place, the course and its deadline, when
 * delivery ends and the evaluation closes), the schedule form while matched, and in-person attendance.
 */
export function TrainingDelivery({ request, announce }: { request: TrainingRequestDto; announce: Announce }) {
  const { t, format } = useI18n();
  const headingId = useId();
  const schedule = request.schedule;
  if (!schedule) {
    return request.viewer.canSchedule ? (
      <TrainingScheduleForm request={request} announce={announce} />
    ) : (
      <section className="section" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('training.sections.delivery')}</h2>
        <p>{t('training.schedule.waiting')}</p>
      </section>
    );
  }
  return (
    <>
      <section className="section" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('training.sections.delivery')}</h2>
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('training.form.format')}</dt>
            <dd>{t(`training.format.${schedule.format}`)}</dd>
          </div>
          {schedule.sessions.length > 0 ? (
            <div className="facts__row">
              <dt>{t('training.schedule.sessions')}</dt>
              <dd>
                <ol className="training-sessions">
                  {schedule.sessions.map((session) => (
                    <li key={session.position}>
                      {session.workshop ? (
                        <Link to={`/workshops/${encodeURIComponent(session.workshop.id)}`} dir="auto">
                          {session.workshop.title}
                        </Link>
                      ) : (
                        <bdi>{session.title}</bdi>
                      )}
                      {' · '}
                      <time dateTime={session.startsAt}>{format.dateTime(session.startsAt)}</time>
                      {' – '}
                      <time dateTime={session.endsAt}>{format.time(session.endsAt)}</time>
                    </li>
                  ))}
                </ol>
              </dd>
            </div>
          ) : null}
          {schedule.place ? (
            <div className="facts__row">
              <dt>{t('training.schedule.place')}</dt>
              <dd>
                <bdi>{schedule.place}</bdi>
              </dd>
            </div>
          ) : null}
          {schedule.course ? (
            <div className="facts__row">
              <dt>{t('training.schedule.course')}</dt>
              <dd>
                <Link to={`/courses/${encodeURIComponent(schedule.course.id)}`} dir="auto">
                  {schedule.course.title}
                </Link>
              </dd>
            </div>
          ) : null}
          {schedule.deadline ? (
            <div className="facts__row">
              <dt>{t('training.schedule.deadline')}</dt>
              <dd>
                <time dateTime={schedule.deadline}>{format.dateTime(schedule.deadline)}</time>
              </dd>
            </div>
          ) : null}
          <div className="facts__row">
            <dt>{t('training.schedule.deliveryEnds')}</dt>
            <dd>
              <time dateTime={schedule.deliveryEndsAt}>{format.dateTime(schedule.deliveryEndsAt)}</time>
            </dd>
          </div>
          {schedule.evaluationClosesAt ? (
            <div className="facts__row">
              <dt>{t('training.evaluation.closes')}</dt>
              <dd>
                <time dateTime={schedule.evaluationClosesAt}>{format.dateTime(schedule.evaluationClosesAt)}</time>
              </dd>
            </div>
          ) : null}
        </dl>
      </section>
      {request.attendance ? <TrainingAttendance request={request} announce={announce} /> : null}
    </>
  );
}
