import {
  TRAINING_LIMITS,
  type TrainingEvaluationDto,
  type TrainingEvaluationResultsDto,
  type TrainingRequestDto,
} from '@twinning/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Fact } from '../../../components/fact';
import { TextAreaField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import type { Announce } from '../../../lib/announce';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { useTrainingEvaluation } from '../api/get-training-evaluation';
import { useSaveTrainingEvaluation } from '../api/save-training-evaluation';
import { TrainingRadioGroup } from './training-radio-group';

type Score = '1' | '2' | '3' | '4' | '5';
const SCORES: readonly Score[] = ['1', '2', '3', '4', '5'];

/** The evaluation section: after delivery, for participants (their form) and requesters or trainers (results). */
export const showsEvaluation = (request: TrainingRequestDto) =>
  (request.status === 'delivered' || request.status === 'evaluated') &&
  (request.viewer.participant || request.viewer.canSeeResults);

/** The participant's form (while open) and the aggregate results (requesters, trainers, admins). */
export function TrainingEvaluation({ request, announce }: { request: TrainingRequestDto; announce: Announce }) {
  const { t } = useI18n();
  const evaluation = useTrainingEvaluation(request.id);
  if (evaluation.isPending) return <Loading label={t('training.evaluation.loading')} />;
  if (evaluation.isError) return <FormError error={evaluation.error} />;
  const data = evaluation.data;
  return (
    <>
      {data.canAnswer ? (
        <EvaluationForm key={data.mine?.updatedAt ?? 'new'} request={request} evaluation={data} announce={announce} />
      ) : request.viewer.participant ? (
        <section className="section">
          <h2>{t('training.evaluation.heading')}</h2>
          <p>{data.mine ? t('training.evaluation.closedAnswered') : t('training.evaluation.closed')}</p>
        </section>
      ) : null}
      {data.results ? <EvaluationResults results={data.results} /> : null}
    </>
  );
}

function EvaluationForm({
  request,
  evaluation,
  announce,
}: {
  request: TrainingRequestDto;
  evaluation: TrainingEvaluationDto;
  announce: Announce;
}) {
  const { t, language, format } = useI18n();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const save = useSaveTrainingEvaluation(request.id);
  const mine = evaluation.mine;
  const [overall, setOverall] = useState<Score | null>(mine ? (String(mine.overall) as Score) : null);
  const [relevance, setRelevance] = useState<Score | null>(mine ? (String(mine.relevance) as Score) : null);
  const [willApply, setWillApply] = useState<'yes' | 'no' | null>(mine ? (mine.willApply ? 'yes' : 'no') : null);
  const [improve, setImprove] = useState(mine?.improve ?? '');
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const serverErrors = localizedFieldErrors(save.error, t, language);
  const errorsFor = (field: string) => clientErrors[field] ?? serverErrors[field];
  const scoreOptions = SCORES.map((value) => ({ value, label: t(`training.evaluation.score.${value}`) }));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: Record<string, string[]> = {};
    const choose = [t('training.evaluation.choose')];
    if (!overall) errors['overall'] = choose;
    if (!relevance) errors['relevance'] = choose;
    if (!willApply) errors['willApply'] = choose;
    setClientErrors(errors);
    if (!overall || !relevance || !willApply) {
      focusFirstInvalid();
      return;
    }
    save.mutate(
      {
        overall: Number(overall),
        relevance: Number(relevance),
        willApply: willApply === 'yes',
        ...(improve.trim() ? { improve: improve.trim() } : {}),
      },
      {
        onSuccess: () => announce(t('training.evaluation.saved'), { focus: true }),
        onError: focusFirstInvalid,
      },
    );
  }

  return (
    <section className="section" aria-labelledby={headingId} id="evaluation">
      <h2 id={headingId}>{t('training.evaluation.heading')}</h2>
      <p>{t('training.evaluation.intro', { date: evaluation.closesAt ? format.dateTime(evaluation.closesAt) : '' })}</p>
      <form ref={formRef} className="form" noValidate onSubmit={handleSubmit}>
        {Object.keys(clientErrors).length > 0 ? (
          <div role="alert" className="alert alert--error">
            {t('validation.fixErrors')}
          </div>
        ) : (
          <FormError error={save.error} shownFields={['overall', 'relevance', 'willApply', 'improve']} />
        )}
        <TrainingRadioGroup
          legend={t('training.evaluation.overall')}
          name="overall"
          options={scoreOptions}
          value={overall}
          onChange={setOverall}
          errors={errorsFor('overall')}
        />
        <TrainingRadioGroup
          legend={t('training.evaluation.relevance')}
          name="relevance"
          options={scoreOptions}
          value={relevance}
          onChange={setRelevance}
          errors={errorsFor('relevance')}
        />
        <TrainingRadioGroup<'yes' | 'no'>
          legend={t('training.evaluation.willApply')}
          name="willApply"
          options={[
            { value: 'yes', label: t('training.evaluation.yes') },
            { value: 'no', label: t('training.evaluation.no') },
          ]}
          value={willApply}
          onChange={setWillApply}
          errors={errorsFor('willApply')}
        />
        <TextAreaField
          name="improve"
          rows={3}
          maxLength={TRAINING_LIMITS.improveMax}
          label={t('training.evaluation.improve')}
          hint={t('training.evaluation.improveHint', { max: TRAINING_LIMITS.improveMax })}
          value={improve}
          onChange={(event) => setImprove(event.target.value)}
          errors={errorsFor('improve')}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending
              ? t('common.saving')
              : t(mine ? 'training.evaluation.update' : 'training.evaluation.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Aggregates only; below the threshold, no numbers at all. */
export function EvaluationResults({ results }: { results: TrainingEvaluationResultsDto }) {
  const { t, format } = useI18n();
  const headingId = useId();
  const improvementsId = useId();
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('training.evaluation.results')}</h2>
      {!results.ready ? (
        <p>{t('training.evaluation.notEnough', { min: results.minAnswers })}</p>
      ) : (
        <>
          <dl className="facts">
            <Fact label={t('training.evaluation.answers')}>{format.number(results.answers)}</Fact>
            <Fact label={t('training.evaluation.overall')}>
              {t('training.evaluation.average', { average: format.number(results.overall.average) })}
            </Fact>
            <Fact label={t('training.evaluation.relevance')}>
              {t('training.evaluation.average', { average: format.number(results.relevance.average) })}
            </Fact>
            <Fact label={t('training.evaluation.willApply')}>
              {t('training.evaluation.yesNo', {
                yes: format.number(results.willApply.yes),
                no: format.number(results.willApply.no),
              })}
            </Fact>
          </dl>
          <h3 id={improvementsId}>{t('training.evaluation.improvements')}</h3>
          {results.improvements.length === 0 ? (
            <p>{t('common.none')}</p>
          ) : (
            <ul aria-labelledby={improvementsId} className="training-improvements">
              {results.improvements.map((text, index) => (
                <li key={index}>
                  <bdi>{text}</bdi>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
