import type { CourseVersionState } from '@twinning/contracts';
import { useT } from '../../../lib/i18n';

const TONE: Partial<Record<CourseVersionState, string>> = {
  in_review: 'badge--warning',
  published: 'badge--approved',
  archived: 'badge--rejected',
};

/** A version's state: draft, in review, published or archived. */
export function AuthoringStateBadge({ state }: { state: CourseVersionState }) {
  const t = useT();
  return (
    <span className={['badge', TONE[state]].filter(Boolean).join(' ')}>{t(`courseAuthoring.state.${state}`)}</span>
  );
}
