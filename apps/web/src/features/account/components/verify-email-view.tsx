import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../../lib/api-errors';
import { useT } from '../../../lib/i18n';
import { useVerifyEmail } from '../api/verify-email';

/** Follows a verification link once (the token is single use): verifies the address and signs in. */
export function VerifyEmailView({ token }: { token: string | null }) {
  const t = useT();
  const verify = useVerifyEmail();
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
    return (
      <div role="alert" className="alert alert--error">
        <p className="alert__text">{describeError(t, verify.error)}</p>
        <p className="alert__text">{t('account.verify.askAgain')}</p>
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
