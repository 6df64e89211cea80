import { useEffect, type ReactNode } from 'react';
import { usePageShown } from '../../lib/i18n';

const SITE_NAME = 'Twinning';

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title && title !== SITE_NAME ? `${title} – ${SITE_NAME}` : SITE_NAME;
  }, [title]);
}

export interface PageProps {
  /** The page's name: its `<h1>` and the start of `document.title`. */
  title: string;
  /** Replaces the visible heading when it should differ from the document title. */
  heading?: ReactNode;
  /** Short text under the heading. */
  lead?: ReactNode;
  children?: ReactNode;
  className?: string;
}

/**
 * Every route renders exactly one Page, in all its states (loading, error, content), so that the `<h1>`
 * stays the same element and route-change focus lands on it.
 */
export function Page({ title, heading, lead, children, className }: PageProps) {
  useDocumentTitle(title);
  usePageShown();
  return (
    <div className={['page', className].filter(Boolean).join(' ')}>
      <h1 tabIndex={-1} className="page__title">
        {heading ?? title}
      </h1>
      {lead ? <p className="page__lead">{lead}</p> : null}
      {children}
    </div>
  );
}
