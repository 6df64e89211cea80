import type { PollAnswer } from '@twinning/contracts';

/**
 * The mark of one answer, as in Rallly: a check on green (yes), a check in brackets on amber (if need
 * be), a cross on grey (no); an en dash for no answer. Decorative: the text beside it is what is read.
 */
export function PollMark({ answer }: { answer: PollAnswer | undefined }) {
  const kind = answer ?? 'none';
  return (
    <span className={`poll-mark poll-mark--${kind}`} aria-hidden="true">
      {answer === 'yes' ? (
        <svg viewBox="0 0 16 16" focusable="false">
          <path d="M3.5 8.5l3 3 6-7" />
        </svg>
      ) : answer === 'if_need_be' ? (
        <svg viewBox="0 0 16 16" focusable="false">
          <path d="M5 10l2 2 4-5" />
          <path d="M3.2 3.5a6 6 0 0 0 0 9M12.8 3.5a6 6 0 0 1 0 9" />
        </svg>
      ) : answer === 'no' ? (
        <svg viewBox="0 0 16 16" focusable="false">
          <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" />
        </svg>
      ) : (
        <svg viewBox="0 0 16 16" focusable="false">
          <path d="M5.5 8h5" />
        </svg>
      )}
    </span>
  );
}
