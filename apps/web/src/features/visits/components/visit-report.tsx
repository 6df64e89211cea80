import {
  VISIT_LIMITS,
  type VisitDto,
  type VisitReportActionDto,
  type VisitReportDto,
  type VisitReportRequest,
} from '@twinning/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { SelectField, TextAreaField, TextField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { usePartnershipMembers } from '../api/get-partnership-members';
import { useMakeMilestone } from '../api/make-milestone';
import { useSaveReport } from '../api/save-report';
import { formatDateRange } from '../visit-time';
import type { Announce } from '../../../lib/announce';

interface ActionDraft {
  /** Stable React key; `id` is the saved action's, absent for new ones. */
  key: string;
  id?: string;
  title: string;
  description: string;
}

let nextKey = 0;
const newKey = () => `new-${(nextKey += 1)}`;

function actionsOf(report: VisitReportDto | null): ActionDraft[] {
  return (report?.actions ?? []).map((action) => ({
    key: action.id,
    id: action.id,
    title: action.title,
    description: action.description,
  }));
}

/**
 * The visit report: what was seen, practices worth transferring, follow-up actions. Members read it;
 * coordinators write it once the visit is confirmed or completed, and turn actions into milestones of
 * the partnership's action plan.
 */
export function VisitReport({ visit, announce }: { visit: VisitDto; announce: Announce }) {
  const { t, format } = useI18n();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const editable = visit.viewer.coordinator && (visit.status === 'confirmed' || visit.status === 'completed');
  const { report } = visit;
  const focusEdit = useRef(false);
  const editButtonId = `${headingId}-edit`;

  useEffect(() => {
    if (!editing && focusEdit.current) {
      focusEdit.current = false;
      document.getElementById(editButtonId)?.focus();
    }
  }, [editing, editButtonId]);

  if (!report && !editable) return null;

  return (
    <section className="section visit-report" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('visits.report.heading')}</h2>
      {editing ? (
        <ReportForm
          visit={visit}
          onSaved={() => {
            focusEdit.current = true;
            setEditing(false);
            announce(t('visits.report.saved'));
          }}
          onCancel={() => {
            focusEdit.current = true;
            setEditing(false);
          }}
        />
      ) : (
        <>
          {report ? (
            <>
              {report.updatedBy ? (
                <p className="muted">
                  {t('visits.report.updated', {
                    name: report.updatedBy.displayName,
                    date: format.dateTime(report.updatedAt),
                  })}
                </p>
              ) : null}
              <h3>{t('visits.report.seen')}</h3>
              {report.seenHtml ? (
                <div className="post-markdown" dir="auto" dangerouslySetInnerHTML={{ __html: report.seenHtml }} />
              ) : (
                <p className="muted">{t('common.none')}</p>
              )}
              <h3>{t('visits.report.practices')}</h3>
              {report.practicesHtml ? (
                <div className="post-markdown" dir="auto" dangerouslySetInnerHTML={{ __html: report.practicesHtml }} />
              ) : (
                <p className="muted">{t('common.none')}</p>
              )}
              <h3>{t('visits.report.actions')}</h3>
              {report.actions.length === 0 ? (
                <p className="muted">{t('common.none')}</p>
              ) : (
                <ul className="visit-report__actions">
                  {report.actions.map((action) => (
                    <li key={action.id} className="visit-report__action">
                      <ReportAction visit={visit} action={action} canMakeMilestone={editable} announce={announce} />
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : (
            <p className="empty">{t('visits.report.none')}</p>
          )}
          {editable ? (
            <button id={editButtonId} type="button" className="button" onClick={() => setEditing(true)}>
              {report ? t('visits.report.edit') : t('visits.report.write')}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

function ReportAction({
  visit,
  action,
  canMakeMilestone,
  announce,
}: {
  visit: VisitDto;
  action: VisitReportActionDto;
  canMakeMilestone: boolean;
  announce: Announce;
}) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <p className="visit-report__action-title">
        <strong>{action.title}</strong>
      </p>
      {action.description ? <p className="visit-report__action-text">{action.description}</p> : null}
      {action.milestone ? (
        <p className="visit-report__milestone">
          <span className="badge badge--approved">{t('visits.report.milestoneBadge')}</span>{' '}
          <Link to={`/partnerships/${visit.partnership.id}`}>
            {t('visits.report.milestoneLink', { title: action.milestone.title })}
          </Link>
          {action.milestone.dueDate ? (
            <span className="muted">
              {' '}
              {t('visits.report.milestoneDue', {
                date: formatDateRange(
                  language,
                  action.milestone.dueDate.slice(0, 10),
                  action.milestone.dueDate.slice(0, 10),
                ),
              })}
            </span>
          ) : null}
        </p>
      ) : canMakeMilestone ? (
        open ? (
          <MilestoneForm
            visit={visit}
            action={action}
            onDone={() => {
              setOpen(false);
              announce(t('visits.report.milestoneMade', { title: action.title }));
            }}
            onCancel={() => setOpen(false)}
          />
        ) : (
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t('visits.report.makeMilestoneFor', { title: action.title })}
            onClick={() => setOpen(true)}
          >
            {t('visits.report.makeMilestone')}
          </button>
        )
      ) : null}
    </>
  );
}

function MilestoneForm({
  visit,
  action,
  onDone,
  onCancel,
}: {
  visit: VisitDto;
  action: VisitReportActionDto;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, language } = useI18n();
  const members = usePartnershipMembers(visit.partnership.id);
  const make = useMakeMilestone();
  const [dueDate, setDueDate] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const errors = localizedFieldErrors(make.error, t, language);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    make.mutate(
      { visitId: visit.id, actionId: action.id, dueDate: dueDate || null, ownerId: ownerId || null },
      { onSuccess: onDone },
    );
  }

  return (
    <form
      className="inline-form visit-report__milestone-form"
      noValidate
      aria-label={t('visits.report.makeMilestoneFor', { title: action.title })}
      onSubmit={handleSubmit}
    >
      <FormError error={make.error} shownFields={['dueDate', 'ownerId']} />
      <TextField
        name="dueDate"
        type="date"
        label={t('visits.report.dueDate')}
        value={dueDate}
        onChange={(event) => setDueDate(event.target.value)}
        errors={errors['dueDate']}
      />
      <SelectField
        name="ownerId"
        label={t('visits.report.owner')}
        value={ownerId}
        onChange={(event) => setOwnerId(event.target.value)}
        errors={errors['ownerId']}
      >
        <option value="">{t('visits.report.noOwner')}</option>
        {(members.data ?? []).map((person) => (
          <option key={person.id} value={person.id}>
            {person.displayName}
          </option>
        ))}
      </SelectField>
      <div className="button-row">
        <button type="submit" className="button" disabled={make.isPending}>
          {make.isPending ? t('common.saving') : t('visits.report.createMilestone')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('visits.dialog.back')}
        </button>
      </div>
    </form>
  );
}

function ReportForm({ visit, onSaved, onCancel }: { visit: VisitDto; onSaved: () => void; onCancel: () => void }) {
  const { t, language } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const save = useSaveReport();
  const [seen, setSeen] = useState(visit.report?.seen ?? '');
  const [practices, setPractices] = useState(visit.report?.practices ?? '');
  const [actions, setActions] = useState<ActionDraft[]>(() => actionsOf(visit.report));
  const [missingTitles, setMissingTitles] = useState<Set<string>>(new Set());
  const errors = localizedFieldErrors(save.error, t, language);
  const addId = useId();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = new Set(actions.filter((action) => !action.title.trim()).map((action) => action.key));
    setMissingTitles(missing);
    if (missing.size > 0) {
      focusFirstInvalid();
      return;
    }
    const report: VisitReportRequest = {
      seen: seen.trim(),
      practices: practices.trim(),
      actions: actions.map((action) => ({
        ...(action.id ? { id: action.id } : {}),
        title: action.title.trim(),
        description: action.description.trim(),
      })),
    };
    save.mutate({ visitId: visit.id, report }, { onSuccess: onSaved, onError: focusFirstInvalid });
  }

  function update(key: string, changes: Partial<ActionDraft>) {
    setActions(actions.map((action) => (action.key === key ? { ...action, ...changes } : action)));
  }

  return (
    <form
      ref={formRef}
      className="form form--wide"
      noValidate
      aria-label={t('visits.report.formLabel')}
      onSubmit={handleSubmit}
    >
      <FormError error={save.error} shownFields={['seen', 'practices', 'actions']} />
      <TextAreaField
        name="seen"
        rows={6}
        maxLength={VISIT_LIMITS.reportSectionMax}
        label={t('visits.report.seen')}
        hint={t('visits.form.purposeHint')}
        value={seen}
        onChange={(event) => setSeen(event.target.value)}
        errors={errors['seen']}
      />
      <TextAreaField
        name="practices"
        rows={6}
        maxLength={VISIT_LIMITS.reportSectionMax}
        label={t('visits.report.practices')}
        hint={t('visits.form.purposeHint')}
        value={practices}
        onChange={(event) => setPractices(event.target.value)}
        errors={errors['practices']}
      />
      <fieldset className="fieldset">
        <legend>{t('visits.report.actions')}</legend>
        <p className="field__hint">{t('visits.report.actionsHint')}</p>
        {errors['actions'] ? <p className="field__error">{errors['actions'].join(' ')}</p> : null}
        <ol className="visit-report__action-list">
          {actions.map((action, index) => (
            <li key={action.key} className="visit-report__action-draft">
              <TextField
                name={`actions.${index}.title`}
                required
                maxLength={VISIT_LIMITS.agendaTextMax}
                label={t('visits.report.actionTitle', { number: index + 1 })}
                value={action.title}
                onChange={(event) => update(action.key, { title: event.target.value })}
                errors={missingTitles.has(action.key) ? [t('validation.required')] : undefined}
              />
              <TextAreaField
                name={`actions.${index}.description`}
                rows={2}
                maxLength={VISIT_LIMITS.agendaNotesMax}
                label={t('visits.report.actionDescription', { number: index + 1 })}
                value={action.description}
                onChange={(event) => update(action.key, { description: event.target.value })}
              />
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  setActions(actions.filter((item) => item.key !== action.key));
                  document.getElementById(addId)?.focus();
                }}
              >
                {t('visits.report.removeAction', { number: index + 1 })}
              </button>
            </li>
          ))}
        </ol>
        <button
          id={addId}
          type="button"
          className="button button--secondary"
          disabled={actions.length >= VISIT_LIMITS.reportActionsMax}
          onClick={() => setActions([...actions, { key: newKey(), title: '', description: '' }])}
        >
          {t('visits.report.addAction')}
        </button>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('visits.report.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('visits.dialog.back')}
        </button>
      </div>
    </form>
  );
}
