import { lazy, Suspense, useEffect, useRef, type MouseEvent, type RefObject } from 'react';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { Loading } from '../../components/loading';
import { VerifyEmailBanner } from '../../features/account';
import { useT } from '../../lib/i18n';
import { SiteHeader } from './site-header';

// The development Outbox's footer link arrives in a chunk of its own: the first page does not wait for it.
const DevOutboxLink = lazy(() => import('../../features/outbox').then((m) => ({ default: m.DevOutboxLink })));

/** Whether both paths are sections of the page whose in-page menu is shown (components/section-menu). */
function betweenSections(main: HTMLElement | null, from: string, to: string): boolean {
  const base = main?.querySelector<HTMLElement>('[data-section-base]')?.dataset['sectionBase'];
  const within = (path: string) => !!base && (path === base || path.startsWith(`${base}/`));
  return within(from) && within(to);
}

/** How long a page may take to show its heading (its code and data load on demand). */
const HEADING_WAIT_MS = 10_000;

/**
 * Moves focus to the new page's heading after each client-side navigation, so a screen reader
 * announces the page, except between the sections of one page (the in-page menu then brings the
 * section into view and focuses it). A page whose code or data load on demand shows its heading
 * late: focus moves when it appears, and only if the user has not moved focus in the meantime
 * (opened a menu, started typing in the search box), so a late page never snatches it. A page
 * without a heading gets `<main>` focused once it has had time to load.
 */
function useFocusOnNavigation(main: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const previous = useRef(pathname);

  useEffect(() => {
    if (previous.current === pathname) return;
    const from = previous.current;
    previous.current = pathname;
    const container = main.current;
    if (!container || betweenSections(container, from, pathname)) return;
    // still where the navigation left it: on the link that was followed, or nowhere (what had focus
    // unmounted). Anything else the user chose while the page loaded, such as a menu they opened,
    // even before this effect ran, so what had focus at this point cannot tell.
    const untouched = () => {
      const active = document.activeElement;
      if (active === null || active === document.body || !active.isConnected) return true;
      return active instanceof HTMLAnchorElement && active.pathname === pathname;
    };
    const focusHeading = () => {
      const heading = container.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      if (untouched()) heading.focus();
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) stop();
    });
    const timer = window.setTimeout(() => {
      stop();
      if (untouched()) container.focus();
    }, HEADING_WAIT_MS);
    function stop() {
      observer.disconnect();
      window.clearTimeout(timer);
    }
    observer.observe(container, { childList: true, subtree: true });
    return stop;
  }, [pathname, main]);
}

export function AppLayout() {
  const t = useT();
  const mainRef = useRef<HTMLElement>(null);
  useFocusOnNavigation(mainRef);

  function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    mainRef.current?.focus();
    mainRef.current?.scrollIntoView();
  }

  return (
    <>
      <a href="#main" className="skip-link" onClick={skipToMain}>
        {t('nav.skipToMain')}
      </a>
      <SiteHeader />
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main container">
        <VerifyEmailBanner />
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('footer.about')}</p>
          <p>{t('footer.license')}</p>
          <Suspense fallback={null}>
            <DevOutboxLink />
          </Suspense>
        </div>
      </footer>
      <ScrollRestoration />
    </>
  );
}
