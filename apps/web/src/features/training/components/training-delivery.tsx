import type { TrainingRequestDto } from '@twinning/contracts';
import { useId } from 'react';
import { Link } from 'react-router';
import { Fact } from '../../../components/fact';
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
          <Fact label={t('training.form.format')}>{t(`training.format.${schedule.format}`)}</Fact>
          {schedule.sessions.length > 0 ? (
            <Fact label={t('training.schedule.sessions')}>
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
            </Fact>
          ) : null}
          {schedule.place ? (
            <Fact label={t('training.schedule.place')}>
              <bdi>{schedule.place}</bdi>
            </Fact>
          ) : null}
          {schedule.course ? (
            <Fact label={t('training.schedule.course')}>
              <Link to={`/courses/${encodeURIComponent(schedule.course.id)}`} dir="auto">
                {schedule.course.title}
              </Link>
            </Fact>
          ) : null}
          {schedule.deadline ? (
            <Fact label={t('training.schedule.deadline')}>
              <time dateTime={schedule.deadline}>{format.dateTime(schedule.deadline)}</time>
            </Fact>
          ) : null}
          <Fact label={t('training.schedule.deliveryEnds')}>
            <time dateTime={schedule.deliveryEndsAt}>{format.dateTime(schedule.deliveryEndsAt)}</time>
          </Fact>
          {schedule.evaluationClosesAt ? (
            <Fact label={t('training.evaluation.closes')}>
              <time dateTime={schedule.evaluationClosesAt}>{format.dateTime(schedule.evaluationClosesAt)}</time>
            </Fact>
          ) : null}
        </dl>
      </section>
      {request.attendance ? <TrainingAttendance request={request} announce={announce} /> : null}
    </>
  );
}
