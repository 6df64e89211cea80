import type { Theme } from '@twinning/contracts';
import { useT } from '../../../lib/i18n';

/** The theme tags of a thread. */
export function ThemeList({ themes }: { themes: readonly Theme[] }) {
  const t = useT();
  if (themes.length === 0) return null;
  return (
    <ul className="tags" aria-label={t('thread.themes')}>
      {themes.map((theme) => (
        <li key={theme} className="tag">
          {t(`themes.${theme}`)}
        </li>
      ))}
    </ul>
  );
}
