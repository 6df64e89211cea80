import type { HomeDto, UiLanguage, WaitingVisitDto, WaitingWorkshopDto } from '@twinning/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useFormat, useI18n, useT } from '../../../lib/i18n';
import { useHome } from '../api/get-home';
import { HomeActivity } from './home-activity';
import { HomeItem } from './home-item';
import '../home.css';

const enc = encodeURIComponent;

type Upcoming = { key: string; at: string } & (
  { visit: WaitingVisitDto; workshop: null } | { visit: null; workshop: WaitingWorkshopDto }
);

/** The host's calendar dates ("YYYY-MM-DD") as a range, never shifted into another time zone. */
function hostDateRange(language: UiLanguage, start: string, end: string): string {
  const format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const from = new Date(`${start}T00:00:00Z`);
  const to = new Date(`${end}T00:00:00Z`);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return `${start} – ${end}`;
  return start === end ? format.format(from) : format.formatRange(from, to);
}

function Block({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section className="section home-block" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {children}
    </section>
  );
}

function Empty({ text, link }: { text: string; link?: { to: string; label: string } }) {
  return (
    <p className="empty">
      {text}{' '}
      {link ? (
        <Link to={link.to} className="home-block__empty-link">
          {link.label}
        </Link>
      ) : null}
    </p>
  );
}

function WorkshopState({ workshop }: { workshop: WaitingWorkshopDto }) {
  const t = useT();
  if (workshop.facilitator) return <span className="badge">{t('homeDash.facilitating')}</span>;
  if (workshop.registered) return <span className="badge">{t('homeDash.registered')}</span>;
  return <span className="muted">{t('homeDash.notRegistered')}</span>;
}

function VisitState({ visit }: { visit: WaitingVisitDto }) {
  const t = useT();
  if (visit.myStatus === 'registered') return <span className="badge">{t('homeDash.registered')}</span>;
  if (visit.myStatus === 'waitlisted') return <span className="badge">{t('homeDash.waitlisted')}</span>;
  return <span className="muted">{t('homeDash.notRegistered')}</span>;
}

/**
 * The signed-in user's home: workshops live now that they may join, then what waits for their
 * decision, vote or moderation, what comes up in the next 30 days, unread threads, and recent
 * activity in their partnerships. Each block has a
 * heading and an empty state that says where to go next.
 */
export function HomeDashboard({ hasCity }: { hasCity: boolean }) {
  const t = useT();
  const format = useFormat();
  const { language } = useI18n();
  const home = useHome();

  if (home.isPending) return <p role="status">{t('common.loading')}</p>;
  if (home.isError)
    return (
      <p role="alert">
        {t('homeDash.error')}{' '}
        <button type="button" className="button button--small" onClick={() => void home.refetch()}>
          {t('common.retry')}
        </button>
      </p>
    );
  const data: HomeDto = home.data;
  const { joinRequests, invitations, polls, reports } = data.waiting;
  const nothingWaits = joinRequests.length + invitations.length + polls.length + reports.count === 0;
  // Visits (host dates) and workshops (instants) in one list, by their first day.
  const upcoming: Upcoming[] = [
    ...data.comingUp.visits.map((visit) => ({ key: `v-${visit.id}`, at: visit.startDate, visit, workshop: null })),
    ...data.comingUp.workshops.map((workshop) => ({
      key: `w-${workshop.id}`,
      at: workshop.startsAt,
      visit: null,
      workshop,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const unreadThreads = data.unread.flatMap((forum) => forum.threads.map((thread) => ({ forum, thread })));

  return (
    <div className="home-dashboard">
      <Block id="home-live" heading={t('homeDash.live.heading')}>
        {data.live.length === 0 ? (
          <Empty
            text={t('homeDash.live.empty')}
            link={{ to: '/workshops', label: t('homeDash.comingUp.browseWorkshops') }}
          />
        ) : (
          <ul className="home-block__list">
            {data.live.map((workshop) => (
              <HomeItem
                key={workshop.id}
                to={`/workshops/${enc(workshop.id)}`}
                title={workshop.title}
                titleDir="auto"
                meta={t('homeDash.live.until', { time: format.dateTime(workshop.endsAt) })}
                partnership={workshop.partnership}
              >
                <WorkshopState workshop={workshop} />{' '}
                <span className="home-block__actions">
                  <Link
                    to={`/workshops/${enc(workshop.id)}/room`}
                    className="button button--link button--small"
                    aria-label={t('homeDash.live.joinNamed', { title: workshop.title })}
                  >
                    {t('homeDash.live.join')}
                  </Link>
                  {workshop.meeting?.url ? (
                    <>
                      {' '}
                      <a
                        href={workshop.meeting.url}
                        target="_blank"
                        rel="noopener noreferrer"
                        className="button button--link button--secondary button--small"
                        aria-label={t('homeDash.live.joinCallNamed', { title: workshop.title })}
                      >
                        {t('homeDash.live.joinCall')}
                      </a>
                    </>
                  ) : null}
                </span>
              </HomeItem>
            ))}
          </ul>
        )}
      </Block>

      <Block id="home-waiting" heading={t('homeDash.waiting.heading')}>
        {nothingWaits ? (
          hasCity ? (
            <Empty text={t('homeDash.waiting.empty')} />
          ) : (
            <Empty
              text={t('homeDash.waiting.noCity')}
              link={{ to: '/cities', label: t('homeDash.waiting.findCity') }}
            />
          )
        ) : (
          <ul className="home-block__list">
            {joinRequests.length > 0 ? (
              <HomeItem
                to="/join-requests"
                title={t('homeDash.waiting.joinRequests', { count: String(joinRequests.length) })}
                meta={format.list(joinRequests.map((r) => `${r.user.displayName} (${r.city.name})`))}
                metaDir="auto"
              />
            ) : null}
            {invitations.map((invitation) => (
              <HomeItem
                key={`${invitation.partnership.id}-${invitation.city.id}`}
                to={`/partnerships/${enc(invitation.partnership.id)}`}
                title={invitation.partnership.title}
                titleDir="auto"
                meta={
                  invitation.fromCity
                    ? t('homeDash.waiting.invitationFrom', {
                        from: invitation.fromCity.name,
                        city: invitation.city.name,
                      })
                    : t('homeDash.waiting.invitation', { city: invitation.city.name })
                }
              />
            ))}
            {reports.count > 0 ? (
              <HomeItem
                to="/moderation"
                title={t('homeDash.waiting.reports', { count: reports.count })}
                meta={format.list(reports.items.map((r) => `${r.thread.title} (${t(`flagPost.reasons.${r.reason}`)})`))}
                metaDir="auto"
              />
            ) : null}
            {polls.map((poll) => (
              <HomeItem
                key={poll.visitId}
                to={`/visits/${enc(poll.visitId)}`}
                title={poll.title}
                titleDir="auto"
                meta={t('homeDash.waiting.poll', { city: poll.hostCity.name })}
              />
            ))}
          </ul>
        )}
      </Block>

      <Block id="home-coming-up" heading={t('homeDash.comingUp.heading')}>
        {upcoming.length === 0 ? (
          <Empty
            text={t('homeDash.comingUp.empty')}
            link={{ to: '/workshops', label: t('homeDash.comingUp.browseWorkshops') }}
          />
        ) : (
          <ul className="home-block__list">
            {upcoming.map((entry) =>
              entry.visit ? (
                <HomeItem
                  key={entry.key}
                  to={`/visits/${enc(entry.visit.id)}`}
                  title={entry.visit.title}
                  titleDir="auto"
                  meta={t('homeDash.comingUp.visitIn', {
                    city: entry.visit.hostCity.name,
                    dates: hostDateRange(language, entry.visit.startDate, entry.visit.endDate),
                  })}
                >
                  <VisitState visit={entry.visit} />
                </HomeItem>
              ) : entry.workshop ? (
                <HomeItem
                  key={entry.key}
                  to={`/workshops/${enc(entry.workshop.id)}`}
                  title={entry.workshop.title}
                  titleDir="auto"
                  meta={<time dateTime={entry.workshop.startsAt}>{format.dateTime(entry.workshop.startsAt)}</time>}
                >
                  <WorkshopState workshop={entry.workshop} />
                </HomeItem>
              ) : null,
            )}
          </ul>
        )}
      </Block>

      <Block id="home-unread" heading={t('homeDash.unread.heading')}>
        {unreadThreads.length === 0 ? (
          <Empty text={t('homeDash.unread.empty')} link={{ to: '/forums', label: t('homeDash.unread.forums') }} />
        ) : (
          <ul className="home-block__list">
            {unreadThreads.map(({ forum, thread }) => (
              <HomeItem
                key={thread.id}
                to={`/threads/${enc(thread.id)}?post=${thread.firstUnreadSeq}`}
                title={thread.title}
                titleDir="auto"
                meta={t('homeDash.unread.newPosts', { count: format.number(thread.unreadCount) })}
                partnership={forum.partnership}
              />
            ))}
          </ul>
        )}
      </Block>

      <Block id="home-activity" heading={t('homeDash.activity.heading')}>
        <HomeActivity activity={data.activity} hasCity={hasCity} />
      </Block>
    </div>
  );
}
