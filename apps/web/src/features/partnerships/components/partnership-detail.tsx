import type { PartnershipDetailDto } from '@twinning/contracts';
import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import { PageSection } from '../../../components/section-menu';
import { StatusMessage } from '../../../components/status-message';
import { useI18n } from '../../../lib/i18n';
import { useConcludePartnership } from '../api/conclude-partnership';
import type { Announce } from '../../../lib/announce';
import { ConfirmWithNote } from './confirm-with-note';
import { InvitationDecision } from './invitation-decision';
import { InviteCityForm } from './invite-city-form';
import { MilestonePlan } from './milestone-plan';
import { PartnershipActivity } from './partnership-activity';
import { PartnershipCities } from './partnership-cities';
import { PartnershipHistory } from './partnership-history';
import { PartnershipMembers } from './partnership-members';
import { PartnershipOverview } from './partnership-overview';
import { PartnershipStatusBadge } from './partnership-status';
import '../partnerships.css';

export interface PartnershipDetailProps {
  partnership: PartnershipDetailDto;
  /** A message to start with, such as "Your proposal was sent" after proposing. */
  initialAnnouncement?: string;
  /** Sections other features provide, placed in the page's order (forum, then visits and workshops). */
  slots?: Partial<Record<'forum' | 'visits' | 'workshops', ReactNode>>;
}

/** The page's sections, in order: each has its own address (`/partnerships/:id/plan`). */
export const PARTNERSHIP_SECTIONS = ['overview', 'forum', 'plan', 'visits', 'workshops', 'activity'] as const;
export type PartnershipSection = (typeof PARTNERSHIP_SECTIONS)[number];

/**
 * The partnership page's content: its status, cities, members, themes and goals, action plan, history
 * and activity, with the actions the API allows this viewer (its `viewer` block) and nothing more.
 */
export function PartnershipDetail({ partnership, initialAnnouncement, slots = {} }: PartnershipDetailProps) {
  const { t } = useI18n();
  const [announcement, setAnnouncement] = useState(initialAnnouncement ?? '');
  const statusRef = useRef<HTMLDivElement>(null);
  const { viewer } = partnership;

  const announce = useCallback<Announce>((message, options) => {
    setAnnouncement(message);
    if (options?.focus) statusRef.current?.focus();
  }, []);

  const decisions = partnership.cities.filter(
    (entry) => entry.status === 'invited' && viewer.canDecideForCityIds.includes(entry.city.id),
  );

  return (
    <div className="partnership">
      <p className="partnership__status">
        <PartnershipStatusBadge status={partnership.status} />{' '}
        <span>{t(`partnership.statusMeaning.${partnership.status}`)}</span>
      </p>
      <div ref={statusRef} tabIndex={-1} className="focus-target">
        <StatusMessage className={announcement ? 'status--success' : undefined}>{announcement}</StatusMessage>
      </div>
      {decisions.map((invitation) => (
        <InvitationDecision
          key={invitation.city.id}
          partnership={partnership}
          invitation={invitation}
          announce={announce}
        />
      ))}
      <PageSection id="overview">
        <PartnershipOverview partnership={partnership} announce={announce} />
        <PartnershipCities partnership={partnership} announce={announce} />
        {viewer.canInvite ? <InviteCityForm partnership={partnership} announce={announce} /> : null}
        <PartnershipMembers partnership={partnership} />
      </PageSection>
      {slots.forum ? <PageSection id="forum">{slots.forum}</PageSection> : null}
      <PageSection id="plan">
        <MilestonePlan partnership={partnership} announce={announce} />
      </PageSection>
      {slots.visits ? <PageSection id="visits">{slots.visits}</PageSection> : null}
      {slots.workshops ? <PageSection id="workshops">{slots.workshops}</PageSection> : null}
      <PageSection id="activity">
        <PartnershipHistory partnership={partnership} />
        {viewer.role ? <PartnershipActivity partnershipId={partnership.id} /> : null}
      </PageSection>
      {viewer.canConclude ? <ConcludeSection partnership={partnership} announce={announce} /> : null}
    </div>
  );
}

function ConcludeSection({ partnership, announce }: { partnership: PartnershipDetailDto; announce: Announce }) {
  const t = useI18n().t;
  const headingId = useId();
  const conclude = useConcludePartnership();
  return (
    <section className="section panel panel--danger" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('partnership.concludeHeading')}</h2>
      <ConfirmWithNote
        label={t('partnership.conclude')}
        explanation={t('partnership.concludeExplain')}
        confirmLabel={t('partnership.concludeConfirm')}
        pendingLabel={t('common.saving')}
        noteLabel={t('partnership.noteOptional')}
        danger
        pending={conclude.isPending}
        error={conclude.error}
        onConfirm={(note) =>
          conclude
            .mutateAsync({ partnershipId: partnership.id, note })
            .then(() => announce(t('partnership.concluded'), { focus: true }))
        }
      />
    </section>
  );
}
