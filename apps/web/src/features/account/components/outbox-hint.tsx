import { useT } from '../../../lib/i18n';
import { useHasDevOutbox } from '../api/dev-outbox';

/** Outside production without SMTP, mail waits in the Outbox: say where to read it. */
export function OutboxHint() {
  const t = useT();
  if (!useHasDevOutbox()) return null;
  return (
    <p>
      {t('account.outbox.hint')} <a href="/dev/outbox">{t('account.outbox.link')}</a>
    </p>
  );
}
