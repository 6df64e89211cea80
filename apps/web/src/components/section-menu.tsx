import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';
import './section-menu.css';

/** What the reader does to take over the scrolling from the menu. */
const STOP_EVENTS = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

export interface SectionMenuItem {
  /** The path segment (`plan` in `/partnerships/:id/plan`); also names the section: `#section-plan`. */
  id: string;
  label: string;
}

/** The id of a section's element on the page, for the menu's links to scroll to. */
export function sectionElementId(id: string): string {
  return `section-${id}`;
}

export interface SectionMenuProps {
  /** Names the menu for screen readers ("Sections of this visit"). */
  label: string;
  /** The page's own path, without a section (`/visits/123`). */
  basePath: string;
  items: SectionMenuItem[];
  /** The section in the address, if any. */
  current: string | undefined;
  /** False while the page's content is not rendered yet (then there is nothing to scroll to). */
  ready?: boolean;
}

/**
 * An in-page menu of a long page's sections, each with its own address (`/partnerships/:id/plan`): a
 * `nav` whose links carry `aria-current` for the section in the address; it sticks under the top of
 * the screen and scrolls sideways on narrow screens. Following a link (or going back and forward) brings
 * that section to the top of the screen and moves focus to its heading.
 */
export function SectionMenu({ label, basePath, items, current, ready = true }: SectionMenuProps) {
  useEffect(() => {
    if (!ready || !current) return undefined;
    const section = document.getElementById(sectionElementId(current));
    if (!section) return undefined;
    section.scrollIntoView?.({ block: 'start' });
    const heading = section.querySelector<HTMLElement>('h2, h3');
    const target = heading ?? section;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    // The current entry stays visible in the menu's own (sideways) scroll.
    document
      .querySelector(`.section-menu a[aria-current='page']`)
      ?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });

    // Sections above may still be loading and grow: keep this one in view for a moment, until the reader
    // scrolls or types themselves.
    if (typeof ResizeObserver === 'undefined') return undefined;
    const main = section.closest('main') ?? document.body;
    const observer = new ResizeObserver(() => section.scrollIntoView?.({ block: 'start' }));
    observer.observe(main);
    const stop = () => {
      observer.disconnect();
      window.clearTimeout(timer);
      for (const type of STOP_EVENTS) window.removeEventListener(type, stop);
    };
    const timer = window.setTimeout(stop, 3000);
    for (const type of STOP_EVENTS) window.addEventListener(type, stop, { passive: true });
    return stop;
  }, [current, ready]);

  return (
    <nav aria-label={label} className="section-menu" data-section-base={basePath}>
      <ul className="section-menu__list">
        {items.map((item, index) => {
          const isCurrent = current ? current === item.id : index === 0;
          return (
            <li key={item.id}>
              <Link
                to={`${basePath}/${item.id}`}
                preventScrollReset
                aria-current={isCurrent ? 'page' : undefined}
                className="section-menu__link"
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** Wraps one section of a long page so the menu can bring it into view. */
export function PageSection({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={sectionElementId(id)} className="page-section">
      {children}
    </div>
  );
}
