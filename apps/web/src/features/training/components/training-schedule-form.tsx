import {
  TRAINING_LIMITS,
  WORKSHOP_LANGUAGES,
  type ScheduleTrainingRequest,
  type TrainingFormat,
  type TrainingRequestDto,
  type WorkshopLanguage,
} from '@twinning/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { SelectField, TextField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import type { Announce } from '../../../lib/announce';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { zonedLocalToUtcIso } from '../../../lib/zoned-time';
import { useScheduleTrainingRequest } from '../api/schedule-training-request';

const SHOWN_FIELDS = ['sessions', 'language', 'place', 'deadline'];

/** A session being written: `key` keeps React's rows (and focus) stable when one is removed. */
interface SessionDraft {
  key: number;
  title: string;
  start: string;
  end: string;
}
let nextSessionKey = 0;
const newSession = (start = ''): SessionDraft => ({ key: (nextSessionKey += 1), title: '', start, end: '' });

/** The format the accepted offer agreed on (it decides what scheduling creates). */
export function agreedFormat(request: TrainingRequestDto): TrainingFormat {
  return request.offers.find((offer) => offer.id === request.acceptedOfferId)?.format ?? request.format;
}

/**
 * Scheduling a matched training, by the accepted offer's format: sessions (each a workshop when live
 * online) in the request's time zone, a place in person, a deadline for a self-paced course.
 */
export function TrainingScheduleForm({ request, announce }: { request: TrainingRequestDto; announce: Announce }) {
  const { t, language, format } = useI18n();
  const headingId = useId();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const schedule = useScheduleTrainingRequest(request.id);
  const offer = request.offers.find((item) => item.id === request.acceptedOfferId);
  const kind = agreedFormat(request);
  const firstDay = offer?.proposedDates[0];
  const [sessions, setSessions] = useState<SessionDraft[]>(() => [newSession(firstDay ? `${firstDay}T09:00` : '')]);
  const offerLanguage = offer?.language as WorkshopLanguage | undefined;
  const [workshopLanguage, setWorkshopLanguage] = useState<WorkshopLanguage>(
    offerLanguage && WORKSHOP_LANGUAGES.includes(offerLanguage) ? offerLanguage : 'en',
  );
  const [place, setPlace] = useState('');
  const [deadline, setDeadline] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const serverErrors = localizedFieldErrors(schedule.error, t, language);
  const errorsFor = (field: string) => clientErrors[field] ?? serverErrors[field];
  const sessionErrors = Object.entries(serverErrors)
    .filter(([field]) => field.startsWith('sessions'))
    .flatMap(([, messages]) => messages);

  function update(key: number, change: Partial<SessionDraft>) {
    setSessions(sessions.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: Record<string, string[]> = {};
    const body: ScheduleTrainingRequest = {};
    if (kind === 'self_paced') {
      if (!deadline) errors['deadline'] = [t('training.schedule.chooseDeadline')];
      body.deadline = deadline;
    } else {
      const converted = sessions.map((item) => ({
        title: item.title.trim() || undefined,
        startsAt: zonedLocalToUtcIso(item.start, request.timeZone),
        endsAt: zonedLocalToUtcIso(item.end, request.timeZone),
      }));
      if (converted.some((item) => !item.startsAt || !item.endsAt)) {
        errors['sessions'] = [t('training.schedule.completeSessions')];
      } else if (converted.some((item) => Date.parse(item.endsAt ?? '') <= Date.parse(item.startsAt ?? ''))) {
        errors['sessions'] = [t('training.schedule.endAfterStart')];
      }
      body.sessions = converted.map((item) => ({
        ...(item.title ? { title: item.title } : {}),
        startsAt: item.startsAt ?? '',
        endsAt: item.endsAt ?? '',
      }));
      if (kind === 'live_online') body.language = workshopLanguage;
      if (kind === 'in_person') {
        if (!place.trim()) errors['place'] = [t('training.schedule.choosePlace')];
        body.place = place.trim();
      }
    }
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      focusFirstInvalid();
      return;
    }
    schedule.mutate(body, {
      onSuccess: () => announce(t('training.schedule.done'), { focus: true }),
      onError: focusFirstInvalid,
    });
  }

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('training.schedule.heading')}</h2>
      <p>{t(`training.schedule.intro.${kind}`)}</p>
      <form ref={formRef} className="form form--wide" noValidate onSubmit={handleSubmit}>
        {Object.keys(clientErrors).length > 0 ? (
          <div role="alert" className="alert alert--error">
            {t('validation.fixErrors')}
          </div>
        ) : (
          <FormError error={schedule.error} shownFields={SHOWN_FIELDS} />
        )}
        {kind === 'self_paced' ? (
          <>
            {offer?.course ? (
              <p>
                {t('training.schedule.course')} <bdi>{offer.course.title}</bdi>
              </p>
            ) : null}
            <TextField
              name="deadline"
              type="date"
              required
              label={t('training.schedule.deadline')}
              hint={t('training.schedule.deadlineHint', { zone: request.timeZone })}
              value={deadline}
              onChange={(event) => setDeadline(event.target.value)}
              errors={errorsFor('deadline')}
            />
          </>
        ) : (
          <>
            <fieldset className="fieldset">
              <legend>{t('training.schedule.sessions')}</legend>
              <p className="field__hint">{t('training.schedule.sessionsHint', { zone: request.timeZone })}</p>
              {errorsFor('sessions') || sessionErrors.length > 0 ? (
                <p className="field__error">{(errorsFor('sessions') ?? sessionErrors).join(' ')}</p>
              ) : null}
              <ol className="training-schedule__sessions">
                {sessions.map((item, index) => (
                  <li key={item.key} className="training-schedule__session">
                    <TextField
                      name={`sessions.${index}.startsAt`}
                      type="datetime-local"
                      label={t('training.schedule.starts', { number: index + 1 })}
                      value={item.start}
                      onChange={(event) => update(item.key, { start: event.target.value })}
                    />
                    <TextField
                      name={`sessions.${index}.endsAt`}
                      type="datetime-local"
                      label={t('training.schedule.ends', { number: index + 1 })}
                      value={item.end}
                      onChange={(event) => update(item.key, { end: event.target.value })}
                    />
                    <TextField
                      name={`sessions.${index}.title`}
                      maxLength={TRAINING_LIMITS.sessionTitleMax}
                      label={t('training.schedule.sessionTitle', { number: index + 1 })}
                      value={item.title}
                      onChange={(event) => update(item.key, { title: event.target.value })}
                    />
                    {sessions.length > 1 ? (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => {
                          setSessions(sessions.filter((other) => other.key !== item.key));
                          document.getElementById(`${id}-add-session`)?.focus();
                        }}
                      >
                        {t('training.schedule.removeSession', { number: index + 1 })}
                      </button>
                    ) : null}
                  </li>
                ))}
              </ol>
              <button
                id={`${id}-add-session`}
                type="button"
                className="button button--secondary"
                disabled={sessions.length >= TRAINING_LIMITS.sessionsMax}
                onClick={() => setSessions([...sessions, newSession()])}
              >
                {t('training.schedule.addSession')}
              </button>
            </fieldset>
            {kind === 'live_online' ? (
              <SelectField
                name="language"
                label={t('training.schedule.language')}
                value={workshopLanguage}
                onChange={(event) => setWorkshopLanguage(event.target.value as WorkshopLanguage)}
                errors={errorsFor('language')}
              >
                {WORKSHOP_LANGUAGES.map((value) => (
                  <option key={value} value={value}>
                    {format.languageName(value)}
                  </option>
                ))}
              </SelectField>
            ) : (
              <TextField
                name="place"
                required
                maxLength={TRAINING_LIMITS.placeMax}
                label={t('training.schedule.place')}
                value={place}
                onChange={(event) => setPlace(event.target.value)}
                errors={errorsFor('place')}
              />
            )}
          </>
        )}
        <div className="form__actions">
          <button type="submit" className="button" disabled={schedule.isPending}>
            {schedule.isPending ? t('common.saving') : t('training.schedule.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
