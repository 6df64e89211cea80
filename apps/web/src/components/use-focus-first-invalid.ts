import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/**
 * After a failed submit, moves keyboard focus to the first field marked `aria-invalid`, so keyboard and
 * screen-reader users land on the problem. Call the returned function whenever a submit fails.
 */
export function useFocusFirstInvalid(formRef: RefObject<HTMLFormElement | null>): () => void {
  const [attempt, setAttempt] = useState(0);
  const handled = useRef(0);

  useEffect(() => {
    if (attempt === 0 || handled.current === attempt) return;
    handled.current = attempt;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [attempt, formRef]);

  return useCallback(() => setAttempt((n) => n + 1), []);
}
