import { NOTIFICATION_MAIL_TEXT } from '@twinning/contracts';
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
 * link turns off and does so only when the reader presses the button (mail scanners open links;
 * opening one must change nothing), then points to the profile's settings.
 */
export function UnsubscribePanel({ token }: { token: string }) {
  const { t, language } = useI18n();
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

  const kind = text.kinds[info.data.kind].label;
  const done = turnOff.isSuccess;
  return (
    <div className="stack">
      {done ? null : info.data.delivery === 'off' ? (
        <p>{t('unsubscribe.alreadyOff', { kind })}</p>
      ) : (
        <>
          <p>{t('unsubscribe.explain', { kind, delivery: text.deliveries[info.data.delivery] })}</p>
          <p>{t('unsubscribe.keep')}</p>
          <p>
            <button type="button" className="button" disabled={turnOff.isPending} onClick={() => turnOff.mutate(token)}>
              {t('unsubscribe.confirm')}
            </button>
          </p>
        </>
      )}
      <StatusMessage className={done ? 'status--success' : undefined}>
        {done ? t('unsubscribe.done', { kind }) : ''}
      </StatusMessage>
      <FormError error={turnOff.error} />
      <p>{settingsLink}</p>
    </div>
  );
}
