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

/**
 * Moves focus to the new page's heading (or `<main>`) after each client-side navigation, except between
 * the sections of one page (the in-page menu then brings the section into view and focuses it), and
 * except while the user is in an open header menu (`data-keeps-focus`): a page that arrives late (its
 * code loads on demand) must not snatch focus from a menu opened meanwhile, which would close it.
 */
function useFocusOnNavigation(main: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const previous = useRef(pathname);

  useEffect(() => {
    if (previous.current === pathname) return;
    const from = previous.current;
    previous.current = pathname;
    if (betweenSections(main.current, from, pathname)) return;
    if (document.activeElement?.closest('[data-keeps-focus]')) return;
    const target = main.current?.querySelector<HTMLElement>('h1') ?? main.current;
    target?.focus();
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
