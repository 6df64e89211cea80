import {
  meetingUrlProblem,
  THEMES,
  WORKSHOP_LANGUAGES,
  WORKSHOP_LIMITS,
  utcIsoToZonedLocal,
  type CreateWorkshopRequest,
  type FieldErrors,
  type MeDto,
  type Theme,
  type UpdateWorkshopRequest,
  type UserSummary,
  type WorkshopDto,
  type WorkshopLanguage,
} from '@twinning/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { SelectField, TextAreaField, TextField } from '../../../components/form-field';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { useCreateWorkshop } from '../api/create-workshop';
import { useScopePartnerships } from '../api/get-scope-partnerships';
import { useUpdateWorkshop } from '../api/update-workshop';
import { describeTimeZone, formatZonedInstant } from '../workshop-time';
import { FacilitatorSearch } from './facilitator-search';
import { useViewerTimeZone, zonedLocalToUtcIso } from '../../../lib/zoned-time';
import { hasRole } from '../../../lib/roles';
import '../workshops.css';

/** Fields the form shows next to their controls (any other field error is listed at the top). */
const SHOWN_FIELDS: readonly string[] = [
  'title',
  'description',
  'theme',
  'language',
  'scope',
  'partnershipId',
  'startsAt',
  'endsAt',
  'capacity',
  'meetingUrl',
  'facilitatorIds',
];

const PUBLIC_SCOPE = 'public';
const PARTNERSHIP_PREFIX = 'partnership:';

export interface WorkshopFormProps {
  viewer: MeDto;
  /** The workshop to edit; without it, the form schedules a new one. */
  workshop?: WorkshopDto;
  onSaved: (workshop: WorkshopDto) => void;
}

function defaultLanguage(uiLanguage: string): WorkshopLanguage {
  return (WORKSHOP_LANGUAGES as readonly string[]).includes(uiLanguage) ? (uiLanguage as WorkshopLanguage) : 'en';
}

/**
 * Schedules a workshop, or edits one. Start and end are typed as wall-clock times in the viewer's time zone
 * (named on the form) and sent in UTC; on edit they are shown back in that zone. The scope is chosen once,
 * at creation. Problems the server finds are shown next to the field they concern.
 */
export function WorkshopForm({ viewer, workshop, onSaved }: WorkshopFormProps) {
  const { t, language, format } = useI18n();
  const timeZone = useViewerTimeZone();
  const zoneHintId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const create = useCreateWorkshop();
  const update = useUpdateWorkshop();
  const editing = workshop !== undefined;
  const mutation = editing ? update : create;
  const partnerships = useScopePartnerships(hasRole(viewer, 'admin'));

  const initialStarts = workshop ? utcIsoToZonedLocal(workshop.startsAt, timeZone) : '';
  const initialEnds = workshop ? utcIsoToZonedLocal(workshop.endsAt, timeZone) : '';
  const [title, setTitle] = useState(workshop?.title ?? '');
  const [description, setDescription] = useState(workshop?.description ?? '');
  const [theme, setTheme] = useState<Theme | ''>(workshop?.theme ?? '');
  const [workshopLanguage, setWorkshopLanguage] = useState<WorkshopLanguage>(
    workshop?.language ?? defaultLanguage(language),
  );
  const [scope, setScope] = useState(PUBLIC_SCOPE);
  const [startsLocal, setStartsLocal] = useState(initialStarts);
  const [endsLocal, setEndsLocal] = useState(initialEnds);
  const [capacity, setCapacity] = useState(workshop?.capacity != null ? String(workshop.capacity) : '');
  const [meetingUrl, setMeetingUrl] = useState(workshop?.meeting?.url ?? '');
  const [coFacilitators, setCoFacilitators] = useState<UserSummary[]>([]);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  /**
   * The zone the stored times were last written out in. When the viewer's zone arrives (their profile
   * loads after the form), stored times not yet edited are written out again in it; what the viewer typed
   * stays as typed, since it is read in the zone the form names now.
   */
  const [entryZone, setEntryZone] = useState(timeZone);
  if (entryZone !== timeZone) {
    setEntryZone(timeZone);
    if (workshop && startsLocal === utcIsoToZonedLocal(workshop.startsAt, entryZone)) setStartsLocal(initialStarts);
    if (workshop && endsLocal === utcIsoToZonedLocal(workshop.endsAt, entryZone)) setEndsLocal(initialEnds);
  }

  const serverErrors = localizedFieldErrors(mutation.error, t, language);
  const errorsFor = (field: string) => clientErrors[field] ?? serverErrors[field];
  const hasClientErrors = Object.keys(clientErrors).length > 0;

  const languages = [...WORKSHOP_LANGUAGES]
    .map((code) => ({ code, name: format.languageName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, language));

  const startsIso = zonedLocalToUtcIso(startsLocal, timeZone);
  const endsIso = zonedLocalToUtcIso(endsLocal, timeZone);
  const zoneText = describeTimeZone(language, timeZone);

  function validate(): Record<string, string[]> {
    const errors: Record<string, string[]> = {};
    const trimmed = title.trim();
    if (!trimmed) errors['title'] = [t('validation.required')];
    else if (trimmed.length < WORKSHOP_LIMITS.titleMin || trimmed.length > WORKSHOP_LIMITS.titleMax) {
      errors['title'] = [
        t('workshops.form.titleLength', { min: WORKSHOP_LIMITS.titleMin, max: WORKSHOP_LIMITS.titleMax }),
      ];
    }
    if (!theme) errors['theme'] = [t('workshops.form.chooseTheme')];
    if (!startsIso) errors['startsAt'] = [t('workshops.form.dateTimeRequired')];
    if (!endsIso) errors['endsAt'] = [t('workshops.form.dateTimeRequired')];
    else if (startsIso && Date.parse(endsIso) <= Date.parse(startsIso)) {
      errors['endsAt'] = [t('workshops.form.endAfterStart')];
    }
    if (capacity.trim()) {
      const value = Number(capacity);
      if (!Number.isInteger(value) || value < 1 || value > WORKSHOP_LIMITS.capacityMax) {
        errors['capacity'] = [t('workshops.form.capacityRange', { max: WORKSHOP_LIMITS.capacityMax })];
      }
    }
    if (meetingUrl.trim() && meetingUrlProblem(meetingUrl.trim())) {
      errors['meetingUrl'] = [t('workshops.form.meetingUrlInvalid')];
    }
    if (!editing && scope.startsWith(PARTNERSHIP_PREFIX) && scope.length === PARTNERSHIP_PREFIX.length) {
      errors['scope'] = [t('validation.required')];
    }
    return errors;
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = validate();
    setClientErrors(errors);
    if (Object.keys(errors).length > 0 || !theme || !startsIso || !endsIso) {
      focusFirstInvalid();
      return;
    }
    const capacityValue = capacity.trim() ? Number(capacity) : null;
    const meetingValue = meetingUrl.trim() || null;

    if (workshop) {
      const changes: UpdateWorkshopRequest = {};
      if (title.trim() !== workshop.title) changes.title = title.trim();
      if (description !== workshop.description) changes.description = description;
      if (theme !== workshop.theme) changes.theme = theme;
      if (workshopLanguage !== workshop.language) changes.language = workshopLanguage;
      // Unchanged times are not sent again, so that a time stored with seconds is kept exactly.
      if (startsLocal !== initialStarts) changes.startsAt = startsIso;
      if (endsLocal !== initialEnds) changes.endsAt = endsIso;
      if (capacityValue !== workshop.capacity) changes.capacity = capacityValue;
      if (meetingValue !== (workshop.meeting?.url ?? null)) changes.meetingUrl = meetingValue;
      if (Object.keys(changes).length === 0) {
        onSaved(workshop);
        return;
      }
      update.mutate({ workshopId: workshop.id, changes }, { onSuccess: onSaved, onError: focusFirstInvalid });
      return;
    }

    const body: CreateWorkshopRequest = {
      title: title.trim(),
      description,
      theme,
      language: workshopLanguage,
      scope: scope === PUBLIC_SCOPE ? 'public' : 'partnership',
      startsAt: startsIso,
      endsAt: endsIso,
    };
    if (body.scope === 'partnership') body.partnershipId = scope.slice(PARTNERSHIP_PREFIX.length);
    if (capacityValue !== null) body.capacity = capacityValue;
    if (meetingValue !== null) body.meetingUrl = meetingValue;
    if (coFacilitators.length > 0) body.facilitatorIds = coFacilitators.map((person) => person.id);
    create.mutate(body, { onSuccess: onSaved, onError: focusFirstInvalid });
  }

  const submitLabel = editing ? t('workshops.form.save') : t('workshops.form.create');

  return (
    <form ref={formRef} className="form workshop-form" noValidate onSubmit={handleSubmit}>
      {hasClientErrors ? (
        <div role="alert" className="alert alert--error">
          {t('validation.fixErrors')}
        </div>
      ) : (
        <FormError error={mutation.error} shownFields={SHOWN_FIELDS} />
      )}

      <TextField
        name="title"
        required
        maxLength={WORKSHOP_LIMITS.titleMax}
        label={t('workshops.form.title')}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        errors={errorsFor('title')}
        dir="auto"
      />
      <TextAreaField
        name="description"
        rows={8}
        maxLength={WORKSHOP_LIMITS.descriptionMax}
        label={t('workshops.form.description')}
        hint={t('workshops.form.descriptionHint')}
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        errors={errorsFor('description')}
        dir="auto"
      />
      <SelectField
        name="theme"
        required
        label={t('workshops.form.theme')}
        value={theme}
        onChange={(event) => setTheme(event.target.value as Theme | '')}
        errors={errorsFor('theme')}
      >
        <option value="">{t('workshops.form.chooseTheme')}</option>
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {t(`themes.${value}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        name="language"
        required
        label={t('workshops.form.language')}
        hint={t('workshops.form.languageHint')}
        value={workshopLanguage}
        onChange={(event) => setWorkshopLanguage(event.target.value as WorkshopLanguage)}
        errors={errorsFor('language')}
      >
        {languages.map(({ code, name }) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </SelectField>

      {editing ? (
        <div className="field">
          <p className="workshop-form__label">{t('workshops.form.scope')}</p>
          <p>
            {workshop.scope === 'partnership' && workshop.partnership
              ? `${t('workshops.scope.partnershipPrefix')} ${workshop.partnership.title}`
              : workshop.scope === 'city' && workshop.city
                ? `${t('workshops.scope.cityPrefix')} ${workshop.city.name}`
                : t('workshops.scope.public')}
          </p>
          <p className="field__hint">{t('workshops.form.scopeFixed')}</p>
        </div>
      ) : (
        <SelectField
          name="scope"
          required
          label={t('workshops.form.scope')}
          hint={
            partnerships.isSuccess && partnerships.data.length === 0
              ? t('workshops.form.scopeHintNoPartnership')
              : t('workshops.form.scopeHint')
          }
          value={scope}
          onChange={(event) => setScope(event.target.value)}
          errors={errorsFor('scope') ?? errorsFor('partnershipId')}
        >
          <option value={PUBLIC_SCOPE}>{t('workshops.form.scopePublic')}</option>
          {(partnerships.data ?? []).map((partnership) => (
            <option key={partnership.id} value={`${PARTNERSHIP_PREFIX}${partnership.id}`}>
              {t('workshops.form.scopePartnership', { title: partnership.title })}
            </option>
          ))}
        </SelectField>
      )}
      {partnerships.isError && !editing ? <FormError error={partnerships.error} /> : null}

      <fieldset className="fieldset workshop-form__when" aria-describedby={zoneHintId}>
        <legend>{t('workshops.form.when')}</legend>
        <p id={zoneHintId} className="field__hint">
          {t('workshops.form.zoneHint', { zone: zoneText })} <Link to="/profile">{t('workshops.changeZone')}</Link>
        </p>
        <TextField
          type="datetime-local"
          name="startsAt"
          required
          label={t('workshops.form.startsAt')}
          hint={startsIso ? formatZonedInstant(language, timeZone, startsIso) : undefined}
          value={startsLocal}
          onChange={(event) => setStartsLocal(event.target.value)}
          errors={errorsFor('startsAt')}
        />
        <TextField
          type="datetime-local"
          name="endsAt"
          required
          min={startsLocal || undefined}
          label={t('workshops.form.endsAt')}
          hint={endsIso ? formatZonedInstant(language, timeZone, endsIso) : undefined}
          value={endsLocal}
          onChange={(event) => setEndsLocal(event.target.value)}
          errors={errorsFor('endsAt')}
        />
      </fieldset>

      <TextField
        type="number"
        name="capacity"
        inputMode="numeric"
        min={1}
        max={WORKSHOP_LIMITS.capacityMax}
        step={1}
        label={t('workshops.form.capacity')}
        hint={t('workshops.form.capacityHint')}
        value={capacity}
        onChange={(event) => setCapacity(event.target.value)}
        errors={errorsFor('capacity')}
      />

      <TextField
        type="url"
        name="meetingUrl"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        dir="ltr"
        placeholder="https://meet.jit.si/…"
        label={t('workshops.form.meetingUrl')}
        hint={t('workshops.form.meetingUrlHint')}
        value={meetingUrl}
        onChange={(event) => setMeetingUrl(event.target.value)}
        errors={errorsFor('meetingUrl')}
      />

      {editing ? null : (
        <CoFacilitatorsField
          viewerId={viewer.id}
          value={coFacilitators}
          onChange={setCoFacilitators}
          errors={errorsFor('facilitatorIds')}
        />
      )}

      <div className="form__actions">
        <button type="submit" className="button" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}

function CoFacilitatorsField({
  viewerId,
  value,
  onChange,
  errors,
}: {
  viewerId: string;
  value: UserSummary[];
  onChange: (people: UserSummary[]) => void;
  errors: readonly string[] | undefined;
}) {
  const { t } = useI18n();
  const id = useId();
  const invalid = !!errors && errors.length > 0;
  const full = value.length >= WORKSHOP_LIMITS.facilitatorsMax;

  return (
    <fieldset
      className="fieldset workshop-form__facilitators"
      aria-describedby={[`${id}-hint`, invalid ? `${id}-error` : ''].filter(Boolean).join(' ')}
    >
      <legend>{t('workshops.form.coFacilitators')}</legend>
      <p id={`${id}-hint`} className="field__hint">
        {t('workshops.form.coFacilitatorsHint', { count: WORKSHOP_LIMITS.facilitatorsMax })}
      </p>
      {value.length > 0 ? (
        <ul className="plain-list" aria-label={t('workshops.form.chosenCoFacilitators')}>
          {value.map((person) => (
            <li key={person.id} className="plain-list__item workshop-person">
              <span dir="auto">{person.displayName}</span>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t('workshops.facilitators.removeNamed', { name: person.displayName })}
                onClick={() => onChange(value.filter((other) => other.id !== person.id))}
              >
                {t('workshops.facilitators.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {full ? null : (
        <FacilitatorSearch
          excludeIds={[viewerId, ...value.map((person) => person.id)]}
          onPick={(person) => onChange([...value, person])}
        />
      )}
      {invalid ? (
        <p id={`${id}-error`} className="field__error">
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
