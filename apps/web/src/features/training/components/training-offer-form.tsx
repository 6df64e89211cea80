import {
  TRAINING_FORMATS,
  TRAINING_LIMITS,
  WORK_LANGUAGES,
  type CreateTrainingOfferRequest,
  type MeDto,
  type TrainingFormat,
  type TrainingRequestDto,
  type WorkLanguage,
} from '@twinning/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { CheckboxGroup } from '../../../components/checkbox-group';
import { SelectField, TextAreaField, TextField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import type { Announce } from '../../../lib/announce';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { hasRole } from '../../../lib/roles';
import { useCityOfficials } from '../api/get-city-officials';
import { useCreateTrainingOffer } from '../api/create-training-offer';
import { usePublishedCourses } from '../api/get-published-courses';

const SHOWN_FIELDS = ['cityId', 'approach', 'format', 'proposedDates', 'trainerIds', 'language', 'courseId'];

/** A day being written: `key` keeps React's rows (and focus) stable when one is removed. */
interface DayDraft {
  key: number;
  day: string;
}
let nextDayKey = 0;
const newDay = (day = ''): DayDraft => ({ key: (nextDayKey += 1), day });

export interface TrainingOfferFormProps {
  request: TrainingRequestDto;
  user: MeDto;
  announce: Announce;
}

/**
 * A facilitator (for themselves) or a coordinator of an expert city (for the city, with its officials
 * as trainers) answers an open request.
 */
export function TrainingOfferForm({ request, user, announce }: TrainingOfferFormProps) {
  const { t, language, format } = useI18n();
  const headingId = useId();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const create = useCreateTrainingOffer(request.id);
  const facilitator = hasRole(user, 'facilitator');
  const cities = user.cities.filter((city) => city.role === 'coordinator');
  const [as, setAs] = useState<string>(facilitator ? '' : (cities[0]?.cityId ?? ''));
  const [approach, setApproach] = useState('');
  const [offerFormat, setFormat] = useState<TrainingFormat>(request.format);
  const [offerLanguage, setLanguage] = useState<WorkLanguage>(request.languages[0] ?? 'en');
  const [days, setDays] = useState<DayDraft[]>(() => [newDay(request.preferredStart)]);
  const [trainerIds, setTrainerIds] = useState<string[]>([user.id]);
  const [courseId, setCourseId] = useState('');
  const selfPaced = offerFormat === 'self_paced';
  const courses = usePublishedCourses(selfPaced);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const city = cities.find((item) => item.cityId === as);
  const officials = useCityOfficials(city?.citySlug);

  const serverErrors = localizedFieldErrors(create.error, t, language);
  const errorsFor = (field: string) => clientErrors[field] ?? serverErrors[field];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: Record<string, string[]> = {};
    const text = approach.trim();
    if (text.length < TRAINING_LIMITS.approachMin || text.length > TRAINING_LIMITS.approachMax) {
      errors['approach'] = [
        t('training.offerForm.approachLength', { min: TRAINING_LIMITS.approachMin, max: TRAINING_LIMITS.approachMax }),
      ];
    }
    const proposed = days.map((item) => item.day).filter(Boolean);
    if (proposed.length === 0) errors['proposedDates'] = [t('training.offerForm.chooseDate')];
    const trainers = city ? trainerIds : [user.id];
    if (trainers.length === 0) errors['trainerIds'] = [t('training.offerForm.chooseTrainer')];
    if (selfPaced && !courseId) errors['courseId'] = [t('training.offerForm.chooseCourse')];
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      focusFirstInvalid();
      return;
    }
    const offer: CreateTrainingOfferRequest = {
      approach: text,
      format: offerFormat,
      proposedDates: [...new Set(proposed)].sort(),
      trainerIds: trainers,
      language: offerLanguage,
    };
    if (city) offer.cityId = city.cityId;
    if (selfPaced) offer.courseId = courseId;
    create.mutate(offer, {
      onSuccess: () => {
        setApproach('');
        announce(t('training.offerForm.sent'), { focus: true });
      },
      onError: focusFirstInvalid,
    });
  }

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('training.offerForm.heading')}</h2>
      <form ref={formRef} className="form form--wide" noValidate onSubmit={handleSubmit}>
        {Object.keys(clientErrors).length > 0 ? (
          <div role="alert" className="alert alert--error">
            {t('validation.fixErrors')}
          </div>
        ) : (
          <FormError error={create.error} shownFields={SHOWN_FIELDS} />
        )}
        <SelectField
          name="cityId"
          label={t('training.offerForm.as')}
          value={as}
          onChange={(event) => setAs(event.target.value)}
          errors={errorsFor('cityId')}
        >
          {facilitator ? <option value="">{t('training.offerForm.asFacilitator')}</option> : null}
          {cities.map((item) => (
            <option key={item.cityId} value={item.cityId}>
              {item.cityName}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          name="approach"
          rows={5}
          required
          maxLength={TRAINING_LIMITS.approachMax}
          label={t('training.offerForm.approach')}
          hint={t('training.offerForm.approachHint')}
          value={approach}
          onChange={(event) => setApproach(event.target.value)}
          errors={errorsFor('approach')}
        />
        <SelectField
          name="format"
          label={t('training.form.format')}
          value={offerFormat}
          onChange={(event) => setFormat(event.target.value as TrainingFormat)}
          errors={errorsFor('format')}
        >
          {TRAINING_FORMATS.map((value) => (
            <option key={value} value={value}>
              {t(`training.format.${value}`)}
            </option>
          ))}
        </SelectField>
        {selfPaced ? (
          <SelectField
            name="courseId"
            required
            label={t('training.offerForm.course')}
            hint={t('training.offerForm.courseHint')}
            value={courseId}
            onChange={(event) => setCourseId(event.target.value)}
            errors={errorsFor('courseId')}
          >
            <option value="">{t('training.offerForm.chooseCourse')}</option>
            {(courses.data?.items ?? []).map((course) => (
              <option key={course.id} value={course.id}>
                {course.title}
              </option>
            ))}
          </SelectField>
        ) : null}
        <SelectField
          name="language"
          label={t('training.offers.language')}
          value={offerLanguage}
          onChange={(event) => setLanguage(event.target.value as WorkLanguage)}
          errors={errorsFor('language')}
        >
          {WORK_LANGUAGES.map((value) => (
            <option key={value} value={value}>
              {format.languageName(value)}
            </option>
          ))}
        </SelectField>
        <fieldset className="fieldset">
          <legend>{t('training.offers.dates')}</legend>
          <p className="field__hint">{t('training.offerForm.datesHint', { zone: request.timeZone })}</p>
          {errorsFor('proposedDates') ? <p className="field__error">{errorsFor('proposedDates')?.join(' ')}</p> : null}
          <ol className="training-form__dates">
            {days.map((item, index) => (
              <li key={item.key} className="training-form__date">
                <TextField
                  name={`proposedDates.${index}`}
                  type="date"
                  label={t('training.offerForm.day', { number: index + 1 })}
                  value={item.day}
                  onChange={(event) =>
                    setDays(
                      days.map((other) => (other.key === item.key ? { ...other, day: event.target.value } : other)),
                    )
                  }
                />
                {days.length > 1 ? (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => {
                      setDays(days.filter((other) => other.key !== item.key));
                      document.getElementById(`${id}-add-day`)?.focus();
                    }}
                  >
                    {t('training.offerForm.removeDay', { number: index + 1 })}
                  </button>
                ) : null}
              </li>
            ))}
          </ol>
          <button
            id={`${id}-add-day`}
            type="button"
            className="button button--secondary"
            disabled={days.length >= TRAINING_LIMITS.proposedDatesMax}
            onClick={() => setDays([...days, newDay()])}
          >
            {t('training.offerForm.addDay')}
          </button>
        </fieldset>
        {city ? (
          <CheckboxGroup
            legend={t('training.offers.trainers')}
            hint={t('training.offerForm.trainersHint', { max: TRAINING_LIMITS.trainersMax })}
            name="trainerIds"
            options={(officials.data ?? []).map((person) => ({ value: person.id, label: person.displayName }))}
            value={trainerIds}
            onToggle={(value, on) =>
              setTrainerIds(
                on
                  ? [...trainerIds.filter((item) => item !== value), value]
                  : trainerIds.filter((item) => item !== value),
              )
            }
            errors={errorsFor('trainerIds')}
          />
        ) : (
          <p className="field__hint">{t('training.offerForm.youTrain')}</p>
        )}
        <div className="form__actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? t('common.saving') : t('training.offerForm.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
