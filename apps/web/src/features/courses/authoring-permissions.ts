import type { MeDto } from '@twinning/contracts';
import { hasRole } from '../../lib/roles';

/** Trainers (facilitators) author courses. */
export function canAuthorCourses(user: MeDto | null | undefined): boolean {
  return hasRole(user, 'facilitator');
}

/** The advisory board (the reviewer role) reviews courses. */
export function canReviewCourses(user: MeDto | null | undefined): boolean {
  return hasRole(user, 'reviewer');
}
