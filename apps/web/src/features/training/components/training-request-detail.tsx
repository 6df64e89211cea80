import type { MeDto, TrainingRequestDto } from '@twinning/contracts';
import { useCallback, useRef, useState } from 'react';
import { PageSection } from '../../../components/section-menu';
import { StatusMessage } from '../../../components/status-message';
import type { Announce } from '../../../lib/announce';
import { useI18n } from '../../../lib/i18n';
import { TrainingDelivery, showsDelivery } from './training-delivery';
import { TrainingEvaluation, showsEvaluation } from './training-evaluation';
import { TrainingHistory } from './training-history';
import { TrainingMatches } from './training-matches';
import { TrainingOfferForm } from './training-offer-form';
import { TrainingOffers } from './training-offers';
import { TrainingOverview } from './training-overview';
import { TrainingStatusBadge } from './training-status-badge';
import { WithdrawTrainingRequest } from './withdraw-training-request';
import '../training.css';

/** The page's sections, in order: each has its own address (`/training/:id/offers`). */
export const TRAINING_SECTIONS = ['overview', 'offers', 'matches', 'delivery', 'evaluation', 'history'] as const;
export type TrainingSection = (typeof TRAINING_SECTIONS)[number];

/** The ranking is for the requesters (and admins) while the request is open. */
const showsMatches = (request: TrainingRequestDto) =>
  request.status === 'open' && (request.viewer.requester || request.viewer.canDecide);

export function trainingSections(request: TrainingRequestDto): TrainingSection[] {
  return TRAINING_SECTIONS.filter(
    (section) =>
      (section !== 'matches' || showsMatches(request)) &&
      (section !== 'delivery' || showsDelivery(request)) &&
      (section !== 'evaluation' || showsEvaluation(request)),
  );
}

export interface TrainingRequestDetailProps {
  request: TrainingRequestDto;
  /** The signed-in user: who an offer can be made as (themselves, or a city they coordinate). */
  user: MeDto;
  /** A message to start with, such as "The request was posted" after creating it. */
  initialAnnouncement?: string;
}

/**
 * A training request's page: state, facts, offers side by side (accept for the requesters), the offer
 * form (trainers, while open), the ranked trainers (requesters), scheduling and delivery (workshops,
 * course, attendance), the evaluation (participants' form, aggregate results) and the history. Only what the API's
 * `viewer` block allows is offered.
 */
export function TrainingRequestDetail({ request, user, initialAnnouncement }: TrainingRequestDetailProps) {
  const { t } = useI18n();
  const [announcement, setAnnouncement] = useState(initialAnnouncement ?? '');
  const statusRef = useRef<HTMLDivElement>(null);
  const announce = useCallback<Announce>((message, options) => {
    setAnnouncement(message);
    if (options?.focus) statusRef.current?.focus();
  }, []);

  return (
    <div className="training">
      <p className="training-status">
        <TrainingStatusBadge status={request.status} /> <span>{t(`training.statusMeaning.${request.status}`)}</span>
      </p>
      <div ref={statusRef} tabIndex={-1} className="focus-target">
        <StatusMessage className={announcement ? 'status--success' : undefined}>{announcement}</StatusMessage>
      </div>
      <PageSection id="overview">
        <TrainingOverview request={request} />
        {request.viewer.canDecide ? <WithdrawTrainingRequest request={request} announce={announce} /> : null}
      </PageSection>
      <PageSection id="offers">
        <TrainingOffers request={request} announce={announce} />
        {request.viewer.canOffer ? <TrainingOfferForm request={request} user={user} announce={announce} /> : null}
      </PageSection>
      {showsMatches(request) ? (
        <PageSection id="matches">
          <TrainingMatches request={request} />
        </PageSection>
      ) : null}
      {showsDelivery(request) ? (
        <PageSection id="delivery">
          <TrainingDelivery request={request} announce={announce} />
        </PageSection>
      ) : null}
      {showsEvaluation(request) ? (
        <PageSection id="evaluation">
          <TrainingEvaluation request={request} announce={announce} />
        </PageSection>
      ) : null}
      <PageSection id="history">
        <TrainingHistory request={request} />
      </PageSection>
    </div>
  );
}
