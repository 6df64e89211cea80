import { POLL_ANSWERS, type PollAnswer, type VisitDateOptionDto, type VisitDto } from '@twinning/contracts';
import { useId, useState, type FormEvent } from 'react';
import { FormError } from '../../../components/form-error';
import { useI18n } from '../../../lib/i18n';
import { usePickDate } from '../api/pick-date';
import { useVoteVisit } from '../api/vote-visit';
import { formatDateRange, formatInstantRange } from '../visit-time';
import type { Announce } from '../../../lib/announce';
import { ConfirmDialog } from './confirm-dialog';
import { useViewerTimeZone } from '../../../lib/zoned-time';

function answersOf(options: readonly VisitDateOptionDto[]): Record<string, PollAnswer> {
  const answers: Record<string, PollAnswer> = {};
  for (const option of options) if (option.myAnswer) answers[option.id] = option.myAnswer;
  return answers;
}

/**
 * The date poll: each proposed range in the host's calendar and as instants in the viewer's zone, its
 * tally and who answered what; the viewer's answer per option (yes / if need be / no), saved together;
 * and, for coordinators, "pick these dates", which closes the poll.
 */
export function DatePoll({ visit, announce }: { visit: VisitDto; announce: Announce }) {
  const { t, language } = useI18n();
  const headingId = useId();
  const viewerZone = useViewerTimeZone();
  const vote = useVoteVisit();
  const pick = usePickDate();
  const [answers, setAnswers] = useState<Record<string, PollAnswer>>(() => answersOf(visit.dateOptions));
  const [picking, setPicking] = useState<VisitDateOptionDto | null>(null);
  const canVote = visit.pollOpen && visit.status !== 'cancelled' && visit.status !== 'completed';
  const canPick = canVote && visit.viewer.coordinator;
  const answered = Object.keys(answers).length;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    vote.mutate(
      {
        visitId: visit.id,
        answers: visit.dateOptions
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

  const rangeOf = (option: VisitDateOptionDto) => formatDateRange(language, option.startDate, option.endDate);
  const chosen = (option: VisitDateOptionDto) =>
    !visit.pollOpen && option.startDate === visit.startDate && option.endDate === visit.endDate;

  return (
    <section className="section visit-poll" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('visits.poll.heading')}</h2>
      <p className="muted">
        {visit.pollOpen
          ? t('visits.poll.intro', { city: visit.hostCity.name, zone: viewerZone })
          : t('visits.poll.closed')}
      </p>
      <form noValidate onSubmit={handleSubmit} aria-labelledby={headingId}>
        <FormError error={vote.error} />
        <ul className="visit-poll__options">
          {visit.dateOptions.map((option) => (
            <li
              key={option.id}
              className={chosen(option) ? 'visit-poll__option visit-poll__option--chosen' : 'visit-poll__option'}
            >
              <fieldset className="fieldset">
                <legend>
                  {rangeOf(option)}
                  {chosen(option) ? <span className="badge badge--approved">{t('visits.poll.chosen')}</span> : null}
                </legend>
                <p className="field__hint">
                  {t('visits.poll.yourTime', {
                    range: formatInstantRange(language, viewerZone, option.startsAt, option.endsAt),
                  })}
                </p>
                <div role="group" aria-label={t('visits.poll.tallyOf', { range: rangeOf(option) })}>
                  <dl className="visit-tally">
                    {POLL_ANSWERS.map((answer) => {
                      const voters = option.voters.filter((voter) => voter.answer === answer);
                      return (
                        <div key={answer} className={`visit-tally__row visit-tally__row--${answer}`}>
                          <dt>{t(`visits.answer.${answer}`)}</dt>
                          <dd>
                            <span className="visit-tally__count">{option.tally[answer]}</span>
                            {voters.length > 0 ? (
                              <span className="visit-tally__names">
                                {' '}
                                ({voters.map((voter) => voter.user.displayName).join(', ')})
                              </span>
                            ) : null}
                          </dd>
                        </div>
                      );
                    })}
                  </dl>
                </div>
                {canVote ? (
                  <div
                    role="radiogroup"
                    aria-label={t('visits.poll.myAnswerFor', { range: rangeOf(option) })}
                    className="visit-poll__answers"
                  >
                    {POLL_ANSWERS.map((answer) => {
                      const inputId = `${headingId}-${option.id}-${answer}`;
                      return (
                        <div key={answer} className="checkbox">
                          <input
                            id={inputId}
                            type="radio"
                            name={`answer-${option.id}`}
                            value={answer}
                            checked={answers[option.id] === answer}
                            onChange={() => setAnswers({ ...answers, [option.id]: answer })}
                          />
                          <label htmlFor={inputId}>{t(`visits.answer.${answer}`)}</label>
                        </div>
                      );
                    })}
                  </div>
                ) : null}
                {canPick ? (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t('visits.poll.pickFor', { range: rangeOf(option) })}
                    onClick={() => {
                      pick.reset();
                      setPicking(option);
                    }}
                  >
                    {t('visits.poll.pick')}
                  </button>
                ) : null}
              </fieldset>
            </li>
          ))}
        </ul>
        {canVote ? (
          <button type="submit" className="button" disabled={vote.isPending || answered === 0}>
            {vote.isPending ? t('common.saving') : t('visits.poll.save')}
          </button>
        ) : null}
      </form>
      {picking ? (
        <ConfirmDialog
          title={t('visits.poll.pickTitle')}
          body={t('visits.poll.pickBody', { range: rangeOf(picking) })}
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
                  announce(t('visits.poll.picked', { range: rangeOf(picking) }), { focus: true });
                },
              },
            )
          }
        />
      ) : null}
    </section>
  );
}
