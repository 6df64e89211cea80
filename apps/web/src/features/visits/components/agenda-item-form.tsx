import { VISIT_LIMITS, type AgendaItemDto, type AgendaItemRequest, type VisitDto } from '@twinning/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { TextAreaField, TextField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { useAddAgendaItem } from '../api/add-agenda-item';
import { useUpdateAgendaItem } from '../api/update-agenda-item';

const FIELDS: readonly (keyof AgendaItemRequest)[] = [
  'startsLocal',
  'endsLocal',
  'title',
  'site',
  'address',
  'hostContact',
  'notes',
];

const LOCAL_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

type Draft = Required<AgendaItemRequest>;

function draftOf(item: AgendaItemDto | undefined, visit: VisitDto): Draft {
  return {
    startsLocal: item?.startsLocal ?? (visit.startDate ? `${visit.startDate}T09:00` : ''),
    endsLocal: item?.endsLocal ?? (visit.startDate ? `${visit.startDate}T10:00` : ''),
    title: item?.title ?? '',
    site: item?.site ?? '',
    address: item?.address ?? '',
    hostContact: item?.hostContact ?? '',
    notes: item?.notes ?? '',
  };
}

/**
 * Adds or edits an agenda item. Its times are the host city's wall time (the inputs say so, with the
 * zone's name); the API turns them into instants and refuses times outside the visit's days or skipped by
 * a daylight-saving change, next to the field concerned.
 */
export function AgendaItemForm({
  visit,
  item,
  onSaved,
  onCancel,
}: {
  visit: VisitDto;
  item?: AgendaItemDto;
  onSaved: (visit: VisitDto) => void;
  onCancel: () => void;
}) {
  const { t, language } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const add = useAddAgendaItem();
  const update = useUpdateAgendaItem();
  const mutation = item ? update : add;
  const [draft, setDraft] = useState<Draft>(() => draftOf(item, visit));
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const serverErrors = localizedFieldErrors(mutation.error, t, language);
  const errorsFor = (field: keyof AgendaItemRequest) => clientErrors[field] ?? serverErrors[field];
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const zone = { city: visit.hostCity.name, zone: visit.timeZone };
  const min = visit.startDate ? `${visit.startDate}T00:00` : undefined;
  const max = visit.endDate ? `${visit.endDate}T23:59` : undefined;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: Record<string, string[]> = {};
    if (!LOCAL_PATTERN.test(draft.startsLocal)) errors['startsLocal'] = [t('visits.agendaForm.timeRequired')];
    if (!LOCAL_PATTERN.test(draft.endsLocal)) errors['endsLocal'] = [t('visits.agendaForm.timeRequired')];
    else if (draft.endsLocal <= draft.startsLocal) errors['endsLocal'] = [t('visits.agendaForm.endAfterStart')];
    if (!draft.title.trim()) errors['title'] = [t('validation.required')];
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      focusFirstInvalid();
      return;
    }
    const request: Draft = {
      startsLocal: draft.startsLocal,
      endsLocal: draft.endsLocal,
      title: draft.title.trim(),
      site: draft.site.trim(),
      address: draft.address.trim(),
      hostContact: draft.hostContact.trim(),
      notes: draft.notes.trim(),
    };
    const options = { onSuccess: onSaved, onError: focusFirstInvalid };
    if (item) update.mutate({ visitId: visit.id, itemId: item.id, item: request }, options);
    else add.mutate({ visitId: visit.id, item: request }, options);
  }

  const label = item ? t('visits.agendaForm.editLabel', { title: item.title }) : t('visits.agendaForm.addLabel');

  return (
    <form ref={formRef} className="form agenda-form" noValidate aria-label={label} onSubmit={handleSubmit}>
      <p className="agenda-form__heading">{label}</p>
      <FormError error={mutation.error} shownFields={FIELDS} />
      <p className="field__hint">{t('visits.agendaForm.zoneHint', zone)}</p>
      <div className="visit-form__range">
        <TextField
          name="startsLocal"
          type="datetime-local"
          required
          min={min}
          max={max}
          label={t('visits.agendaForm.starts', zone)}
          value={draft.startsLocal}
          onChange={(event) => set('startsLocal', event.target.value)}
          errors={errorsFor('startsLocal')}
        />
        <TextField
          name="endsLocal"
          type="datetime-local"
          required
          min={min}
          max={max}
          label={t('visits.agendaForm.ends', zone)}
          value={draft.endsLocal}
          onChange={(event) => set('endsLocal', event.target.value)}
          errors={errorsFor('endsLocal')}
        />
      </div>
      <TextField
        name="title"
        required
        maxLength={VISIT_LIMITS.agendaTextMax}
        label={t('visits.agendaForm.title')}
        value={draft.title}
        onChange={(event) => set('title', event.target.value)}
        errors={errorsFor('title')}
      />
      <TextField
        name="site"
        maxLength={VISIT_LIMITS.agendaTextMax}
        label={t('visits.agenda.site')}
        hint={t('visits.agendaForm.siteHint')}
        value={draft.site}
        onChange={(event) => set('site', event.target.value)}
        errors={errorsFor('site')}
      />
      <TextAreaField
        name="address"
        rows={2}
        maxLength={VISIT_LIMITS.agendaTextMax}
        label={t('visits.agenda.address')}
        value={draft.address}
        onChange={(event) => set('address', event.target.value)}
        errors={errorsFor('address')}
      />
      <TextField
        name="hostContact"
        maxLength={VISIT_LIMITS.agendaTextMax}
        label={t('visits.agenda.hostContact')}
        hint={t('visits.agendaForm.contactHint')}
        value={draft.hostContact}
        onChange={(event) => set('hostContact', event.target.value)}
        errors={errorsFor('hostContact')}
      />
      <TextAreaField
        name="notes"
        rows={4}
        maxLength={VISIT_LIMITS.agendaNotesMax}
        label={t('visits.agendaForm.notes')}
        hint={t('visits.form.purposeHint')}
        value={draft.notes}
        onChange={(event) => set('notes', event.target.value)}
        errors={errorsFor('notes')}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : item ? t('visits.agendaForm.save') : t('visits.agendaForm.add')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('visits.dialog.back')}
        </button>
      </div>
    </form>
  );
}
