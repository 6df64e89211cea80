import type { MeDto } from '@twinning/contracts';
import { useId } from 'react';
import { isolateLtr, useI18n } from '../../../lib/i18n';
import '../account.css';

/**
 * Shown on the profile while the account's address bounces: a mail server refused it permanently,
 * so no mail goes to it until it is re-verified or changed.
 */
export function EmailBouncingNotice({ user }: { user: Pick<MeDto, 'email' | 'emailStatus'> }) {
  const { t, language } = useI18n();
  const titleId = useId();
  if (user.emailStatus !== 'bouncing') return null;
  return (
    <section className="alert alert--error" aria-labelledby={titleId}>
      <p id={titleId} className="alert__text">
        {t('profile.emailBouncingTitle', { email: isolateLtr(user.email, language) })}
      </p>
      <p className="alert__text email-bouncing__body">{t('profile.emailBouncingBody')}</p>
      <p className="alert__text email-bouncing__body">
        <a href="#change-email">{t('profile.emailBouncingChange')}</a>
      </p>
    </section>
  );
}
