import type { MeDto } from '@twinning/contracts';
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { canReviewJoinRequests, isAdmin, useSession } from '../../features/account';
import { canModerateForums } from '../../features/moderation/permissions';
import { NotificationBell } from '../../features/notifications';
import { useI18n, type Translate } from '../../lib/i18n';
import { useDismiss } from '../../lib/use-dismiss';
import { LanguagePicker } from './language-picker';
import { UserMenu } from './user-menu';

/** Below this width the sections always sit behind the menu button (the header's CSS agrees). */
const COMPACT_QUERY = '(max-width: 56.25em)';

function withNext(path: string, current: string): string {
  if (current === '/' || current.startsWith('/login') || current.startsWith('/register')) return path;
  return `${path}?next=${encodeURIComponent(current)}`;
}

interface Section {
  to: string;
  label: string;
}

function sectionsFor(user: MeDto | null, t: Translate): Section[] {
  if (!user)
    return [
      { to: '/cities', label: t('nav.cities') },
      { to: '/courses', label: t('courses.nav') },
    ];
  return [
    { to: '/partnerships', label: t('partnerships.navLink') },
    { to: '/forums', label: t('forums.nav') },
    { to: '/visits', label: t('visits.nav') },
    { to: '/workshops', label: t('workshops.nav') },
    { to: '/training', label: t('training.nav') },
    { to: '/courses', label: t('courses.nav') },
    { to: '/cities', label: t('nav.cities') },
    ...(canReviewJoinRequests(user) ? [{ to: '/join-requests', label: t('nav.joinRequests') }] : []),
    ...(canModerateForums(user) ? [{ to: '/moderation', label: t('modQueue.nav') }] : []),
    ...(isAdmin(user) ? [{ to: '/admin', label: t('nav.admin') }] : []),
  ];
}

type HeaderFit = 'full' | 'no-name' | 'compact';

/**
 * How the bar fits its width: everything in one row (`full`); the same without the user's name beside the
 * account button (`no-name`); or the sections behind the menu button (`compact`), always on narrow
 * screens. Measured before paint, again when the header's width, the language or the entries change.
 */
function measureFit(element: HTMLElement): HeaderFit {
  const inner = element.firstElementChild;
  if (!(inner instanceof HTMLElement)) return 'full';
  if (window.matchMedia?.(COMPACT_QUERY)?.matches) return 'compact';
  // Lay the bar out each way for a moment, and keep the first that does not overflow.
  const classes = element.className;
  let fit: HeaderFit = 'compact';
  for (const candidate of ['full', 'no-name'] as const) {
    element.className = `site-header site-header--measure${candidate === 'no-name' ? ' site-header--no-name' : ''}`;
    if (inner.scrollWidth <= inner.clientWidth + 1) {
      fit = candidate;
      break;
    }
  }
  element.className = classes;
  return fit;
}

function useHeaderFit(header: RefObject<HTMLElement | null>, signature: string): HeaderFit {
  const [fit, setFit] = useState<HeaderFit>('full');

  useLayoutEffect(() => {
    const element = header.current;
    if (!element) return undefined;
    const update = () => setFit(measureFit(element));
    // Measured before paint, so the bar never shows a wrapped or overflowing row.
    update();
    let width = element.clientWidth;
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            if (element.clientWidth === width) return;
            width = element.clientWidth;
            update();
          });
    observer?.observe(element);
    return () => observer?.disconnect();
  }, [header, signature]);

  return fit;
}

/**
 * One bar at every width: the name, the primary sections, the notification bell and the account menu
 * (signed in) or the language picker (signed out). When the sections do not fit, a menu button shows
 * them in a panel under the bar instead, so the bar never wraps to a second row.
 */
export function SiteHeader() {
  const { t, language } = useI18n();
  const { user, status } = useSession();
  const location = useLocation();
  const current = `${location.pathname}${location.search}`;
  const headerRef = useRef<HTMLElement>(null);
  const sheetRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  const closeSheet = useCallback(() => setSheetOpen(false), []);

  const sections = sectionsFor(user, t);
  const anonymous = !user && status === 'anonymous';
  const links: Section[] = anonymous
    ? [
        ...sections,
        { to: withNext('/login', current), label: t('nav.logIn') },
        { to: withNext('/register', current), label: t('nav.register') },
      ]
    : sections;
  const fit = useHeaderFit(headerRef, `${language}|${user?.displayName}|${links.map((link) => link.to).join(',')}`);
  const compact = fit === 'compact';
  const open = compact && sheetOpen;
  useDismiss(open, closeSheet, sheetRef, toggleRef);

  // A new page closes the panel.
  const [shownPath, setShownPath] = useState(location.pathname);
  if (shownPath !== location.pathname) {
    setShownPath(location.pathname);
    setSheetOpen(false);
  }

  return (
    <header ref={headerRef} className={`site-header${fit === 'full' ? '' : ` site-header--${fit}`}`}>
      <div className="site-header__inner container">
        <Link to="/" className="site-header__brand">
          Twinning
        </Link>
        <nav aria-label={t('nav.label')} className="site-nav">
          <div ref={sheetRef} className="site-nav__sections">
            <button
              ref={toggleRef}
              type="button"
              className="site-nav__toggle"
              aria-expanded={open}
              aria-controls="site-nav-list"
              onClick={() => setSheetOpen((value) => !value)}
            >
              <svg aria-hidden="true" viewBox="0 0 20 20" width="20" height="20">
                {open ? (
                  <path d="M4 4l12 12M16 4L4 16" stroke="currentColor" strokeWidth="2" />
                ) : (
                  <path d="M2 5h16M2 10h16M2 15h16" stroke="currentColor" strokeWidth="2" />
                )}
              </svg>
              <span className="site-nav__toggle-label">{t('nav.menu')}</span>
            </button>
            <ul id="site-nav-list" className="site-nav__list" data-open={open ? 'true' : undefined}>
              {links.map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to}>{link.label}</NavLink>
                </li>
              ))}
            </ul>
          </div>
          {user ? (
            <div className="site-nav__tools">
              <NotificationBell />
              <UserMenu user={user} />
            </div>
          ) : null}
        </nav>
        {user ? null : <LanguagePicker hideLabel />}
      </div>
    </header>
  );
}
