import type { ReactNode } from 'react';

/**
 * A polite live region that is always in the page, so that changing its text is announced. Render it
 * once and change its children rather than mounting it on success.
 */
export function StatusMessage({ children, className }: { children?: ReactNode; className?: string }) {
  return (
    <p role="status" className={['status', className].filter(Boolean).join(' ')}>
      {children}
    </p>
  );
}
