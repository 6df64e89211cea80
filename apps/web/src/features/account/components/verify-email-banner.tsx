import { describeError } from '../../../lib/api-errors';
import { isolateLtr, useI18n } from '../../../lib/i18n';
import { useSession } from '../api/get-me';
import { useResendVerification } from '../api/resend-verification';
import { OutboxHint } from './outbox-hint';
import '../account.css';

/** For a signed-in user whose address is not verified: what they cannot do yet, and a rate-limited resend. */
export function VerifyEmailBanner() {
  const { t, language } = useI18n();
  const { user } = useSession();
  const resend = useResendVerification();
  if (!user || user.emailVerified) return null;
  return (
    <section className="notice verify-banner" aria-labelledby="verify-banner-text">
      <p id="verify-banner-text">{t('account.banner.text', { email: isolateLtr(user.email, language) })}</p>
      <p>
        <button
          type="button"
          className="button button--secondary"
          disabled={resend.isPending}
          onClick={() => resend.mutate()}
        >
          {resend.isPending ? t('account.banner.resending') : t('account.banner.resend')}
        </button>
      </p>
      <p role="status" className="status">
        {resend.isSuccess ? t('account.banner.resent', { email: isolateLtr(user.email, language) }) : null}
      </p>
      {resend.isError ? (
        <p role="alert" className="alert alert--error">
          {describeError(t, resend.error)}
        </p>
      ) : null}
      {resend.isSuccess ? <OutboxHint /> : null}
    </section>
  );
}
