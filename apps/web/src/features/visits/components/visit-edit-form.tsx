import type { UpdateVisitRequest, VisitDto } from '@twinning/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { FormError } from '../../../components/form-error';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { useUpdateVisit } from '../api/update-visit';
import { checkDetails, VisitDetailsFields, type VisitDetailsDraft } from './visit-fields';
import { utcIsoToZonedLocal } from '@twinning/contracts';
import { useViewerTimeZone, zonedLocalToUtcIso } from '../../../lib/zoned-time';

const SHOWN_FIELDS = ['title', 'purpose', 'themes', 'capacity', 'registrationDeadline'];

/** Title, purpose, themes, capacity and deadline of a visit, changed by a coordinator. */
export function VisitEditForm({
  visit,
  onSaved,
  onCancel,
}: {
  visit: VisitDto;
  onSaved: (visit: VisitDto) => void;
  onCancel: () => void;
}) {
  const { t, language } = useI18n();
  const viewerZone = useViewerTimeZone();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const update = useUpdateVisit();
  const [draft, setDraft] = useState<VisitDetailsDraft>(() => ({
    title: visit.title,
    purpose: visit.purpose,
    themes: visit.themes,
    capacity: String(visit.capacity),
    deadline: visit.registrationDeadline ? utcIsoToZonedLocal(visit.registrationDeadline, viewerZone) : '',
  }));
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const serverErrors = localizedFieldErrors(update.error, t, language);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = checkDetails(draft, viewerZone, t);
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      focusFirstInvalid();
      return;
    }
    const changes: UpdateVisitRequest = {
      title: draft.title.trim(),
      purpose: draft.purpose.trim(),
      themes: draft.themes,
      capacity: Number(draft.capacity),
      registrationDeadline: draft.deadline ? zonedLocalToUtcIso(draft.deadline, viewerZone) : null,
    };
    update.mutate({ visitId: visit.id, changes }, { onSuccess: onSaved, onError: focusFirstInvalid });
  }

  return (
    <form
      ref={formRef}
      className="form visit-edit"
      noValidate
      aria-label={t('visits.actions.edit')}
      onSubmit={handleSubmit}
    >
      <FormError error={update.error} shownFields={SHOWN_FIELDS} />
      <VisitDetailsFields
        draft={draft}
        onChange={setDraft}
        errors={{ ...serverErrors, ...clientErrors }}
        viewerZone={viewerZone}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('visits.actions.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('visits.dialog.back')}
        </button>
      </div>
    </form>
  );
}
