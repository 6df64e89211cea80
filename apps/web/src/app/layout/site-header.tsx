import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { VisuallyHidden } from '../../components/visually-hidden';
import { canReviewJoinRequests, isAdmin, useLogout, useSession } from '../../features/account';
import { canModerateForums } from '../../features/moderation/permissions';
import { NotificationBell } from '../../features/notifications';
import { useT } from '../../lib/i18n';
import { LanguagePicker } from './language-picker';

function withNext(path: string, current: string): string {
  if (current === '/' || current.startsWith('/login') || current.startsWith('/register')) return path;
  return `${path}?next=${encodeURIComponent(current)}`;
}

export function SiteHeader() {
  const t = useT();
  const { user, status } = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const current = `${location.pathname}${location.search}`;

  return (
    <header className="site-header">
      <div className="site-header__inner container">
        <Link to="/" className="site-header__brand">
          Twinning
        </Link>
        <nav aria-label={t('nav.label')} className="site-nav">
          <ul className="site-nav__list">
            <li>
              <NavLink to="/cities">{t('nav.cities')}</NavLink>
            </li>
            {canReviewJoinRequests(user) ? (
              <li>
                <NavLink to="/join-requests">{t('nav.joinRequests')}</NavLink>
              </li>
            ) : null}
            {isAdmin(user) ? (
              <li>
                <NavLink to="/admin">{t('nav.admin')}</NavLink>
              </li>
            ) : null}
            {user ? (
              <>
                <li>
                  <NavLink to="/partnerships">{t('partnerships.navLink')}</NavLink>
                </li>
                <li>
                  <NavLink to="/forums">{t('forums.nav')}</NavLink>
                </li>
                <li>
                  <NavLink to="/workshops">{t('workshops.nav')}</NavLink>
                </li>
                <li>
                  <NavLink to="/visits">{t('visits.nav')}</NavLink>
                </li>
                {canModerateForums(user) ? (
                  <li>
                    <NavLink to="/moderation">{t('modQueue.nav')}</NavLink>
                  </li>
                ) : null}
                <li>
                  <NavLink to="/profile">{t('nav.profile')}</NavLink>
                </li>
                <li>
                  <NotificationBell />
                </li>
                <li className="site-nav__user">
                  <VisuallyHidden>{t('nav.signedInAs')} </VisuallyHidden>
                  <span className="site-nav__name">{user.displayName}</span>
                </li>
                <li>
                  <button
                    type="button"
                    className="button button--header"
                    disabled={logout.isPending}
                    onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/') })}
                  >
                    {t('nav.logOut')}
                  </button>
                </li>
              </>
            ) : status === 'anonymous' ? (
              <>
                <li>
                  <NavLink to={withNext('/login', current)}>{t('nav.logIn')}</NavLink>
                </li>
                <li>
                  <NavLink to={withNext('/register', current)}>{t('nav.register')}</NavLink>
                </li>
              </>
            ) : null}
          </ul>
        </nav>
        <LanguagePicker />
      </div>
    </header>
  );
}
