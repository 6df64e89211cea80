import {
  THEMES,
  TRAINING_FORMATS,
  TRAINING_LIMITS,
  TRAINING_SKILLS,
  WORK_LANGUAGES,
  type CreateTrainingRequest,
  type MeDto,
  type Theme,
  type TrainingFormat,
  type TrainingRequestDto,
  type TrainingSkill,
  type WorkLanguage,
} from '@twinning/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { CheckboxGroup } from '../../../components/checkbox-group';
import { SelectField, TextAreaField, TextField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n, type Translate } from '../../../lib/i18n';
import { useCityOfficials } from '../api/get-city-officials';
import { useCoordinatedPartnerships } from '../api/get-my-partnerships';
import { useCreateTrainingRequest } from '../api/create-training-request';
import '../training.css';

const SHOWN_FIELDS = [
  'cityId',
  'partnershipId',
  'title',
  'skills',
  'themes',
  'audienceRoles',
  'headCount',
  'officialIds',
  'languages',
  'format',
  'preferredStart',
  'preferredEnd',
  'notes',
];

interface Draft {
  /** `city:<id>` or `partnership:<id>`. */
  requester: string;
  title: string;
  skills: TrainingSkill[];
  themes: Theme[];
  audienceRoles: string;
  headCount: string;
  officialIds: string[];
  languages: WorkLanguage[];
  format: TrainingFormat;
  preferredStart: string;
  preferredEnd: string;
  notes: string;
}

const toggle = <V extends string>(list: readonly V[], value: V, on: boolean): V[] =>
  on ? [...list.filter((item) => item !== value), value] : list.filter((item) => item !== value);

const rolesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function check(draft: Draft, t: Translate): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const L = TRAINING_LIMITS;
  if (!draft.requester) errors['cityId'] = [t('validation.required')];
  const title = draft.title.trim();
  if (title.length < L.titleMin || title.length > L.titleMax) {
    errors['title'] = [t('training.form.titleLength', { min: L.titleMin, max: L.titleMax })];
  }
  if (draft.skills.length === 0) errors['skills'] = [t('training.form.chooseSkill')];
  const roles = rolesOf(draft.audienceRoles);
  if (roles.length > L.audienceRolesMax || roles.some((role) => role.length > L.audienceRoleMax)) {
    errors['audienceRoles'] = [t('training.form.rolesLimit', { max: L.audienceRolesMax, length: L.audienceRoleMax })];
  }
  const headCount = Number(draft.headCount);
  if (!Number.isInteger(headCount) || headCount < 1 || headCount > L.headCountMax) {
    errors['headCount'] = [t('validation.population', { min: 1, max: L.headCountMax })];
  }
  if (draft.languages.length === 0) errors['languages'] = [t('training.form.chooseLanguage')];
  else if (draft.languages.length > L.languagesMax) {
    errors['languages'] = [t('training.form.languagesMax', { max: L.languagesMax })];
  }
  if (!draft.preferredStart) errors['preferredStart'] = [t('validation.required')];
  if (!draft.preferredEnd) errors['preferredEnd'] = [t('validation.required')];
  else if (draft.preferredStart && draft.preferredEnd < draft.preferredStart) {
    errors['preferredEnd'] = [t('training.form.endBeforeStart')];
  }
  if (draft.notes.length > L.notesMax) errors['notes'] = [t('training.form.notesMax', { max: L.notesMax })];
  return errors;
}

export interface NewTrainingRequestFormProps {
  user: MeDto;
  onCreated: (request: TrainingRequestDto) => void;
}

/** A coordinator asks for a training, for their city or for a partnership of their city. */
export function NewTrainingRequestForm({ user, onCreated }: NewTrainingRequestFormProps) {
  const { t, language, format } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const cities = user.cities.filter((city) => city.role === 'coordinator');
  const partnerships = useCoordinatedPartnerships();
  const create = useCreateTrainingRequest();
  const [draft, setDraft] = useState<Draft>({
    requester: cities[0] ? `city:${cities[0].cityId}` : '',
    title: '',
    skills: [],
    themes: [],
    audienceRoles: '',
    headCount: '10',
    officialIds: [],
    languages: user.languages.slice(0, TRAINING_LIMITS.languagesMax),
    format: 'live_online',
    preferredStart: '',
    preferredEnd: '',
    notes: '',
  });
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const [kind, id] = draft.requester.split(':') as ['city' | 'partnership' | '', string | undefined];
  const city = kind === 'city' ? cities.find((item) => item.cityId === id) : undefined;
  const officials = useCityOfficials(city?.citySlug);

  const serverErrors = localizedFieldErrors(create.error, t, language);
  const errorsFor = (field: string) => clientErrors[field] ?? serverErrors[field];
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = check(draft, t);
    setClientErrors(errors);
    if (Object.keys(errors).length > 0 || !id) {
      focusFirstInvalid();
      return;
    }
    const request: CreateTrainingRequest = {
      title: draft.title.trim(),
      skills: draft.skills,
      themes: draft.themes,
      audienceRoles: rolesOf(draft.audienceRoles),
      headCount: Number(draft.headCount),
      officialIds: kind === 'city' ? draft.officialIds : [],
      languages: draft.languages,
      format: draft.format,
      preferredStart: draft.preferredStart,
      preferredEnd: draft.preferredEnd,
    };
    if (kind === 'city') request.cityId = id;
    else request.partnershipId = id;
    if (draft.notes.trim()) request.notes = draft.notes.trim();
    create.mutate(request, { onSuccess: onCreated, onError: focusFirstInvalid });
  }

  return (
    <form ref={formRef} className="form form--wide" noValidate onSubmit={handleSubmit}>
      {Object.keys(clientErrors).length > 0 ? (
        <div role="alert" className="alert alert--error">
          {t('validation.fixErrors')}
        </div>
      ) : (
        <FormError error={create.error} shownFields={SHOWN_FIELDS} />
      )}
      <SelectField
        name="requester"
        required
        label={t('training.form.requester')}
        hint={t('training.form.requesterHint')}
        value={draft.requester}
        onChange={(event) => set({ requester: event.target.value, officialIds: [] })}
        errors={errorsFor('cityId') ?? errorsFor('partnershipId')}
      >
        <optgroup label={t('training.form.cities')}>
          {cities.map((item) => (
            <option key={item.cityId} value={`city:${item.cityId}`}>
              {item.cityName}
            </option>
          ))}
        </optgroup>
        {partnerships.data && partnerships.data.length > 0 ? (
          <optgroup label={t('training.form.partnerships')}>
            {partnerships.data.map((item) => (
              <option key={item.id} value={`partnership:${item.id}`}>
                {item.title}
              </option>
            ))}
          </optgroup>
        ) : null}
      </SelectField>
      <TextField
        name="title"
        required
        maxLength={TRAINING_LIMITS.titleMax}
        label={t('training.form.title')}
        value={draft.title}
        onChange={(event) => set({ title: event.target.value })}
        errors={errorsFor('title')}
      />
      <CheckboxGroup
        legend={t('training.form.skills')}
        name="skills"
        options={TRAINING_SKILLS.map((value) => ({ value, label: t(`training.skill.${value}`) }))}
        value={draft.skills}
        onToggle={(value, on) => set({ skills: toggle(draft.skills, value, on) })}
        errors={errorsFor('skills')}
      />
      <CheckboxGroup
        legend={t('training.form.themes')}
        name="themes"
        options={THEMES.map((value) => ({ value, label: t(`themes.${value}`) }))}
        value={draft.themes}
        onToggle={(value, on) => set({ themes: toggle(draft.themes, value, on) })}
        errors={errorsFor('themes')}
      />
      <TextAreaField
        name="audienceRoles"
        rows={3}
        label={t('training.form.audienceRoles')}
        hint={t('training.form.audienceRolesHint')}
        value={draft.audienceRoles}
        onChange={(event) => set({ audienceRoles: event.target.value })}
        errors={errorsFor('audienceRoles')}
      />
      <TextField
        name="headCount"
        type="number"
        inputMode="numeric"
        required
        min={1}
        max={TRAINING_LIMITS.headCountMax}
        label={t('training.form.headCount')}
        value={draft.headCount}
        onChange={(event) => set({ headCount: event.target.value })}
        errors={errorsFor('headCount')}
      />
      {kind === 'city' ? (
        <CheckboxGroup
          legend={t('training.form.officials')}
          hint={t('training.form.officialsHint')}
          name="officialIds"
          options={(officials.data ?? []).map((person) => ({ value: person.id, label: person.displayName }))}
          value={draft.officialIds}
          onToggle={(value, on) => set({ officialIds: toggle(draft.officialIds, value, on) })}
          errors={errorsFor('officialIds')}
        />
      ) : null}
      <CheckboxGroup
        legend={t('training.form.languages')}
        hint={t('training.form.languagesHint', { max: TRAINING_LIMITS.languagesMax })}
        name="languages"
        options={WORK_LANGUAGES.map((value) => ({ value, label: format.languageName(value) }))}
        value={draft.languages}
        onToggle={(value, on) => set({ languages: toggle(draft.languages, value, on) })}
        errors={errorsFor('languages')}
      />
      <SelectField
        name="format"
        required
        label={t('training.form.format')}
        value={draft.format}
        onChange={(event) => set({ format: event.target.value as TrainingFormat })}
        errors={errorsFor('format')}
      >
        {TRAINING_FORMATS.map((value) => (
          <option key={value} value={value}>
            {t(`training.format.${value}`)}
          </option>
        ))}
      </SelectField>
      <fieldset className="fieldset">
        <legend>{t('training.form.period')}</legend>
        <p className="field__hint">{t('training.form.periodHint')}</p>
        <div className="training-form__range">
          <TextField
            name="preferredStart"
            type="date"
            required
            label={t('training.form.firstDay')}
            value={draft.preferredStart}
            onChange={(event) => set({ preferredStart: event.target.value })}
            errors={errorsFor('preferredStart')}
          />
          <TextField
            name="preferredEnd"
            type="date"
            required
            min={draft.preferredStart || undefined}
            label={t('training.form.lastDay')}
            value={draft.preferredEnd}
            onChange={(event) => set({ preferredEnd: event.target.value })}
            errors={errorsFor('preferredEnd')}
          />
        </div>
      </fieldset>
      <TextAreaField
        name="notes"
        rows={4}
        maxLength={TRAINING_LIMITS.notesMax}
        label={t('training.form.notes')}
        value={draft.notes}
        onChange={(event) => set({ notes: event.target.value })}
        errors={errorsFor('notes')}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('training.form.submit')}
        </button>
      </div>
    </form>
  );
}
