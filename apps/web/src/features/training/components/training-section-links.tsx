import type { MeDto } from '@twinning/contracts';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n';
import { hasRole } from '../../../lib/roles';
import { isTrainer } from '../permissions';

/**
 * Where else the training section leads, by role: trainers to their dashboard, facilitators to the courses
 * they author, the advisory board (reviewers) to the review queue. Nothing for anyone else.
 */
export function TrainingSectionLinks({ user }: { user: MeDto | null | undefined }) {
  const t = useT();
  const links = [
    isTrainer(user) ? { to: '/training/dashboard', label: t('training.links.dashboard') } : null,
    hasRole(user, 'facilitator') ? { to: '/courses/authored', label: t('training.links.authored') } : null,
    hasRole(user, 'reviewer') ? { to: '/courses/reviews', label: t('training.links.reviews') } : null,
  ].filter((link): link is { to: string; label: string } => link !== null);
  if (links.length === 0) return null;
  return (
    <nav aria-label={t('training.links.label')}>
      <ul className="training-section-links">
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
