import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { useMarkThreadRead } from '../api/mark-thread-read';

const DELAY_MS = 300;

/**
 * Marks a thread read up to the highest post that has been on screen (`[data-seq]` elements under
 * `containerRef`), a moment after it appeared. Reads only move forward. Without IntersectionObserver every
 * post shown counts as seen.
 */
export function useMarkRead(
  threadId: string,
  lastReadSeq: number,
  containerRef: RefObject<HTMLElement | null>,
  /** Changes whenever the posts shown change. */
  shownKey: string,
): void {
  const { mutate } = useMarkThreadRead();
  const sent = useRef(lastReadSeq);
  const seen = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    sent.current = Math.max(sent.current, lastReadSeq);
  }, [lastReadSeq]);

  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    if (seen.current <= sent.current) return;
    sent.current = seen.current;
    mutate({ threadId, lastReadSeq: seen.current });
  }, [mutate, threadId]);

  const report = useCallback(
    (seq: number) => {
      if (!Number.isFinite(seq) || seq <= seen.current) return;
      seen.current = seq;
      if (seq > sent.current && timer.current === null) timer.current = setTimeout(flush, DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const elements = Array.from(container.querySelectorAll<HTMLElement>('[data-seq]'));
    if (typeof IntersectionObserver === 'undefined') {
      for (const element of elements) report(Number(element.dataset['seq']));
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting && entry.target instanceof HTMLElement) report(Number(entry.target.dataset['seq']));
      }
    });
    for (const element of elements) observer.observe(element);
    return () => observer.disconnect();
  }, [containerRef, shownKey, report]);

  // Leaving the thread sends what was seen without waiting.
  useEffect(() => () => flush(), [flush]);
}
