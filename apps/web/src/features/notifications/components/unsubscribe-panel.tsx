import { NOTIFICATION_MAIL_TEXT } from '@twinning/contracts';
import { useId } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { ApiRequestError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useUnsubscribe, useUnsubscribeInfo } from '../api/unsubscribe';

const SETTINGS_HREF = '/profile#email-notifications';

/**
 * The page an unsubscribe link in a mail opens, without signing in: it says which kind of mail the
 * link turns off (or, for a digest's link, which kinds reach the reader in that digest) and does so only when the reader presses the button (mail scanners open links;
 * opening one must change nothing), then points to the profile's settings.
 */
export function UnsubscribePanel({ token }: { token: string }) {
  const { t, language } = useI18n();
  const explainId = useId();
  const info = useUnsubscribeInfo(token);
  const turnOff = useUnsubscribe();
  const text = NOTIFICATION_MAIL_TEXT[language];
  const settingsLink = <Link to={SETTINGS_HREF}>{t('unsubscribe.settingsLink')}</Link>;

  const invalid = token === '' || (info.error instanceof ApiRequestError && info.error.code === 'VALIDATION_FAILED');
  if (invalid) {
    return (
      <div className="stack">
        <p className="alert alert--error" role="alert">
          {t('unsubscribe.invalid')}
        </p>
        <p>{settingsLink}</p>
      </div>
    );
  }
  if (info.isPending) return <Loading />;
  if (info.isError) return <FormError error={info.error} />;

  const done = turnOff.isSuccess;
  const data = info.data;
  const status = (message: string) => (
    <>
      <StatusMessage className={done ? 'status--success' : undefined}>{done ? message : ''}</StatusMessage>
      <FormError error={turnOff.error} />
      <p>{settingsLink}</p>
    </>
  );
  const confirm = (
    <p>
      <button type="button" className="button" disabled={turnOff.isPending} onClick={() => turnOff.mutate(token)}>
        {t('unsubscribe.confirm')}
      </button>
    </p>
  );

  if ('digest' in data) {
    // a digest's link: every kind that reaches the reader in that digest is turned off
    const digest = t(`unsubscribe.digest.${data.digest}`);
    return (
      <div className="stack">
        {done ? null : data.kinds.length === 0 ? (
          <p>{t('unsubscribe.digestAlreadyOff', { digest })}</p>
        ) : (
          <>
            <p id={explainId}>{t('unsubscribe.digestExplain', { digest })}</p>
            <ul aria-labelledby={explainId}>
              {data.kinds.map((kind) => (
                <li key={kind}>{text.kinds[kind].label}</li>
              ))}
            </ul>
            <p>{t('unsubscribe.keep')}</p>
            {confirm}
          </>
        )}
        {status(t('unsubscribe.digestDone', { digest }))}
      </div>
    );
  }

  const kind = text.kinds[data.kind].label;
  return (
    <div className="stack">
      {done ? null : data.delivery === 'off' ? (
        <p>{t('unsubscribe.alreadyOff', { kind })}</p>
      ) : (
        <>
          <p>{t('unsubscribe.explain', { kind, delivery: text.deliveries[data.delivery] })}</p>
          <p>{t('unsubscribe.keep')}</p>
          {confirm}
        </>
      )}
      {status(t('unsubscribe.done', { kind }))}
    </div>
  );
}
