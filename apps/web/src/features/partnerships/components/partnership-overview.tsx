import {
  PARTNERSHIP_GOALS_MAX_LENGTH,
  PARTNERSHIP_TITLE_MAX_LENGTH,
  type FieldErrors,
  type PartnershipDetailDto,
  type Theme,
  type UpdatePartnershipRequest,
} from '@twinning/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { TextAreaField, TextField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { useUpdatePartnership } from '../api/update-partnership';
import type { Announce } from '../../../lib/announce';
import { ThemeCheckboxes } from '../../../components/theme-checkboxes';

const EDIT_FIELDS: readonly (keyof UpdatePartnershipRequest)[] = ['title', 'themes', 'goals'];

/** Themes and goals, which coordinators may edit together with the title. */
export function PartnershipOverview({
  partnership,
  announce,
}: {
  partnership: PartnershipDetailDto;
  announce: Announce;
}) {
  const t = useI18n().t;
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  /** Set when the form closes, to give focus back to the button that opened it. */
  const restoreFocus = useRef(false);

  useEffect(() => {
    if (editing || !restoreFocus.current) return;
    restoreFocus.current = false;
    editButtonRef.current?.focus();
  }, [editing]);

  function close() {
    restoreFocus.current = true;
    setEditing(false);
  }

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('partnership.overviewHeading')}</h2>
      {editing ? (
        <EditPartnershipForm
          partnership={partnership}
          onCancel={close}
          onSaved={() => {
            announce(t('partnership.saved'));
            close();
          }}
        />
      ) : (
        <>
          <h3 className="partnership-subheading">{t('partnership.themes')}</h3>
          {partnership.themes.length > 0 ? (
            <ul className="tags" aria-label={t('partnership.themes')}>
              {partnership.themes.map((theme) => (
                <li key={theme} className="tag">
                  {t(`themes.${theme}`)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('common.none')}</p>
          )}
          <h3 className="partnership-subheading">{t('partnership.goals')}</h3>
          {partnership.goals ? (
            <p className="partnership-goals" dir="auto">
              {partnership.goals}
            </p>
          ) : (
            <p className="muted">{t('partnership.noGoals')}</p>
          )}
          {partnership.viewer.canEdit ? (
            <p>
              <button
                ref={editButtonRef}
                type="button"
                className="button button--secondary"
                onClick={() => setEditing(true)}
              >
                {t('partnership.edit')}
              </button>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

function EditPartnershipForm({
  partnership,
  onCancel,
  onSaved,
}: {
  partnership: PartnershipDetailDto;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t, language } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const update = useUpdatePartnership();
  const [title, setTitle] = useState(partnership.title);
  const [themes, setThemes] = useState<Theme[]>(partnership.themes);
  const [goals, setGoals] = useState(partnership.goals);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const serverErrors = localizedFieldErrors(update.error, t, language);
  const errorsFor = (field: keyof UpdatePartnershipRequest) => clientErrors[field] ?? serverErrors[field];

  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('input[name="title"]')?.focus();
  }, []);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: Record<string, string[]> = {};
    if (!title.trim()) errors['title'] = [t('validation.required')];
    if (themes.length === 0) errors['themes'] = [t('proposal.chooseTheme')];
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      focusFirstInvalid();
      return;
    }
    update.mutate(
      { partnershipId: partnership.id, changes: { title: title.trim(), themes, goals: goals.trim() } },
      { onSuccess: onSaved, onError: focusFirstInvalid },
    );
  }

  return (
    <form ref={formRef} className="form" noValidate aria-label={t('partnership.editLabel')} onSubmit={handleSubmit}>
      {Object.keys(clientErrors).length > 0 ? (
        <div role="alert" className="alert alert--error">
          {t('validation.fixErrors')}
        </div>
      ) : (
        <FormError error={update.error} shownFields={EDIT_FIELDS} />
      )}
      <TextField
        name="title"
        required
        maxLength={PARTNERSHIP_TITLE_MAX_LENGTH}
        label={t('partnership.titleLabel')}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        errors={errorsFor('title')}
      />
      <ThemeCheckboxes
        legend={t('partnership.themes')}
        value={themes}
        onChange={setThemes}
        errors={errorsFor('themes')}
      />
      <TextAreaField
        name="goals"
        rows={6}
        maxLength={PARTNERSHIP_GOALS_MAX_LENGTH}
        label={t('partnership.goals')}
        value={goals}
        onChange={(event) => setGoals(event.target.value)}
        errors={errorsFor('goals')}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('partnership.saveChanges')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('partnership.cancel')}
        </button>
      </div>
    </form>
  );
}
