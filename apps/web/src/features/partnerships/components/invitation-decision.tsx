import type { PartnershipCityDto, PartnershipDetailDto } from '@twinning/contracts';
import { useId, useState } from 'react';
import { TextAreaField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { useDecideInvitation } from '../api/decide-invitation';
import type { Announce } from '../../../lib/announce';

export interface InvitationDecisionProps {
  partnership: PartnershipDetailDto;
  /** The invited city whose coordinators include the viewer. */
  invitation: PartnershipCityDto;
  announce: Announce;
}

/** Accept or decline an invitation on behalf of a city the viewer coordinates, with an optional note. */
export function InvitationDecision({ partnership, invitation, announce }: InvitationDecisionProps) {
  const { t, format, language } = useI18n();
  const headingId = useId();
  const decide = useDecideInvitation();
  const [note, setNote] = useState('');
  const city = invitation.city.name;

  function handle(decision: 'accept' | 'decline') {
    decide.mutate(
      { partnershipId: partnership.id, cityId: invitation.city.id, decision, note: note.trim() || undefined },
      {
        onSuccess: () =>
          announce(
            decision === 'accept'
              ? t('partnership.acceptedFor', { city, title: partnership.title })
              : t('partnership.declinedFor', { city, title: partnership.title }),
            { focus: true },
          ),
      },
    );
  }

  return (
    <section className="panel decision-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('partnership.decisionHeading', { city })}</h2>
      <p>
        {invitation.invitedBy
          ? t('partnership.invitedBy', {
              name: invitation.invitedBy.displayName,
              date: format.dateTime(invitation.invitedAt),
            })
          : t('partnership.invitedOn', { date: format.dateTime(invitation.invitedAt) })}
      </p>
      {invitation.message ? (
        <blockquote className="quote" dir="auto">
          {invitation.message}
        </blockquote>
      ) : null}
      <p>{t('partnership.decisionExplain', { city })}</p>
      <form className="form" noValidate onSubmit={(event) => event.preventDefault()}>
        <FormError error={decide.error} shownFields={['note']} />
        <TextAreaField
          name="note"
          rows={3}
          maxLength={2000}
          label={t('partnership.noteOptional')}
          hint={t('partnership.noteHint')}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          errors={localizedFieldErrors(decide.error, t, language)['note']}
        />
        <div className="button-row">
          <button type="button" className="button" disabled={decide.isPending} onClick={() => handle('accept')}>
            {t('partnership.acceptFor', { city })}
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={decide.isPending}
            onClick={() => handle('decline')}
          >
            {t('partnership.declineFor', { city })}
          </button>
        </div>
      </form>
    </section>
  );
}
