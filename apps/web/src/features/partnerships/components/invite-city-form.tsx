import { PARTNERSHIP_MESSAGE_MAX_LENGTH, type CitySummaryDto, type PartnershipDetailDto } from '@twinning/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { TextAreaField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { useInviteCity } from '../api/invite-city';
import type { Announce } from '../../../lib/announce';
import { CityPicker } from './city-picker';

/** Coordinators of member cities invite another city into an active partnership. */
export function InviteCityForm({ partnership, announce }: { partnership: PartnershipDetailDto; announce: Announce }) {
  const { t, language } = useI18n();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const invite = useInviteCity();
  const [city, setCity] = useState<CitySummaryDto | null>(null);
  const [message, setMessage] = useState('');
  const [cityError, setCityError] = useState<string[] | undefined>(undefined);
  /** Remounts the picker empty after each invitation. */
  const [pickerKey, setPickerKey] = useState(0);
  const serverErrors = localizedFieldErrors(invite.error, t, language);
  // Cities already in, or already asked, cannot be invited again.
  const taken = partnership.cities
    .filter((entry) => entry.status === 'member' || entry.status === 'invited')
    .map((entry) => entry.city.id);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!city) {
      setCityError([t('proposal.chooseCity')]);
      focusFirstInvalid();
      return;
    }
    setCityError(undefined);
    invite.mutate(
      { partnershipId: partnership.id, cityId: city.id, message: message.trim() || undefined },
      {
        onSuccess: () => {
          announce(t('partnership.invited', { city: city.name }), { focus: true });
          setCity(null);
          setMessage('');
          setPickerKey((key) => key + 1);
          invite.reset();
        },
        onError: focusFirstInvalid,
      },
    );
  }

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('partnership.inviteHeading')}</h2>
      <p>{t('partnership.inviteLead')}</p>
      <form ref={formRef} className="form" noValidate aria-labelledby={headingId} onSubmit={handleSubmit}>
        <FormError error={invite.error} shownFields={['cityId', 'message']} />
        <CityPicker
          key={pickerKey}
          legend={t('partnership.inviteCity')}
          name="inviteCityId"
          value={city}
          onChange={setCity}
          excludeIds={taken}
          errors={cityError ?? serverErrors['cityId']}
        />
        <TextAreaField
          name="message"
          rows={3}
          maxLength={PARTNERSHIP_MESSAGE_MAX_LENGTH}
          label={t('proposal.message')}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          errors={serverErrors['message']}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={invite.isPending}>
            {invite.isPending ? t('proposal.sending') : t('partnership.inviteSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
