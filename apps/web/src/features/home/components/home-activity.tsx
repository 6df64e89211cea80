import type { HomeActivityDto } from '@twinning/contracts';
import { Link } from 'react-router';
import { Avatar } from '../../../components/person/avatar';
import { useFormat, useT } from '../../../lib/i18n';

const enc = encodeURIComponent;

/** The sentence and link of one activity entry; the partnership and the time are added around it. */
function ActivityText({ entry }: { entry: HomeActivityDto }) {
  const t = useT();
  const format = useFormat();
  switch (entry.kind) {
    case 'thread':
      return (
        <>
          <Link to={`/threads/${enc(entry.thread.id)}`} dir="auto">
            {entry.thread.title}
          </Link>{' '}
          <span>{t('homeDash.activity.thread', { author: entry.author.displayName })}</span>
        </>
      );
    case 'visit':
      return (
        <>
          <Link to={`/visits/${enc(entry.visit.id)}`} dir="auto">
            {entry.visit.title}
          </Link>{' '}
          <span>{t('homeDash.activity.visit', { city: entry.hostCity.name })}</span>
        </>
      );
    case 'workshop':
      return (
        <>
          <Link to={`/workshops/${enc(entry.workshop.id)}`} dir="auto">
            {entry.workshop.title}
          </Link>{' '}
          <span>{t('homeDash.activity.workshop', { time: format.dateTime(entry.workshop.startsAt) })}</span>
        </>
      );
    case 'member':
      return <span>{t('homeDash.activity.member', { name: entry.user.displayName, city: entry.city.name })}</span>;
    case 'event':
      return (
        <Link to={`/partnerships/${enc(entry.partnership.id)}`}>
          {t(`partnership.event.${entry.action}`, {
            actor: entry.actor?.displayName ?? t('homeDash.activity.someone'),
            city: entry.city?.name ?? '',
          })}
        </Link>
      );
  }
}

/** Recent activity in the user's partnerships, newest first: each entry links to what it is about. */
export function HomeActivity({ activity, hasCity }: { activity: HomeActivityDto[]; hasCity: boolean }) {
  const t = useT();
  const format = useFormat();
  if (activity.length === 0) {
    return (
      <p className="empty">
        {hasCity ? t('homeDash.activity.empty') : t('homeDash.activity.noPartnership')}{' '}
        <Link to="/partnerships" className="home-block__empty-link">
          {t('homeDash.activity.partnerships')}
        </Link>
      </p>
    );
  }
  return (
    <ul className="home-block__list">
      {activity.map((entry) => (
        <li key={`${entry.kind}-${entryId(entry)}`} className="home-block__item">
          <EntryAvatar entry={entry} />
          <ActivityText entry={entry} />{' '}
          <span className="muted">
            <span dir="auto">{entry.partnership.title}</span>
            {' · '}
            <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The person an entry is about (its author, the new member, who acted), as everywhere: by their avatar. */
function EntryAvatar({ entry }: { entry: HomeActivityDto }) {
  const person =
    entry.kind === 'thread'
      ? entry.author
      : entry.kind === 'member'
        ? entry.user
        : entry.kind === 'event'
          ? entry.actor
          : null;
  if (!person) return null;
  return (
    <span className="home-activity__avatar">
      <Avatar userId={person.id} name={person.displayName} size={20} />
    </span>
  );
}

function entryId(entry: HomeActivityDto): string {
  switch (entry.kind) {
    case 'thread':
      return entry.thread.id;
    case 'visit':
      return entry.visit.id;
    case 'workshop':
      return entry.workshop.id;
    case 'member':
      return `${entry.user.id}-${entry.city.id}`;
    case 'event':
      return `${entry.partnership.id}-${entry.action}-${entry.at}`;
  }
}
