import type { CityDetailDto } from '@twinning/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { TextAreaField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { StatusMessage } from '../../../components/status-message';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { isApiRequestError } from '../../../lib/api-client';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n, useT } from '../../../lib/i18n';
import { useCreateJoinRequest } from '../api/create-join-request';

export interface JoinCityPanelProps {
  city: Pick<CityDetailDto, 'id' | 'name' | 'viewer'>;
  signedIn: boolean;
  /** Where to log in and come back to this page. */
  loginHref: string;
  /** Called when the viewer's standing in the city changed (request sent, or found already sent). */
  onChanged?: () => void;
}

/** Lets a signed-in visitor ask to act for the city as an official, or says where they stand. */
export function JoinCityPanel({ city, signedIn, loginHref, onChanged }: JoinCityPanelProps) {
  const t = useT();
  const { language } = useI18n();
  const headingId = useId();
  const createJoinRequest = useCreateJoinRequest();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [message, setMessage] = useState('');
  const [sent, setSent] = useState(false);

  const { role, joinRequest } = city.viewer;
  const pending = sent || joinRequest === 'pending';

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    createJoinRequest.mutate(
      { cityId: city.id, message: message.trim() || undefined },
      {
        onSuccess: () => {
          setSent(true);
          setMessage('');
          onChanged?.();
        },
        onError: (error) => {
          if (isApiRequestError(error) && error.status === 409) onChanged?.();
          focusFirstInvalid();
        },
      },
    );
  }

  let standing: string | null = null;
  if (role === 'coordinator') standing = t('join.youAreCoordinator', { city: city.name });
  else if (role === 'official') standing = t('join.youAreOfficial', { city: city.name });
  else if (pending) standing = t('join.pending');

  const showForm = signedIn && !role && !pending;

  return (
    <section aria-labelledby={headingId} className="section panel">
      <h2 id={headingId}>{t('join.heading')}</h2>
      {!signedIn ? (
        <p>
          {t('join.signInPrompt')} <Link to={loginHref}>{t('join.signInLink')}</Link>
        </p>
      ) : (
        <StatusMessage className={standing ? 'status--info' : undefined}>{standing}</StatusMessage>
      )}
      {showForm ? (
        <form ref={formRef} className="form" noValidate onSubmit={handleSubmit}>
          <p>{t('join.explanation', { city: city.name })}</p>
          {joinRequest === 'rejected' ? <p>{t('join.previousRejected')}</p> : null}
          <FormError error={createJoinRequest.error} shownFields={['message']} />
          <TextAreaField
            name="message"
            rows={4}
            maxLength={1000}
            label={t('join.message')}
            hint={t('join.messageHint')}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            errors={localizedFieldErrors(createJoinRequest.error, t, language)['message']}
          />
          <div className="form__actions">
            <button type="submit" className="button" disabled={createJoinRequest.isPending}>
              {createJoinRequest.isPending ? t('join.sending') : t('join.submit')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
