import { POLL_ANSWERS, type PollAnswer, type VisitDateOptionDto, type VisitDto } from '@twinning/contracts';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { FormError } from '../../../components/form-error';
import type { Announce } from '../../../lib/announce';
import { useI18n } from '../../../lib/i18n';
import { usePickDate } from '../api/pick-date';
import { useVoteVisit } from '../api/vote-visit';
import {
  bestOptionIds,
  formatPollRange,
  optionDays,
  optionYear,
  otherRows,
  pollTotals,
  type PollDraft,
} from '../poll-grid';
import { formatDateRange } from '../visit-time';
import { ConfirmDialog } from './confirm-dialog';
import { PollMark } from './poll-mark';

function answersOf(options: readonly VisitDateOptionDto[]): Record<string, PollAnswer> {
  const answers: Record<string, PollAnswer> = {};
  for (const option of options) if (option.myAnswer) answers[option.id] = option.myAnswer;
  return answers;
}

export interface DatePollProps {
  visit: VisitDto;
  announce: Announce;
  /** The signed-in user: their saved answers become the editable first row instead of a row of their own. */
  viewerId?: string;
}

/**
 * The date poll as a grid, as in Rallly or Doodle: one column per option (whole days in the host's
 * calendar, never shifted into the viewer's zone), one row per person with their yes / if need be / no,
 * the viewer's own row editable inline (a radio group per cell: Tab moves between cells, arrow keys
 * change the answer), totals per option and the best option (most yes, then most if need be)
 * highlighted. Answers are saved together; coordinators pick an option, which closes the poll. Wide
 * polls scroll sideways with the names column kept in view.
 */
export function DatePoll({ visit, announce, viewerId }: DatePollProps) {
  const { t, language } = useI18n();
  const headingId = useId();
  const captionId = useId();
  const vote = useVoteVisit();
  const pick = usePickDate();
  const [answers, setAnswers] = useState<Record<string, PollAnswer>>(() => answersOf(visit.dateOptions));
  const [picking, setPicking] = useState<VisitDateOptionDto | null>(null);
  const options = visit.dateOptions;
  const canVote = visit.pollOpen && visit.status !== 'cancelled' && visit.status !== 'completed';
  const canPick = canVote && visit.viewer.coordinator;
  const answered = Object.keys(answers).length;
  const currentYear = new Date().getFullYear();

  // While the viewer may vote, their row is the editable one; otherwise everyone is a plain row.
  const others = useMemo(() => otherRows(options, canVote ? viewerId : undefined), [options, canVote, viewerId]);
  const mine: PollDraft = canVote ? answers : {};
  const totals = pollTotals(options, others, mine);
  const best = bestOptionIds(totals);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    vote.mutate(
      {
        visitId: visit.id,
        answers: options
          .filter((option) => answers[option.id])
          .map((option) => ({ optionId: option.id, answer: answers[option.id] as PollAnswer })),
      },
      {
        onSuccess: (saved) => {
          setAnswers(answersOf(saved.dateOptions));
          announce(t('visits.poll.saved'));
        },
      },
    );
  }

  /** The column's name: its days, with the year when it is not this one (for labels read out of context). */
  const labelOf = (option: VisitDateOptionDto) => {
    const year = optionYear(language, option.startDate, option.endDate, currentYear);
    const range = formatPollRange(language, option.startDate, option.endDate);
    return year ? `${range} ${year}` : range;
  };
  const fullRangeOf = (option: VisitDateOptionDto) => formatDateRange(language, option.startDate, option.endDate);
  const chosen = (option: VisitDateOptionDto) =>
    !visit.pollOpen && option.startDate === visit.startDate && option.endDate === visit.endDate;
  const columnClass = (option: VisitDateOptionDto) =>
    [
      'visit-poll__col',
      best.has(option.id) ? 'visit-poll__col--best' : '',
      chosen(option) ? 'visit-poll__col--chosen' : '',
    ]
      .filter(Boolean)
      .join(' ');

  return (
    <section className="section visit-poll" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('visits.poll.heading')}</h2>
      <p className="muted">
        {visit.pollOpen ? t('visits.poll.intro', { city: visit.hostCity.name }) : t('visits.poll.closed')}
      </p>
      <ul className="visit-poll__legend" aria-label={t('visits.poll.legend')}>
        {POLL_ANSWERS.map((answer) => (
          <li key={answer}>
            <PollMark answer={answer} /> {t(`visits.answer.${answer}`)}
          </li>
        ))}
      </ul>
      <form noValidate onSubmit={handleSubmit} aria-labelledby={headingId}>
        <FormError error={vote.error} />
        <div
          className="visit-poll__scroll"
          role="region"
          aria-labelledby={captionId}
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must take keyboard focus to be scrolled
          tabIndex={0}
        >
          <table className="visit-poll__grid">
            <caption id={captionId} className="visually-hidden">
              {t('visits.poll.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="visit-poll__name">
                  {t('visits.poll.person')}
                </th>
                {options.map((option) => (
                  <th key={option.id} scope="col" className={columnClass(option)}>
                    <span className="visit-poll__range">
                      {formatPollRange(language, option.startDate, option.endDate)}
                    </span>
                    <span className="visit-poll__days">
                      {[
                        optionYear(language, option.startDate, option.endDate, currentYear),
                        t('visits.poll.days', { count: optionDays(option.startDate, option.endDate) }),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                    {best.has(option.id) && visit.pollOpen ? (
                      <span className="badge visit-poll__badge">{t('visits.poll.best')}</span>
                    ) : null}
                    {chosen(option) ? (
                      <span className="badge badge--approved visit-poll__badge">{t('visits.poll.chosen')}</span>
                    ) : null}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {canVote ? (
                <tr className="visit-poll__mine">
                  <th scope="row" className="visit-poll__name">
                    {t('visits.poll.you')}
                  </th>
                  {options.map((option) => (
                    <td key={option.id} className={columnClass(option)}>
                      <div
                        role="radiogroup"
                        aria-label={t('visits.poll.myAnswerFor', { range: labelOf(option) })}
                        className="visit-poll__choices"
                      >
                        {POLL_ANSWERS.map((answer) => (
                          <label key={answer} className={`visit-poll__choice visit-poll__choice--${answer}`}>
                            <input
                              type="radio"
                              className="visit-poll__radio"
                              name={`${headingId}-${option.id}`}
                              value={answer}
                              checked={answers[option.id] === answer}
                              onChange={() => setAnswers({ ...answers, [option.id]: answer })}
                            />
                            <PollMark answer={answer} />
                            <span className="visually-hidden">{t(`visits.answer.${answer}`)}</span>
                          </label>
                        ))}
                      </div>
                    </td>
                  ))}
                </tr>
              ) : null}
              {others.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className="visit-poll__name">
                    {row.name}
                  </th>
                  {options.map((option) => {
                    const answer = row.answers[option.id];
                    return (
                      <td key={option.id} className={columnClass(option)}>
                        <PollMark answer={answer} />
                        <span className="visually-hidden">
                          {t('visits.poll.cell', {
                            person: row.name,
                            range: labelOf(option),
                            answer: answer ? t(`visits.answer.${answer}`) : t('visits.poll.noAnswer'),
                          })}
                        </span>
                      </td>
                    );
                  })}
                </tr>
              ))}
              {others.length === 0 && !canVote ? (
                <tr>
                  <td colSpan={options.length + 1}>{t('visits.poll.nobody')}</td>
                </tr>
              ) : null}
            </tbody>
            <tfoot>
              <tr className="visit-poll__totals">
                <th scope="row" className="visit-poll__name">
                  {t('visits.poll.totals')}
                </th>
                {options.map((option) => {
                  const tally = totals[option.id] ?? { yes: 0, if_need_be: 0, no: 0 };
                  return (
                    <td key={option.id} className={columnClass(option)}>
                      <span aria-hidden="true" className="visit-poll__total">
                        <PollMark answer="yes" /> {tally.yes}
                      </span>{' '}
                      <span aria-hidden="true" className="visit-poll__total">
                        <PollMark answer="if_need_be" /> {tally.if_need_be}
                      </span>
                      <span className="visually-hidden">
                        {t('visits.poll.totalOf', {
                          range: labelOf(option),
                          yes: tally.yes,
                          maybe: tally.if_need_be,
                          no: tally.no,
                        })}
                      </span>
                    </td>
                  );
                })}
              </tr>
              {canPick ? (
                <tr>
                  <th scope="row" className="visit-poll__name">
                    <span className="visually-hidden">{t('visits.poll.pick')}</span>
                  </th>
                  {options.map((option) => (
                    <td key={option.id} className={columnClass(option)}>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={t('visits.poll.pickFor', { range: fullRangeOf(option) })}
                        onClick={() => {
                          pick.reset();
                          setPicking(option);
                        }}
                      >
                        {t('visits.poll.pick')}
                      </button>
                    </td>
                  ))}
                </tr>
              ) : null}
            </tfoot>
          </table>
        </div>
        {canVote ? (
          <button type="submit" className="button visit-poll__save" disabled={vote.isPending || answered === 0}>
            {vote.isPending ? t('common.saving') : t('visits.poll.save')}
          </button>
        ) : null}
      </form>
      {picking ? (
        <ConfirmDialog
          title={t('visits.poll.pickTitle')}
          body={t('visits.poll.pickBody', { range: fullRangeOf(picking) })}
          confirmLabel={t('visits.poll.pickConfirm')}
          pending={pick.isPending}
          error={pick.error}
          onClose={() => setPicking(null)}
          onConfirm={() =>
            pick.mutate(
              { visitId: visit.id, optionId: picking.id },
              {
                onSuccess: () => {
                  setPicking(null);
                  announce(t('visits.poll.picked', { range: fullRangeOf(picking) }), { focus: true });
                },
              },
            )
          }
        />
      ) : null}
    </section>
  );
}
