import {
  Fragment,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';
import { useI18n } from '../../../../lib/i18n';
import './action-menu.css';

export interface ActionMenuItem {
  id: string;
  label: string;
  danger?: boolean;
  onSelect: () => void;
}

export interface ActionMenuGroup {
  id: string;
  /** Shown above the group's items (and names the group for screen readers). */
  label?: string;
  items: readonly ActionMenuItem[];
}

export interface ActionMenuProps {
  /** The toggle's accessible name ("Actions for Nurul Aziz"); also names the menu. */
  label: string;
  groups: readonly ActionMenuGroup[];
  /** What the toggle shows (default: an ellipsis). */
  toggle?: ReactNode;
  toggleClassName?: string;
}

/** Space kept between the menu and the edges of the window (px). */
const EDGE = 8;

/**
 * A menu button (WAI-ARIA menu pattern): Enter, Space or ArrowDown open it on the first item, ArrowUp on
 * the last; arrows, Home and End move; Escape or Tab close it and give the focus back to the toggle. The
 * menu is drawn at the end of the main landmark (out of any scrolling list), placed beside its toggle and kept inside
 * the window (below, or above when there is no room), so no scrolling list or narrow screen clips it.
 */
export function ActionMenu({ label, groups, toggle, toggleClassName }: ActionMenuProps) {
  const { dir } = useI18n();
  const menuId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState<null | 'first' | 'last'>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  /** Where the menu is drawn: the end of the page's main landmark (so it stays in a landmark). */
  const [layer, setLayer] = useState<HTMLElement | null>(null);
  const items = groups.flatMap((group) => group.items);

  const close = useCallback((focusToggle: boolean) => {
    setOpen(null);
    setPosition(null);
    if (focusToggle) toggleRef.current?.focus();
  }, []);

  /** Puts the menu beside its toggle, inside the window; false when the toggle is out of sight. */
  const place = useCallback((): boolean => {
    const menu = menuRef.current;
    const button = toggleRef.current;
    if (!menu || !button) return false;
    const anchor = button.getBoundingClientRect();
    if (anchor.bottom < 0 || anchor.top > window.innerHeight) return false;
    const { width, height } = menu.getBoundingClientRect();
    const maxLeft = window.innerWidth - width - EDGE;
    const left = Math.max(EDGE, Math.min(dir === 'rtl' ? anchor.left : anchor.right - width, maxLeft));
    const below = anchor.bottom + 4;
    const above = anchor.top - height - 4;
    const top = below + height <= window.innerHeight - EDGE || above < EDGE ? below : above;
    setPosition({ top: Math.max(EDGE, top), left });
    return true;
  }, [dir]);

  // Place the menu once it is drawn (its size is known then).
  useLayoutEffect(() => {
    if (open) place();
  }, [open, place]);

  // Once placed (and visible), the first or last item takes the focus.
  const placed = position !== null;
  useEffect(() => {
    if (!open || !placed) return;
    const buttons = menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [];
    (open === 'last' ? buttons[buttons.length - 1] : buttons[0])?.focus();
  }, [open, placed]);

  // A click elsewhere or a resize closes it; a scroll moves it with its toggle (and closes it when the
  // toggle has scrolled out of sight).
  useEffect(() => {
    if (!open) return undefined;
    const outside = (event: Event) => {
      const target = event.target as Node | null;
      if (menuRef.current?.contains(target) || toggleRef.current?.contains(target)) return;
      close(false);
    };
    const follow = (event: Event) => {
      if (menuRef.current?.contains(event.target as Node | null)) return;
      if (!place()) close(false);
    };
    const dismiss = () => close(false);
    document.addEventListener('pointerdown', outside, true);
    document.addEventListener('scroll', follow, true);
    window.addEventListener('resize', dismiss);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      document.removeEventListener('scroll', follow, true);
      window.removeEventListener('resize', dismiss);
    };
  }, [open, close, place]);

  if (items.length === 0) return null;

  function openMenu(focus: 'first' | 'last') {
    setLayer(toggleRef.current?.closest<HTMLElement>('main') ?? document.body);
    setOpen(focus);
  }

  function handleToggleKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openMenu(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  }

  function handleMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const buttons = Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const index = buttons.indexOf(document.activeElement as HTMLElement);
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = (index + 1) % buttons.length;
    else if (event.key === 'ArrowUp') next = (index - 1 + buttons.length) % buttons.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
      return;
    }
    if (next === null) return;
    event.preventDefault();
    buttons[next]?.focus();
  }

  const menu = open ? (
    <div
      ref={menuRef}
      id={menuId}
      role="menu"
      tabIndex={-1}
      aria-label={label}
      dir={dir}
      className="action-menu"
      style={position ? { top: position.top, left: position.left } : { top: 0, left: 0, visibility: 'hidden' }}
      onKeyDown={handleMenuKeyDown}
    >
      {groups
        .filter((group) => group.items.length > 0)
        .map((group, index) => (
          <Fragment key={group.id}>
            {index > 0 ? <div role="separator" className="action-menu__separator" /> : null}
            <div role="group" aria-label={group.label} className="action-menu__group">
              {group.label ? (
                <div aria-hidden="true" className="action-menu__heading">
                  <bdi>{group.label}</bdi>
                </div>
              ) : null}
              {group.items.map((item) => (
                <button
                  key={item.id}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className={item.danger ? 'action-menu__item action-menu__item--danger' : 'action-menu__item'}
                  onClick={() => {
                    close(true);
                    item.onSelect();
                  }}
                >
                  {item.label}
                </button>
              ))}
            </div>
          </Fragment>
        ))}
    </div>
  ) : null;

  return (
    <>
      <button
        ref={toggleRef}
        type="button"
        className={toggleClassName ?? 'button button--small button--secondary action-menu__toggle'}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open ? menuId : undefined}
        aria-label={label}
        onClick={() => (open ? close(false) : openMenu('first'))}
        onKeyDown={handleToggleKeyDown}
      >
        {toggle ?? <span aria-hidden="true">⋯</span>}
      </button>
      {menu && layer ? createPortal(menu, layer) : null}
    </>
  );
}
