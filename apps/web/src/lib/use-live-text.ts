import { useEffect, useRef, useState } from 'react';

/**
 * A text filter that applies itself: `apply` runs with the trimmed text `delay` ms after the last
 * keystroke (no Apply button). `committed` is the value in force (from the address); when it changes from
 * elsewhere (back, a link), the field shows it. Returns the field's text, its setter, and `flush` to apply
 * at once (Enter).
 */
export function useLiveText(committed: string, apply: (value: string) => void, delay = 400) {
  const [text, setText] = useState(committed);
  const [seen, setSeen] = useState(committed);
  const applyRef = useRef(apply);
  useEffect(() => {
    applyRef.current = apply;
  });

  if (committed !== seen) {
    setSeen(committed);
    if (text.trim() !== committed) setText(committed);
  }

  useEffect(() => {
    if (text.trim() === committed) return undefined;
    const timer = setTimeout(() => applyRef.current(text.trim()), delay);
    return () => clearTimeout(timer);
  }, [text, committed, delay]);

  const flush = () => {
    if (text.trim() !== committed) applyRef.current(text.trim());
  };
  return [text, setText, flush] as const;
}
