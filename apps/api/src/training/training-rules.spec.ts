import {
  TRAINING_REQUEST_STATUSES,
  TRAINING_REQUEST_TRANSITIONS,
  type TrainingRequestStatus,
} from '@twinning/contracts';
import { AppError } from '../common/app-error';
import {
  scoreTrainingMatch,
  workingHoursOverlap,
  type MatchCandidate,
  type MatchRequest,
} from './training-matching.service';
import { assertTrainingMove } from './training-requests.service';

describe('training request moves', () => {
  const legal: [TrainingRequestStatus, TrainingRequestStatus][] = [
    ['open', 'matched'],
    ['open', 'withdrawn'],
    ['matched', 'scheduled'],
    ['matched', 'withdrawn'],
    ['scheduled', 'delivered'],
    ['delivered', 'evaluated'],
  ];

  it('allows exactly the moves of the table', () => {
    const allowed = TRAINING_REQUEST_STATUSES.flatMap((from) =>
      TRAINING_REQUEST_TRANSITIONS[from].map((to) => [from, to]),
    );
    expect(allowed).toEqual(legal);
  });

  it('refuses every other move with INVALID_STATE naming both states', () => {
    for (const from of TRAINING_REQUEST_STATUSES) {
      for (const to of TRAINING_REQUEST_STATUSES) {
        if (legal.some(([a, b]) => a === from && b === to)) {
          expect(() => assertTrainingMove(from, to)).not.toThrow();
          continue;
        }
        let error: unknown;
        try {
          assertTrainingMove(from, to);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('INVALID_STATE');
        expect((error as AppError).message).toContain(`from ${from} to ${to}`);
      }
    }
  });
});

describe('training match score', () => {
  const request: MatchRequest = {
    skills: ['mediation', 'negotiation', 'leadership', 'migrant_data'],
    themes: ['integration', 'employment', 'health'],
    languages: ['fr', 'ar'],
    format: 'live_online',
    timeZone: 'Europe/Paris',
    preferredStart: '2027-07-01',
    requesterProfiles: ['emerging'],
  };
  const candidate: MatchCandidate = {
    skills: ['mediation', 'negotiation', 'leadership', 'migrant_data'],
    themes: ['integration', 'employment', 'health'],
    languages: ['fr-CA'],
    timeZone: 'Europe/Berlin',
    profile: 'traditional',
    evaluations: { answers: 5, average: 4.2 },
  };

  it('caps skills and themes, reads BCP 47 tags, and counts evaluations from five answers', () => {
    const { score, breakdown, reasons } = scoreTrainingMatch(request, candidate);
    expect(breakdown).toEqual({ skills: 45, themes: 10, language: 15, timeZone: 10, profile: 10, evaluation: 8 });
    expect(score).toBe(98);
    expect(reasons.commonLanguages).toEqual(['fr']);
    expect(reasons.evaluations).toEqual({ answers: 5, average: 4.2 });
    const fewAnswers = scoreTrainingMatch(request, { ...candidate, evaluations: { answers: 4, average: 5 } });
    expect(fewAnswers.breakdown.evaluation).toBe(0);
    expect(fewAnswers.reasons.evaluations).toEqual({ answers: 4, average: null });
  });

  it('measures working-hour overlap across the date line and with daylight saving time', () => {
    expect(workingHoursOverlap('Europe/Paris', 'Europe/Berlin', '2027-07-01')).toBe(8);
    expect(workingHoursOverlap('America/Toronto', 'Europe/Lisbon', '2027-03-01')).toBe(3);
    expect(workingHoursOverlap('America/Toronto', 'Europe/Lisbon', '2027-07-01')).toBe(3);
    expect(workingHoursOverlap('Asia/Kolkata', 'Asia/Kuala_Lumpur', '2027-07-01')).toBe(5.5);
    expect(workingHoursOverlap('Pacific/Auckland', 'America/Los_Angeles', '2027-01-15')).toBe(5);
    expect(workingHoursOverlap('Asia/Tokyo', 'America/Toronto', '2027-03-01')).toBe(0);
  });
});
