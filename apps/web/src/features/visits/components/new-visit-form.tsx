import { VISIT_LIMITS, type CreateVisitRequest, type DateRangeInput, type VisitDto } from '@twinning/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { SelectField, TextField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { isApiRequestError } from '../../../lib/api-client';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { useCreateVisit } from '../api/create-visit';
import { useMyPartnerships } from '../api/get-my-partnerships';
import { checkDetails, VisitDetailsFields, type VisitDetailsDraft } from './visit-fields';
import { useViewerTimeZone, zonedLocalToUtcIso } from '../../../lib/zoned-time';
import '../visits.css';

const SHOWN_FIELDS = [
  'partnershipId',
  'hostCityId',
  'title',
  'purpose',
  'themes',
  'capacity',
  'registrationDeadline',
  'dates',
  'dateOptions',
];

type DateMode = 'fixed' | 'poll';

const EMPTY_RANGE: DateRangeInput = { startDate: '', endDate: '' };

/** A poll option being written: `key` keeps React's rows (and focus) stable when one is removed. */
interface OptionDraft {
  key: number;
  range: DateRangeInput;
}

let nextOptionKey = 0;
const newOption = (): OptionDraft => ({ key: (nextOptionKey += 1), range: EMPTY_RANGE });

/**
 * Errors the API gave about one date option (`dateOptions.2.endDate` or `dateOptions[2]`), by option
 * index, so that the right row is marked.
 */
function optionErrorIndexes(error: unknown): Set<number> {
  const indexes = new Set<number>();
  if (!isApiRequestError(error) || !error.fields) return indexes;
  for (const key of Object.keys(error.fields)) {
    const match = /^dateOptions(?:\.|\[)(\d+)/.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return indexes;
}

function rangeProblem(range: DateRangeInput): boolean {
  return !range.startDate || !range.endDate || range.endDate < range.startDate;
}

export interface NewVisitFormProps {
  /** Preselected from the address (`?partnershipId=`), when the viewer coordinates it. */
  initialPartnershipId?: string;
  onCreated: (visit: VisitDto) => void;
}

/** Plans a study visit for a partnership the viewer coordinates: fixed dates, or a date poll. */
export function NewVisitForm({ initialPartnershipId, onCreated }: NewVisitFormProps) {
  const { t, language } = useI18n();
  const id = useId();
  const viewerZone = useViewerTimeZone();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const partnerships = useMyPartnerships();
  const create = useCreateVisit();
  const [chosenPartnershipId, setPartnershipId] = useState<string | null>(null);
  const [chosenHostCityId, setHostCityId] = useState<string | null>(null);
  const [details, setDetails] = useState<VisitDetailsDraft>({
    title: '',
    purpose: '',
    themes: [],
    capacity: '20',
    deadline: '',
  });
  const [mode, setMode] = useState<DateMode>('fixed');
  const [dates, setDates] = useState<DateRangeInput>(EMPTY_RANGE);
  const [options, setOptions] = useState<OptionDraft[]>(() => [newOption(), newOption()]);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const [badOptions, setBadOptions] = useState<Set<number>>(new Set());

  if (partnerships.isPending) return <Loading />;
  if (partnerships.isError) return <FormError error={partnerships.error} />;

  const coordinated = partnerships.data.filter((partnership) => partnership.coordinator);
  if (coordinated.length === 0) {
    return (
      <div className="empty">
        <p>{t('visits.form.noPartnership')}</p>
        <p>
          <Link to="/partnerships">{t('visits.form.toPartnerships')}</Link>
        </p>
      </div>
    );
  }

  const partnership =
    coordinated.find((item) => item.id === (chosenPartnershipId ?? initialPartnershipId)) ?? coordinated[0];
  const hostCity = partnership?.cities.find((city) => city.id === chosenHostCityId) ?? partnership?.cities[0];

  const serverErrors = localizedFieldErrors(create.error, t, language);
  const errorsFor = (field: string) => clientErrors[field] ?? serverErrors[field];
  const serverBadOptions = optionErrorIndexes(create.error);
  const hasClientErrors = Object.keys(clientErrors).length > 0;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = checkDetails(details, viewerZone, t);
    if (!partnership) errors['partnershipId'] = [t('validation.required')];
    if (!hostCity) errors['hostCityId'] = [t('validation.required')];
    const bad = new Set<number>();
    if (mode === 'fixed') {
      if (rangeProblem(dates)) errors['dates'] = [t('visits.form.rangeInvalid')];
    } else {
      options.forEach((option, index) => {
        if (rangeProblem(option.range)) bad.add(index);
      });
      if (bad.size > 0) errors['dateOptions'] = [t('visits.form.rangeInvalid')];
    }
    setClientErrors(errors);
    setBadOptions(bad);
    if (Object.keys(errors).length > 0 || !partnership || !hostCity) {
      focusFirstInvalid();
      return;
    }
    const request: CreateVisitRequest = {
      partnershipId: partnership.id,
      hostCityId: hostCity.id,
      title: details.title.trim(),
      themes: details.themes,
      capacity: Number(details.capacity),
    };
    if (details.purpose.trim()) request.purpose = details.purpose.trim();
    if (details.deadline) request.registrationDeadline = zonedLocalToUtcIso(details.deadline, viewerZone);
    if (mode === 'fixed') request.dates = dates;
    else request.dateOptions = options.map((option) => option.range);
    create.mutate(request, { onSuccess: onCreated, onError: focusFirstInvalid });
  }

  function setOption(index: number, range: DateRangeInput) {
    setOptions(options.map((item, i) => (i === index ? { ...item, range } : item)));
  }

  function removeOption(index: number) {
    setOptions(options.filter((_, i) => i !== index));
    // Focus would be lost with the removed row: the "add" button is the next stop.
    document.getElementById(`${id}-add-option`)?.focus();
  }

  const optionsErrors = errorsFor('dateOptions');

  return (
    <form ref={formRef} className="form form--wide" noValidate onSubmit={handleSubmit}>
      {hasClientErrors ? (
        <div role="alert" className="alert alert--error">
          {t('validation.fixErrors')}
        </div>
      ) : (
        <FormError error={create.error} shownFields={SHOWN_FIELDS} />
      )}
      <SelectField
        name="partnershipId"
        required
        label={t('visits.form.partnership')}
        hint={t('visits.form.partnershipHint')}
        value={partnership?.id ?? ''}
        onChange={(event) => {
          setPartnershipId(event.target.value);
          setHostCityId(null);
        }}
        errors={errorsFor('partnershipId')}
      >
        {coordinated.map((item) => (
          <option key={item.id} value={item.id}>
            {item.title}
          </option>
        ))}
      </SelectField>
      <SelectField
        name="hostCityId"
        required
        label={t('visits.form.hostCity')}
        hint={t('visits.form.hostCityHint')}
        value={hostCity?.id ?? ''}
        onChange={(event) => setHostCityId(event.target.value)}
        errors={errorsFor('hostCityId')}
      >
        {(partnership?.cities ?? []).map((city) => (
          <option key={city.id} value={city.id}>
            {city.name}
          </option>
        ))}
      </SelectField>
      <VisitDetailsFields
        draft={details}
        onChange={setDetails}
        errors={{ ...serverErrors, ...clientErrors }}
        viewerZone={viewerZone}
      />

      <fieldset className="fieldset">
        <legend>{t('visits.form.datesLegend')}</legend>
        <p className="field__hint">{t('visits.form.datesHint', { city: hostCity?.name ?? '' })}</p>
        <div className="visit-form__modes">
          {(['fixed', 'poll'] as const).map((value) => (
            <div key={value} className="checkbox">
              <input
                id={`${id}-mode-${value}`}
                type="radio"
                name="dateMode"
                value={value}
                checked={mode === value}
                onChange={() => setMode(value)}
              />
              <label htmlFor={`${id}-mode-${value}`}>{t(`visits.form.mode.${value}`)}</label>
            </div>
          ))}
        </div>
        {mode === 'fixed' ? (
          <div className="visit-form__range">
            <TextField
              name="startDate"
              type="date"
              required
              label={t('visits.form.firstDay')}
              value={dates.startDate}
              onChange={(event) => setDates({ ...dates, startDate: event.target.value })}
              errors={errorsFor('dates')}
            />
            <TextField
              name="endDate"
              type="date"
              required
              min={dates.startDate || undefined}
              label={t('visits.form.lastDay')}
              value={dates.endDate}
              onChange={(event) => setDates({ ...dates, endDate: event.target.value })}
            />
          </div>
        ) : (
          <div className="visit-form__options">
            <p className="field__hint">
              {t('visits.form.optionsHint', { min: VISIT_LIMITS.pollOptionsMin, max: VISIT_LIMITS.pollOptionsMax })}
            </p>
            {optionsErrors ? <p className="field__error">{optionsErrors.join(' ')}</p> : null}
            <ol className="visit-form__option-list">
              {options.map(({ key, range }, index) => {
                const invalid = badOptions.has(index) || serverBadOptions.has(index);
                const number = index + 1;
                return (
                  <li key={key} className="visit-form__option">
                    <fieldset className="fieldset">
                      <legend>{t('visits.form.option', { number })}</legend>
                      <div className="visit-form__range">
                        <TextField
                          name={`dateOptions.${index}.startDate`}
                          type="date"
                          label={t('visits.form.firstDay')}
                          value={range.startDate}
                          onChange={(event) => setOption(index, { ...range, startDate: event.target.value })}
                          errors={invalid ? [t('visits.form.optionInvalid')] : undefined}
                        />
                        <TextField
                          name={`dateOptions.${index}.endDate`}
                          type="date"
                          min={range.startDate || undefined}
                          label={t('visits.form.lastDay')}
                          value={range.endDate}
                          onChange={(event) => setOption(index, { ...range, endDate: event.target.value })}
                        />
                      </div>
                      {options.length > VISIT_LIMITS.pollOptionsMin ? (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() => removeOption(index)}
                        >
                          {t('visits.form.removeOption', { number })}
                        </button>
                      ) : null}
                    </fieldset>
                  </li>
                );
              })}
            </ol>
            <button
              id={`${id}-add-option`}
              type="button"
              className="button button--secondary"
              disabled={options.length >= VISIT_LIMITS.pollOptionsMax}
              onClick={() => setOptions([...options, newOption()])}
            >
              {t('visits.form.addOption')}
            </button>
          </div>
        )}
      </fieldset>
      <div className="form__actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('visits.form.create')}
        </button>
      </div>
    </form>
  );
}
