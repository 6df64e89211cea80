import type { ReactNode } from 'react';
import { VisuallyHidden } from '../../../components/visually-hidden';
import '../forums.css';

interface StateIconProps {
  /** Text read by screen readers and shown as a tooltip; without it the icon is decoration beside a text. */
  label?: string;
}

function Svg({ children }: { children: ReactNode }) {
  return (
    <svg className="forum-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

/** A pin: the thread stays at the top of its forum. */
export function PinnedIcon({ label }: StateIconProps) {
  return (
    <span className="state-icon" title={label}>
      <Svg>
        <path
          fill="currentColor"
          d="M9.6 1 15 6.4l-1.3.4-2.9 2.9.4 3.6-1.2 1.2-3-3L2.7 15.8 1 15.9l.1-1.7 4.3-4.3-3-3L3.6 5.7l3.6.4 2.9-2.9z"
        />
      </Svg>
      {label ? <VisuallyHidden>{label}</VisuallyHidden> : null}
    </span>
  );
}

/** A padlock: nobody but moderators may reply. */
export function LockedIcon({ label }: StateIconProps) {
  return (
    <span className="state-icon" title={label}>
      <Svg>
        <path
          fill="currentColor"
          d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H3.5A1.5 1.5 0 0 0 2 8.5v5A1.5 1.5 0 0 0 3.5 15h9a1.5 1.5 0 0 0 1.5-1.5v-5A1.5 1.5 0 0 0 12.5 7h-1V4.5A3.5 3.5 0 0 0 8 1zm-2 6V4.5a2 2 0 1 1 4 0V7z"
        />
      </Svg>
      {label ? <VisuallyHidden>{label}</VisuallyHidden> : null}
    </span>
  );
}
