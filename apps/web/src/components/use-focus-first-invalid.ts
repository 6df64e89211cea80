import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/**
 * After a failed submit, moves keyboard focus to the first field marked `aria-invalid`, so keyboard and
 * screen-reader users land on the problem. Call the returned function whenever a submit fails.
 *
 * A server's field errors may render a little after the failure is reported (the mutation's error state
 * reaches the component in a later task than the rejected promise), so the request stays pending and is
 * retried after each render until a field in error shows up or the next failure replaces it.
 */
export function useFocusFirstInvalid(formRef: RefObject<HTMLFormElement | null>): () => void {
  const [attempt, setAttempt] = useState(0);
  const handled = useRef(0);

  useEffect(() => {
    if (attempt === 0 || handled.current === attempt) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!invalid) return;
    handled.current = attempt;
    invalid.focus();
  });

  return useCallback(() => setAttempt((n) => n + 1), []);
}
