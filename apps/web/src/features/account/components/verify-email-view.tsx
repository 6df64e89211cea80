import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../../lib/api-errors';
import { useT } from '../../../lib/i18n';
import { useSession } from '../api/get-me';
import { useVerifyEmail } from '../api/verify-email';

/** Follows a verification link once (the token is single use): verifies the address and signs in. */
export function VerifyEmailView({ token }: { token: string | null }) {
  const t = useT();
  const verify = useVerifyEmail();
  const { user } = useSession();
  const started = useRef(false);
  const { mutate } = verify;

  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    mutate({ token });
  }, [token, mutate]);

  if (!token)
    return (
      <p role="alert" className="alert alert--error">
        {t('account.verify.missing')}
      </p>
    );
  if (verify.isError) {
    // What to do next depends on who follows the dead link: a visitor logs in, a signed-in member whose
    // address is still unconfirmed uses the notice above, a confirmed one has nothing left to do.
    let next = (
      <>
        <p>{t('account.verify.askAgain')}</p>
        <p>
          <Link to="/login" className="button button--secondary">
            {t('nav.logIn')}
          </Link>
        </p>
      </>
    );
    if (user?.emailVerified) {
      next = (
        <>
          <p>{t('account.verify.alreadyConfirmed')}</p>
          <p>
            <Link to="/cities" className="button button--secondary">
              {t('account.verify.continue')}
            </Link>
          </p>
        </>
      );
    } else if (user) {
      next = <p>{t('account.verify.askAgainSignedIn')}</p>;
    }
    return (
      <div className="stack">
        <p role="alert" className="alert alert--error">
          {describeError(t, verify.error)}
        </p>
        {next}
      </div>
    );
  }
  if (verify.isSuccess) {
    return (
      <div>
        <p role="status" className="status status--success">
          {t('account.verify.done')}
        </p>
        <p>
          <Link to="/cities" className="button">
            {t('account.verify.continue')}
          </Link>
        </p>
      </div>
    );
  }
  return <p role="status">{t('account.verify.pending')}</p>;
}
