import { Loading } from '../../components/loading';
import {
  ChangeEmailForm,
  ChangePasswordForm,
  EmailBouncingNotice,
  MyCitiesList,
  ProfileForm,
  useMe,
} from '../../features/account';
import { MyCertificates } from '../../features/certificates';
import { MyJoinRequests } from '../../features/join-requests';
import { NotificationSettings } from '../../features/notifications';
import { CalendarFeedPanel } from '../../features/visits';
import { isolateLtr, useI18n } from '../../lib/i18n';
import { platformRolesText } from '../../lib/roles';
import { Page } from '../layout/page';

export function ProfilePage() {
  const { t, language, format } = useI18n();
  // Read the profile again on each visit: memberships change when requests are approved.
  const me = useMe({ refetchOnMount: 'always' });
  const user = me.data;

  if (!user) {
    return (
      <Page title={t('profile.title')}>
        <Loading />
      </Page>
    );
  }
  return (
    <Page
      title={t('profile.title')}
      lead={t('profile.lead', {
        email: isolateLtr(user.email, language),
        role: platformRolesText(t, format, user.roles),
      })}
    >
      <EmailBouncingNotice user={user} />
      <section className="section" aria-labelledby="profile-settings">
        <h2 id="profile-settings">{t('profile.settings')}</h2>
        <ProfileForm key={user.id} user={user} />
      </section>
      <section className="section" aria-labelledby="profile-account">
        <h2 id="profile-account">{t('account.profile.heading')}</h2>
        <ChangePasswordForm key={`password-${user.id}`} />
        <ChangeEmailForm key={`email-${user.id}`} currentEmail={user.email} />
      </section>
      <section className="section" aria-labelledby="profile-cities">
        <h2 id="profile-cities">{t('profile.myCities')}</h2>
        <MyCitiesList cities={user.cities} />
      </section>
      <section className="section" aria-labelledby="profile-requests">
        <h2 id="profile-requests">{t('profile.myRequests')}</h2>
        <MyJoinRequests />
      </section>
      <section className="section" id="certificates" aria-labelledby="profile-certificates">
        <h2 id="profile-certificates">{t('certificates.mine.heading')}</h2>
        <MyCertificates />
      </section>
      <section className="section" id="email-notifications" aria-labelledby="profile-email-notifications">
        <h2 id="profile-email-notifications">{t('notificationSettings.heading')}</h2>
        <NotificationSettings />
      </section>
      <section className="section" id="calendar-feed" aria-labelledby="profile-calendar-feed">
        <h2 id="profile-calendar-feed">{t('visits.feed.heading')}</h2>
        <CalendarFeedPanel />
      </section>
    </Page>
  );
}
