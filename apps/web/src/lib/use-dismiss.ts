import { useEffect, type RefObject } from 'react';

/**
 * For a disclosure (a button that shows a panel): while `open`, Escape closes it and gives focus back to
 * the button, and so does a click outside `container`; focus moving outside it closes it quietly.
 */
export function useDismiss(
  open: boolean,
  close: () => void,
  container: RefObject<HTMLElement | null>,
  button: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    if (!open) return undefined;
    const isOutside = (target: EventTarget | null) => target instanceof Node && !container.current?.contains(target);
    const onPointerDown = (event: PointerEvent) => {
      if (isOutside(event.target)) close();
    };
    const onFocusIn = (event: FocusEvent) => {
      if (isOutside(event.target)) close();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      close();
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open, close, container, button]);
}

/**
 * Up and Down arrows (and Home, End) move focus between the links, buttons and fields of a panel, in
 * addition to Tab. Returns the keydown handler to put on the panel.
 */
export function arrowKeyFocus(event: { key: string; currentTarget: HTMLElement; preventDefault(): void }): void {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
  const active = document.activeElement;
  // A select uses the arrows to change its value.
  if (active instanceof HTMLSelectElement) return;
  const items = Array.from(
    event.currentTarget.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), select, input'),
  );
  if (items.length === 0) return;
  event.preventDefault();
  const index = active instanceof HTMLElement ? items.indexOf(active) : -1;
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? items.length - 1
        : event.key === 'ArrowDown'
          ? (index + 1) % items.length
          : (index - 1 + items.length) % items.length;
  items[next]?.focus();
}
