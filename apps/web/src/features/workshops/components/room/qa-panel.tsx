import { WORKSHOP_LIMITS, type QuestionStatus, type WorkshopQuestionDto } from '@twinning/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../../../lib/i18n';
import { formatDuration } from '../../realtime/room-state';

export interface QaPanelProps {
  open: readonly WorkshopQuestionDto[];
  answered: readonly WorkshopQuestionDto[];
  myVotes: readonly string[];
  facilitator: boolean;
  /** Questions can be asked and voted on (a live room the viewer is in). */
  canAsk: boolean;
  /** Seconds the viewer's mute still lasts (0: not muted): no questions meanwhile (votes are still fine). */
  muteLeft: number;
  /** Each answers with a translated error, or null when it worked. */
  onAsk: (body: string) => Promise<string | null>;
  onVote: (questionId: string, vote: boolean) => Promise<string | null>;
  onSetStatus: (questionId: string, status: QuestionStatus) => Promise<string | null>;
}

/** Q&A: ask, upvote (once, and take it back), facilitators mark answered or dismiss. Most votes first. */
export function QaPanel(props: QaPanelProps) {
  const { open, answered, myVotes, facilitator, canAsk, muteLeft, onAsk, onVote, onSetStatus } = props;
  const { t, language } = useI18n();
  const ids = { heading: useId(), input: useId(), answered: useId(), hint: useId(), muted: useId() };
  const muted = muteLeft > 0;
  const [draft, setDraft] = useState('');
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleAsk(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = draft.trim();
    if (body === '' || asking || muted) return;
    setAsking(true);
    setError(null);
    const failure = await onAsk(body);
    setAsking(false);
    if (failure) setError(failure);
    else setDraft('');
  }

  async function run(action: () => Promise<string | null>) {
    setError(null);
    setError(await action());
  }

  return (
    <div className="room-qa">
      <h2 id={ids.heading} className="room-side__heading">
        {t('room.qa.heading', { count: open.length })}
      </h2>
      {canAsk ? (
        <form className="room-qa__ask" onSubmit={(event) => void handleAsk(event)}>
          <label htmlFor={ids.input}>{t('room.qa.askLabel')}</label>
          <textarea
            id={ids.input}
            rows={2}
            dir="auto"
            maxLength={WORKSHOP_LIMITS.questionMax}
            value={draft}
            disabled={muted}
            aria-describedby={muted ? `${ids.muted} ${ids.hint}` : ids.hint}
            onChange={(event) => setDraft(event.target.value)}
          />
          {muted ? (
            <p id={ids.muted} className="room-muted-note">
              {t('room.composer.muted', { time: formatDuration(muteLeft, language) })}
            </p>
          ) : null}
          <p id={ids.hint} className="muted room-qa__hint">
            {t('room.qa.askHint', { max: WORKSHOP_LIMITS.questionMax })}
          </p>
          <button type="submit" className="button button--small" disabled={asking || muted || draft.trim() === ''}>
            {t('room.qa.ask')}
          </button>
        </form>
      ) : null}
      {error ? (
        <p role="alert" className="room-side__error">
          {error}
        </p>
      ) : null}

      {open.length === 0 ? (
        <p className="muted">{t('room.qa.none')}</p>
      ) : (
        <ol className="room-qa__list" aria-labelledby={ids.heading}>
          {open.map((question) => (
            <QuestionItem
              key={question.id}
              question={question}
              voted={myVotes.includes(question.id)}
              canVote={canAsk}
              facilitator={facilitator}
              onVote={(vote) => void run(() => onVote(question.id, vote))}
              onSetStatus={(status) => void run(() => onSetStatus(question.id, status))}
            />
          ))}
        </ol>
      )}

      {answered.length > 0 ? (
        <>
          <h3 id={ids.answered} className="room-side__subheading">
            {t('room.qa.answeredHeading', { count: answered.length })}
          </h3>
          <ul className="room-qa__list room-qa__list--answered" aria-labelledby={ids.answered}>
            {answered.map((question) => (
              <QuestionItem key={question.id} question={question} voted={myVotes.includes(question.id)} />
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

interface QuestionItemProps {
  question: WorkshopQuestionDto;
  voted: boolean;
  canVote?: boolean;
  facilitator?: boolean;
  onVote?: (vote: boolean) => void;
  onSetStatus?: (status: QuestionStatus) => void;
}

function QuestionItem({
  question,
  voted,
  canVote = false,
  facilitator = false,
  onVote,
  onSetStatus,
}: QuestionItemProps) {
  const { t } = useI18n();
  const votesId = useId();
  return (
    <li className="room-question">
      <div
        className="post-markdown room-question__body"
        dir="auto"
        dangerouslySetInnerHTML={{ __html: question.bodyHtml }}
      />
      <p className="room-question__meta muted">
        <span dir="auto">{t('room.qa.askedBy', { name: question.author.displayName })}</span>
        {' · '}
        <span id={votesId}>{t('room.qa.votes', { count: question.votes })}</span>
      </p>
      {onVote || onSetStatus ? (
        <div className="button-row room-question__actions">
          {onVote && canVote ? (
            <button
              type="button"
              className="button button--small button--secondary room-question__vote"
              aria-pressed={voted}
              aria-describedby={votesId}
              onClick={() => onVote(!voted)}
            >
              <span aria-hidden="true">▲ </span>
              {t('room.qa.upvote')}
            </button>
          ) : null}
          {facilitator && onSetStatus ? (
            <>
              <button type="button" className="button button--small" onClick={() => onSetStatus('answered')}>
                {t('room.qa.markAnswered')}
              </button>
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => onSetStatus('dismissed')}
              >
                {t('room.qa.dismiss')}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
