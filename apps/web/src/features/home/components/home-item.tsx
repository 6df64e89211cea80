import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface HomeItemProps {
  /** Where the item's link goes. */
  to: string;
  /** The link's text. */
  title: ReactNode;
  /** `auto` when the title is someone's text (a workshop's, a thread's), not one of ours. */
  titleDir?: 'auto';
  /** Said after the link, muted: when, where, how many. */
  meta: ReactNode;
  /** `auto` when the meta is made of people's or things' names. */
  metaDir?: 'auto';
  /** The partnership the item belongs to, named after the meta. */
  partnership?: { title: string } | null;
  /** Said last: the viewer's state, actions. */
  children?: ReactNode;
}

/** One line of a home block's list: a link, then muted details, then (if any) state or actions. */
export function HomeItem({ to, title, titleDir, meta, metaDir, partnership, children }: HomeItemProps) {
  return (
    <li className="home-block__item">
      <Link to={to} dir={titleDir}>
        {title}
      </Link>{' '}
      <span className="muted" dir={metaDir}>
        {meta}
        {partnership ? (
          <>
            {' · '}
            <span dir="auto">{partnership.title}</span>
          </>
        ) : null}
      </span>
      {children ? <> {children}</> : null}
    </li>
  );
}
