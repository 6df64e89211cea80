import { useT } from '../lib/i18n';
import { FormError } from './form-error';

/** A query that failed to load: its error, and a button to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  return (
    <div className="stack">
      <FormError error={error} />
      <button type="button" className="button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
