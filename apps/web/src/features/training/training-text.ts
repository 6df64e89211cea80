import type { PersonSummary, TrainingRequester, UserSummary } from '@twinning/contracts';
import type { ChipPerson } from '../../components/person/person-chip';

/** The requesting city's name, or the partnership's title. */
export function requesterName(requester: TrainingRequester): string {
  return requester.kind === 'city' ? requester.city.name : requester.partnership.title;
}

/** Where the requester's own page is. */
export function requesterHref(requester: TrainingRequester): string {
  return requester.kind === 'city'
    ? `/cities/${encodeURIComponent(requester.city.slug)}`
    : `/partnerships/${encodeURIComponent(requester.partnership.id)}`;
}

/** Training payloads name people by id and name only; the chip's card loads the rest. */
export function chipPerson(user: UserSummary | PersonSummary): ChipPerson {
  return { handle: '', ...user };
}
