import { useT } from '../lib/i18n';

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <p role="status" className="loading">
      {label ?? t('common.loading')}
    </p>
  );
}
