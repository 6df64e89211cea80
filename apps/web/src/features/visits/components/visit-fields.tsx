import { VISIT_LIMITS, type Theme } from '@twinning/contracts';
import { TextAreaField, TextField } from '../../../components/form-field';
import { useI18n } from '../../../lib/i18n';
import { zonedLocalToUtcIso } from '../../../lib/zoned-time';
import { ThemeCheckboxes } from '../../../components/theme-checkboxes';

/** The fields a visit's creator sets and may change later: the body of both the new and the edit form. */
export interface VisitDetailsDraft {
  title: string;
  purpose: string;
  themes: Theme[];
  capacity: string;
  /** `datetime-local` value in the viewer's zone, or empty for no deadline. */
  deadline: string;
}

export type FieldErrorMap = Readonly<Record<string, readonly string[] | undefined>>;

/** Problems the form can see before sending; the API checks again and names what it refuses. */
export function checkDetails(
  draft: VisitDetailsDraft,
  viewerZone: string,
  t: ReturnType<typeof useI18n>['t'],
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const title = draft.title.trim();
  if (title.length < VISIT_LIMITS.titleMin)
    errors['title'] = [t('visits.form.titleTooShort', { min: VISIT_LIMITS.titleMin })];
  const capacity = Number(draft.capacity);
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > VISIT_LIMITS.capacityMax) {
    errors['capacity'] = [t('visits.form.capacityRange', { max: VISIT_LIMITS.capacityMax })];
  }
  if (draft.deadline && !zonedLocalToUtcIso(draft.deadline, viewerZone)) {
    errors['registrationDeadline'] = [t('visits.form.deadlineInvalid')];
  }
  return errors;
}

export function VisitDetailsFields({
  draft,
  onChange,
  errors,
  viewerZone,
}: {
  draft: VisitDetailsDraft;
  onChange: (draft: VisitDetailsDraft) => void;
  errors: FieldErrorMap;
  viewerZone: string;
}) {
  const { t } = useI18n();
  const set = <K extends keyof VisitDetailsDraft>(key: K, value: VisitDetailsDraft[K]) =>
    onChange({ ...draft, [key]: value });
  return (
    <>
      <TextField
        name="title"
        required
        minLength={VISIT_LIMITS.titleMin}
        maxLength={VISIT_LIMITS.titleMax}
        label={t('visits.form.title')}
        value={draft.title}
        onChange={(event) => set('title', event.target.value)}
        errors={errors['title']}
      />
      <TextAreaField
        name="purpose"
        rows={6}
        maxLength={VISIT_LIMITS.purposeMax}
        label={t('visits.form.purpose')}
        hint={t('visits.form.purposeHint')}
        value={draft.purpose}
        onChange={(event) => set('purpose', event.target.value)}
        errors={errors['purpose']}
      />
      <ThemeCheckboxes
        legend={t('visits.form.themes')}
        value={draft.themes}
        onChange={(themes) => set('themes', themes)}
        errors={errors['themes']}
      />
      <TextField
        name="capacity"
        type="number"
        inputMode="numeric"
        required
        min={1}
        max={VISIT_LIMITS.capacityMax}
        className="field--short"
        label={t('visits.form.capacity')}
        hint={t('visits.form.capacityHint')}
        value={draft.capacity}
        onChange={(event) => set('capacity', event.target.value)}
        errors={errors['capacity']}
      />
      <TextField
        name="registrationDeadline"
        type="datetime-local"
        label={t('visits.form.deadline', { zone: viewerZone })}
        hint={t('visits.form.deadlineHint')}
        value={draft.deadline}
        onChange={(event) => set('deadline', event.target.value)}
        errors={errors['registrationDeadline']}
      />
    </>
  );
}
