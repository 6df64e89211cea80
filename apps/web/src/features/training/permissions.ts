import type { MeDto } from '@twinning/contracts';
import { hasRole } from '../../lib/roles';

/**
 * Coordinators of a city request training, for their city or for a partnership one of their cities is
 * a member of (the API decides for each; the board only offers the button).
 */
export function canRequestTraining(user: MeDto | null | undefined): boolean {
  return !!user?.cities.some((city) => city.role === 'coordinator');
}

/**
 * Trainers: facilitators, and coordinators (who offer training for a city with declared expertise). The
 * training section links them to their dashboard (their offers, courses and learners).
 */
export function isTrainer(user: MeDto | null | undefined): boolean {
  return hasRole(user, 'facilitator') || canRequestTraining(user);
}
