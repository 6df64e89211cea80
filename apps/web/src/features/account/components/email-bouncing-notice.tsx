import type { MeDto } from '@twinning/contracts';
import { useId } from 'react';
import { describeError } from '../../../lib/api-errors';
import { isolateLtr, useI18n } from '../../../lib/i18n';
import { useResendVerification } from '../api/resend-verification';
import { OutboxHint } from './outbox-hint';
import '../account.css';

/**
 * Shown on the profile while the account's address bounces: a mail server refused it permanently,
 * so no mail goes to it until it is re-verified (a new verification link, which goes out even to a
 * bouncing address) or changed.
 */
export function EmailBouncingNotice({ user }: { user: Pick<MeDto, 'email' | 'emailStatus'> }) {
  const { t, language } = useI18n();
  const titleId = useId();
  const resend = useResendVerification();
  if (user.emailStatus !== 'bouncing') return null;
  return (
    <section className="alert alert--error" aria-labelledby={titleId}>
      <p id={titleId} className="alert__text">
        {t('profile.emailBouncingTitle', { email: isolateLtr(user.email, language) })}
      </p>
      <p className="alert__text email-bouncing__body">{t('profile.emailBouncingBody')}</p>
      <p className="alert__text email-bouncing__body">
        <button
          type="button"
          className="button button--secondary"
          disabled={resend.isPending}
          onClick={() => resend.mutate()}
        >
          {resend.isPending ? t('account.banner.resending') : t('profile.emailBouncingRecheck')}
        </button>{' '}
        <a href="#change-email">{t('profile.emailBouncingChange')}</a>
      </p>
      <p role="status" className="status">
        {resend.isSuccess ? t('account.banner.resent', { email: isolateLtr(user.email, language) }) : null}
      </p>
      {resend.isError ? (
        <p role="alert" className="alert__text">
          {describeError(t, resend.error)}
        </p>
      ) : null}
      {resend.isSuccess ? <OutboxHint /> : null}
    </section>
  );
}
