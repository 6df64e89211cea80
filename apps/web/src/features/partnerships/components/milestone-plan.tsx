import {
  MILESTONE_STATUSES,
  type MilestoneDto,
  type MilestoneStatus,
  type PartnershipDetailDto,
  type UserSummary,
} from '@twinning/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Fact } from '../../../components/fact';
import { SelectField, TextField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { useCreateMilestone } from '../api/create-milestone';
import { useDeleteMilestone } from '../api/delete-milestone';
import { useUpdateMilestone } from '../api/update-milestone';
import { formatDueDate } from '../partnership-text';
import type { Announce } from '../../../lib/announce';

const MILESTONE_TITLE_MAX_LENGTH = 200;

/** The people a milestone may be given to: the partnership's members (each once), and its current owner. */
function ownerChoices(partnership: PartnershipDetailDto, current?: UserSummary | null): UserSummary[] {
  const people = new Map<string, UserSummary>();
  for (const member of partnership.members) people.set(member.user.id, member.user);
  if (current && !people.has(current.id)) people.set(current.id, current);
  return [...people.values()];
}

interface MilestoneDraft {
  title: string;
  status: MilestoneStatus;
  ownerId: string;
  dueDate: string;
}

const EMPTY_DRAFT: MilestoneDraft = { title: '', status: 'planned', ownerId: '', dueDate: '' };

function draftOf(milestone: MilestoneDto): MilestoneDraft {
  return {
    title: milestone.title,
    status: milestone.status,
    ownerId: milestone.owner?.id ?? '',
    dueDate: milestone.dueDate?.slice(0, 10) ?? '',
  };
}

/** The request body for a draft: trimmed title, empty owner and date sent as null (cleared). */
function changesOf(draft: MilestoneDraft) {
  return {
    title: draft.title.trim(),
    status: draft.status,
    ownerId: draft.ownerId || null,
    dueDate: draft.dueDate || null,
  };
}

/** Title, status, owner and due date of a milestone: the fields of both the add and the edit form. */
function MilestoneFields({
  draft,
  onChange,
  owners,
  errors,
  titleError,
}: {
  draft: MilestoneDraft;
  onChange: (draft: MilestoneDraft) => void;
  owners: UserSummary[];
  errors: Record<string, string[]>;
  titleError: string[] | undefined;
}) {
  const t = useI18n().t;
  const set = <K extends keyof MilestoneDraft>(key: K, value: MilestoneDraft[K]) =>
    onChange({ ...draft, [key]: value });
  return (
    <>
      <TextField
        name="title"
        required
        maxLength={MILESTONE_TITLE_MAX_LENGTH}
        label={t('milestones.title')}
        value={draft.title}
        onChange={(event) => set('title', event.target.value)}
        errors={titleError ?? errors['title']}
      />
      <SelectField
        name="status"
        label={t('milestones.statusLabel')}
        value={draft.status}
        onChange={(event) => set('status', event.target.value as MilestoneStatus)}
        errors={errors['status']}
      >
        {MILESTONE_STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(`milestones.status.${value}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        name="ownerId"
        label={t('milestones.owner')}
        value={draft.ownerId}
        onChange={(event) => set('ownerId', event.target.value)}
        errors={errors['ownerId']}
      >
        <option value="">{t('milestones.noOwner')}</option>
        {owners.map((person) => (
          <option key={person.id} value={person.id}>
            {person.displayName}
          </option>
        ))}
      </SelectField>
      <TextField
        name="dueDate"
        type="date"
        label={t('milestones.dueDate')}
        value={draft.dueDate}
        onChange={(event) => set('dueDate', event.target.value)}
        errors={errors['dueDate']}
      />
    </>
  );
}

/** The action plan: milestones with their status, owner and due date; coordinators edit it in place. */
export function MilestonePlan({ partnership, announce }: { partnership: PartnershipDetailDto; announce: Announce }) {
  const t = useI18n().t;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const canManage = partnership.viewer.canEdit;
  const milestones = partnership.milestones;

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="focus-target">
        {t('milestones.heading')}
      </h2>
      {milestones.length === 0 ? (
        <p className="muted">{t('milestones.empty')}</p>
      ) : (
        <ul className="milestones" aria-labelledby={headingId}>
          {milestones.map((milestone) =>
            canManage ? (
              <MilestoneEditor
                key={milestone.id}
                partnership={partnership}
                milestone={milestone}
                announce={announce}
                onDeleted={() => headingRef.current?.focus()}
              />
            ) : (
              <MilestoneView key={milestone.id} milestone={milestone} />
            ),
          )}
        </ul>
      )}
      {canManage ? <AddMilestoneForm partnership={partnership} announce={announce} /> : null}
    </section>
  );
}

function MilestoneView({ milestone }: { milestone: MilestoneDto }) {
  const { t, language } = useI18n();
  return (
    <li className="milestone">
      <p className="milestone__title">
        <strong dir="auto">{milestone.title}</strong>{' '}
        <span className={`badge badge--milestone-${milestone.status}`}>
          {t(`milestones.status.${milestone.status}`)}
        </span>
      </p>
      <dl className="facts facts--compact">
        <Fact label={t('milestones.owner')}>{milestone.owner?.displayName ?? t('milestones.noOwner')}</Fact>
        <Fact label={t('milestones.dueDate')}>
          {milestone.dueDate ? (
            <time dateTime={milestone.dueDate.slice(0, 10)}>{formatDueDate(language, milestone.dueDate)}</time>
          ) : (
            t('milestones.noDueDate')
          )}
        </Fact>
      </dl>
    </li>
  );
}

function MilestoneEditor({
  partnership,
  milestone,
  announce,
  onDeleted,
}: {
  partnership: PartnershipDetailDto;
  milestone: MilestoneDto;
  announce: Announce;
  onDeleted: () => void;
}) {
  const { t, language } = useI18n();
  const update = useUpdateMilestone();
  const remove = useDeleteMilestone();
  const [draft, setDraft] = useState(() => draftOf(milestone));
  const [titleError, setTitleError] = useState<string[] | undefined>(undefined);
  const serverErrors = localizedFieldErrors(update.error, t, language);
  const name = milestone.title;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft.title.trim()) {
      setTitleError([t('validation.required')]);
      return;
    }
    setTitleError(undefined);
    update.mutate(
      {
        partnershipId: partnership.id,
        milestoneId: milestone.id,
        changes: changesOf(draft),
      },
      { onSuccess: (saved) => announce(t('milestones.saved', { title: saved.title })) },
    );
  }

  function handleDelete() {
    remove.mutate(
      { partnershipId: partnership.id, milestoneId: milestone.id },
      {
        onSuccess: () => {
          announce(t('milestones.deleted', { title: name }));
          onDeleted();
        },
      },
    );
  }

  return (
    <li className="milestone">
      <form
        className="milestone-form"
        noValidate
        aria-label={t('milestones.formLabel', { title: name })}
        onSubmit={handleSubmit}
      >
        <FormError error={update.error ?? remove.error} shownFields={['title', 'status', 'ownerId', 'dueDate']} />
        <MilestoneFields
          draft={draft}
          onChange={setDraft}
          owners={ownerChoices(partnership, milestone.owner)}
          errors={serverErrors}
          titleError={titleError}
        />
        <div className="button-row milestone-form__actions">
          <button
            type="submit"
            className="button button--small"
            disabled={update.isPending || remove.isPending}
            aria-label={t('milestones.saveOf', { title: name })}
          >
            {update.isPending ? t('common.saving') : t('milestones.save')}
          </button>
          <button
            type="button"
            className="button button--danger button--small"
            disabled={update.isPending || remove.isPending}
            aria-label={t('milestones.deleteOf', { title: name })}
            onClick={handleDelete}
          >
            {t('milestones.delete')}
          </button>
        </div>
      </form>
    </li>
  );
}

function AddMilestoneForm({ partnership, announce }: { partnership: PartnershipDetailDto; announce: Announce }) {
  const { t, language } = useI18n();
  const headingId = useId();
  const create = useCreateMilestone();
  const titleRef = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState(EMPTY_DRAFT);
  const [titleError, setTitleError] = useState<string[] | undefined>(undefined);
  const serverErrors = localizedFieldErrors(create.error, t, language);

  const focusTitle = () => titleRef.current?.querySelector('input')?.focus();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft.title.trim()) {
      setTitleError([t('validation.required')]);
      focusTitle();
      return;
    }
    setTitleError(undefined);
    create.mutate(
      {
        partnershipId: partnership.id,
        milestone: changesOf(draft),
      },
      {
        onSuccess: (saved) => {
          announce(t('milestones.added', { title: saved.title }));
          setDraft(EMPTY_DRAFT);
          create.reset();
          focusTitle();
        },
      },
    );
  }

  return (
    <form className="milestone-form milestone-form--new" noValidate aria-labelledby={headingId} onSubmit={handleSubmit}>
      <h3 id={headingId}>{t('milestones.addHeading')}</h3>
      <FormError error={create.error} shownFields={['title', 'status', 'ownerId', 'dueDate']} />
      <div ref={titleRef} className="milestone-form__fields">
        <MilestoneFields
          draft={draft}
          onChange={setDraft}
          owners={ownerChoices(partnership)}
          errors={serverErrors}
          titleError={titleError}
        />
      </div>
      <div className="milestone-form__actions">
        <button type="submit" className="button button--small" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('milestones.add')}
        </button>
      </div>
    </form>
  );
}
