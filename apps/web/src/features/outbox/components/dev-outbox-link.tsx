import { Link } from 'react-router';
import { useT } from '../../../lib/i18n';
import { useOutboxAvailable } from '../api/get-outbox-availability';

/** The footer's link to the Outbox, shown only when the server offers it (never in production). */
export function DevOutboxLink() {
  const t = useT();
  if (!useOutboxAvailable()) return null;
  return (
    <p>
      <Link to="/dev/outbox">{t('footer.devOutbox')}</Link>
    </p>
  );
}
