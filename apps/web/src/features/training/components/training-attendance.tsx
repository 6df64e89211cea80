import type { TrainingRequestDto } from '@twinning/contracts';
import { useId, useState, type FormEvent } from 'react';
import { FormError } from '../../../components/form-error';
import type { Announce } from '../../../lib/announce';
import { useI18n } from '../../../lib/i18n';
import { useMarkTrainingAttendance } from '../api/mark-training-attendance';
import { TrainingRadioGroup } from './training-radio-group';

type Mark = 'present' | 'absent';

/**
 * In-person attendance of the named officials. The trainer marks each one present or absent (only the
 * ones marked are sent); requesters see the marks.
 */
export function TrainingAttendance({ request, announce }: { request: TrainingRequestDto; announce: Announce }) {
  const { t } = useI18n();
  const headingId = useId();
  const mark = useMarkTrainingAttendance(request.id);
  const entries = request.attendance ?? [];
  const [marks, setMarks] = useState<Record<string, Mark | null>>(() =>
    Object.fromEntries(
      entries.map((entry) => [entry.user.id, entry.present === null ? null : entry.present ? 'present' : 'absent']),
    ),
  );
  const label = (present: boolean | null) =>
    present === null ? t('training.attendance.unmarked') : t(`training.attendance.${present ? 'present' : 'absent'}`);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const marked = Object.entries(marks).filter((entry): entry is [string, Mark] => entry[1] !== null);
    if (marked.length === 0) return;
    mark.mutate(
      { entries: marked.map(([userId, value]) => ({ userId, present: value === 'present' })) },
      { onSuccess: () => announce(t('training.attendance.saved'), { focus: true }) },
    );
  }

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('training.attendance.heading')}</h2>
      {request.viewer.canMarkAttendance ? (
        <form className="form" noValidate onSubmit={handleSubmit}>
          <FormError error={mark.error} shownFields={[]} />
          {entries.map((entry) => (
            <TrainingRadioGroup<Mark>
              key={entry.user.id}
              legend={entry.user.displayName}
              name={`attendance-${entry.user.id}`}
              options={[
                { value: 'present', label: t('training.attendance.present') },
                { value: 'absent', label: t('training.attendance.absent') },
              ]}
              value={marks[entry.user.id] ?? null}
              onChange={(value) => setMarks({ ...marks, [entry.user.id]: value })}
            />
          ))}
          <div className="form__actions">
            <button type="submit" className="button" disabled={mark.isPending}>
              {mark.isPending ? t('common.saving') : t('training.attendance.submit')}
            </button>
          </div>
        </form>
      ) : (
        <ul className="training-attendance">
          {entries.map((entry) => (
            <li key={entry.user.id}>
              <bdi>{entry.user.displayName}</bdi>: {label(entry.present)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
