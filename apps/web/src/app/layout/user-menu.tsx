import type { MeDto } from '@twinning/contracts';
import { useCallback, useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Link, useNavigate } from 'react-router';
import { useLogout } from '../../features/account';
import { useT } from '../../lib/i18n';
import { arrowKeyFocus, useDismiss } from '../../lib/use-dismiss';
import { LanguagePicker } from './language-picker';

/** Up to two initials of a display name ("Daniel Okafor" → "DO"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((word) => Array.from(word ?? '')[0]?.toLocaleUpperCase() ?? '').join('');
}

/**
 * The header's account menu: a button with the user's initials (and name, when there is room) that opens
 * a panel with their profile, notification settings, the interface language and signing out. A disclosure:
 * `aria-expanded` on the button; Tab and the arrow keys move through the panel; Escape or a click outside
 * closes it and gives focus back to the button.
 */
export function UserMenu({ user }: { user: MeDto }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const logout = useLogout();
  const navigate = useNavigate();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, containerRef, buttonRef);

  return (
    <div ref={containerRef} className="user-menu">
      <button
        ref={buttonRef}
        id="user-menu-button"
        type="button"
        className="header-button user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' || open) return;
          event.preventDefault();
          // Show the panel now, so that its first item can take focus in this same keystroke.
          flushSync(() => setOpen(true));
          document.getElementById(panelId)?.querySelector<HTMLElement>('a[href], button')?.focus();
        }}
      >
        <span className="user-menu__avatar" aria-hidden="true">
          {initialsOf(user.displayName)}
        </span>
        <span className="user-menu__name">
          <span className="visually-hidden">{t('nav.accountMenu')}:</span> {user.displayName}
        </span>
        <svg className="user-menu__caret" aria-hidden="true" viewBox="0 0 12 12" width="12" height="12">
          <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      </button>
      {/* The arrow keys move between the panel's own links, buttons and fields (which handle their keys). */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
      <div
        id={panelId}
        className="header-panel user-menu__panel"
        hidden={!open}
        onKeyDown={(event) => arrowKeyFocus(event)}
      >
        <p className="user-menu__who">
          <span className="muted">{t('nav.signedInAs')}</span> <span dir="ltr">{user.email}</span>
        </p>
        <ul className="user-menu__list">
          <li>
            <Link to="/profile" onClick={close}>
              {t('nav.profile')}
            </Link>
          </li>
          <li>
            <Link to="/notifications" onClick={close}>
              {t('nav.notifications')}
            </Link>
          </li>
        </ul>
        <LanguagePicker />
        <button
          type="button"
          className="button button--secondary user-menu__logout"
          disabled={logout.isPending}
          onClick={() =>
            logout.mutate(undefined, {
              onSettled: () => {
                setOpen(false);
                navigate('/');
              },
            })
          }
        >
          {t('nav.logOut')}
        </button>
      </div>
    </div>
  );
}
